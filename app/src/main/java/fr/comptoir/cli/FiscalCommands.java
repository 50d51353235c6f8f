package fr.comptoir.cli;

import fr.comptoir.AppContext;
import fr.comptoir.AppHome;
import fr.comptoir.fiscal.FiscalArchive;
import fr.comptoir.fiscal.SigningKey;
import fr.comptoir.fiscal.VerificationReport;
import fr.comptoir.storage.SqliteDatabase;
import fr.comptoir.storage.SqliteFiscalBook;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import java.util.concurrent.Callable;

/** The fiscal journal for an auditor or head office: verify it, or export a period as a signed archive (decision 0031). */
final class FiscalCommands {

    private FiscalCommands() {
    }

    @Command(name = "verify-journal", description = "Verify a terminal's fiscal chains: every signature, every gap, insertion, "
            + "deletion, reordering or changed amount is reported with its record. Checks the journal of the data folder, or an "
            + "archive alone (--archive). Exit status: 0 verified, 1 problems found, 2 cannot be read.")
    static final class Verify implements Callable<Integer> {
        @CommandLine.Mixin
        ComptoirCli.HomeOption home = new ComptoirCli.HomeOption();
        @Option(names = "--archive", description = "An archive file made by 'comptoir archive' (its .sig beside it).")
        Path archive;
        @Option(names = "--public-key", description = "The terminal's public key (PEM) as registered with the platform: "
                + "records signed with any other key are reported.")
        Path publicKey;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            PublicKey trusted = null;
            if (publicKey != null) {
                try {
                    trusted = SigningKey.publicKeyFromPem(Files.readString(publicKey));
                } catch (IOException | IllegalArgumentException e) {
                    err.println("Cannot read the public key " + publicKey + ": " + e.getMessage());
                    return 2;
                }
                out.println("Checking against key " + SigningKey.idOf(trusted) + " (" + publicKey.getFileName() + ")");
            }
            VerificationReport report;
            if (archive != null) {
                if (!Files.isRegularFile(archive)) {
                    err.println("No archive at " + archive);
                    return 2;
                }
                out.println("Archive " + archive.toAbsolutePath());
                try {
                    report = FiscalArchive.verify(archive, trusted);
                } catch (IOException e) {
                    err.println("Cannot read " + archive + ": " + e.getMessage());
                    return 2;
                }
            } else {
                Path file = AppHome.resolve(home.home).resolve(AppContext.JOURNAL_FILE);
                if (!Files.isRegularFile(file)) {
                    err.println("No journal at " + file);
                    return 2;
                }
                out.println("Journal " + file.toAbsolutePath());
                Set<String> ids = trusted == null ? Set.of() : Set.of(SigningKey.idOf(trusted));
                try (SqliteDatabase db = SqliteDatabase.open(file, "journal", SqliteDatabase.Durability.FULL, true)) {
                    report = db.read(c -> SqliteFiscalBook.verify(c, ids));
                }
            }
            if (trusted == null) {
                out.println("Checked against the keys the records carry: this proves the records are whole and in order; "
                        + "give --public-key (the key registered with the platform) to prove who signed them.");
            }
            for (String line : report.lines()) {
                (line.startsWith("PROBLEM") || line.startsWith("NOT VERIFIED") ? err : out).println(line);
            }
            return report.ok() ? 0 : 1;
        }
    }

    @Command(name = "archive", description = "Export this terminal's fiscal records of a period (dates in the terminal's time zone, "
            + "both included) as a signed JSON archive, with its .sig and the public key beside it.")
    static final class Archive implements Callable<Integer> {
        @CommandLine.Mixin
        ComptoirCli.HomeOption home = new ComptoirCli.HomeOption();
        @Option(names = "--from", required = true, description = "First day, YYYY-MM-DD.")
        LocalDate from;
        @Option(names = "--to", description = "Last day, YYYY-MM-DD (default: today).")
        LocalDate to;
        @Option(names = "--out", description = "Folder to write into (default: <home>/archives).")
        Path out;
        @Option(names = "--training", description = "Export the training tickets instead (they are archived apart).")
        boolean training;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            Path dir = AppHome.resolve(home.home);
            ZoneId zone = ZoneId.systemDefault();
            LocalDate last = to != null ? to : LocalDate.now(zone);
            if (last.isBefore(from)) {
                spec.commandLine().getErr().println("--to is before --from.");
                return 2;
            }
            try (AppContext ctx = AppContext.open(dir, Clock.systemUTC(), AppContext.Options.defaults())) {
                Path file = ctx.exportFiscalArchive(from.atStartOfDay(zone).toInstant(), last.plusDays(1).atStartOfDay(zone).toInstant(),
                        out != null ? out : dir.resolve("archives"), training);
                Path pem = file.resolveSibling(file.getFileName().toString().replaceAll("\\.json$", "") + ".pub.pem");
                Files.writeString(pem, ctx.signingKeyPem());
                PrintWriter o = spec.commandLine().getOut();
                o.println("Archive:    " + file.toAbsolutePath());
                o.println("Signature:  " + FiscalArchive.signatureOf(file).toAbsolutePath());
                o.println("Public key: " + pem.toAbsolutePath());
                o.println("Check it with: comptoir verify-journal --archive " + file.getFileName() + " --public-key <the key registered with the platform>");
            }
            return 0;
        }
    }
}
