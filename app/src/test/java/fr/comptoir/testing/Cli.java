package fr.comptoir.testing;

import fr.comptoir.cli.ComptoirCli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs a {@code comptoir} command in the test JVM and keeps what it said. */
public final class Cli {

    /** What a command did: its exit status and what it printed. */
    public record Run(int code, String out, String err) {
    }

    private Cli() {
    }

    public static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ComptoirCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }
}
