package fr.comptoir;

import fr.comptoir.cli.ComptoirCli;
import fr.comptoir.shell.ComptoirApplication;
import javafx.application.Application;

import java.io.PrintWriter;

/**
 * Entry point of the jar: no arguments start the app; a command ({@code status}, {@code sync --once},
 * {@code demo-server}, ...) runs headless. Not a JavaFX {@code Application} itself, so the jar also runs
 * with JavaFX on the class path.
 */
public final class ComptoirLauncher {

    private ComptoirLauncher() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || args[0].startsWith("--home")) {
            Application.launch(ComptoirApplication.class, args);
            return;
        }
        int code = ComptoirCli.run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        if (code != 0 || !args[0].equals("demo-server")) {
            System.exit(code);
        }
    }
}
