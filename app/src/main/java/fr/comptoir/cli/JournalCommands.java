package fr.comptoir.cli;

import fr.comptoir.AppHome;
import fr.comptoir.storage.TerminalMarker;
import fr.comptoir.storage.DataFolderLock;
import fr.comptoir.storage.JournalBackups;
import fr.comptoir.storage.JournalRecovery;
import fr.comptoir.storage.SqliteDatabase;
import fr.comptoir.storage.StorageException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The journal's care, for a store manager on the phone with head office IT: check it, back it up,
 * rebuild a damaged or missing one, or (when it is truly lost) start a new one. Run while Comptoir is stopped.
 */
@Command(name = "journal", description = "Check, back up, recover or reset the journal (the store's own work). Run with Comptoir stopped.",
        subcommands = {JournalCommands.Check.class, JournalCommands.Backup.class, JournalCommands.Recover.class, JournalCommands.Reset.class})
final class JournalCommands {

    static Path home(ComptoirCli.HomeOption option) {
        return AppHome.resolve(option.home);
    }

    @Command(name = "check", description = "Run SQLite's integrity check on the journal and list its backups. Exit 0 when sound.")
    static final class Check implements Callable<Integer> {
        @CommandLine.Mixin
        ComptoirCli.HomeOption home = new ComptoirCli.HomeOption();
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Path dir = home(home);
            Path file = dir.resolve("journal.db");
            List<Path> backups = JournalBackups.list(dir);
            out.println("Backups: " + backups.size() + (backups.isEmpty() ? "" : " (newest " + backups.get(0).getFileName() + ")"));
            if (!Files.exists(file)) {
                spec.commandLine().getErr().println("No journal at " + file + ". Run 'comptoir journal recover' to rebuild it from the newest backup.");
                return 1;
            }
            List<String> problems;
            try (SqliteDatabase db = SqliteDatabase.open(file, "journal", SqliteDatabase.Durability.FULL, true)) {
                problems = db.integrityProblems("integrity_check");
            } catch (StorageException e) {
                problems = List.of(e.getMessage());
            }
            if (problems.isEmpty()) {
                out.println("Journal " + file + ": sound.");
                return 0;
            }
            spec.commandLine().getErr().println("Journal " + file + " is damaged:");
            problems.stream().limit(10).forEach(p -> spec.commandLine().getErr().println("  " + p));
            spec.commandLine().getErr().println("Run 'comptoir journal recover' to rebuild it from what can be read and the newest backup.");
            return 1;
        }
    }

    @Command(name = "backup", description = "Back the journal up now into <home>/backups.")
    static final class Backup implements Callable<Integer> {
        @CommandLine.Mixin
        ComptoirCli.HomeOption home = new ComptoirCli.HomeOption();
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            Path dir = home(home);
            try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("journal.db"), "journal", SqliteDatabase.Durability.FULL, true)) {
                Path file = new JournalBackups(db, dir, Clock.systemUTC()).backupNow();
                spec.commandLine().getOut().println("Backed up to " + file);
                return 0;
            }
        }
    }

    @Command(name = "recover", description = "Rebuild the journal from every readable record of the damaged (or missing) one and the newest "
            + "backup; the damaged file is kept aside.")
    static final class Recover implements Callable<Integer> {
        @CommandLine.Mixin
        ComptoirCli.HomeOption home = new ComptoirCli.HomeOption();
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            JournalRecovery.Report r;
            try (DataFolderLock taken = DataFolderLock.acquire(home(home), java.time.Duration.ZERO)) {
                r = JournalRecovery.recover(home(home), Clock.systemUTC());
            }
            out.println("Journal rebuilt: " + r.total() + " record(s) saved.");
            out.println("  from the damaged journal: " + r.fromDamaged());
            out.println("  from the backup" + (r.backupUsed() == null ? " (none found)" : " " + r.backupUsed().getFileName()) + ": "
                    + r.fromBackup());
            if (r.unreadableStretches() > 0) {
                out.println("  unreadable stretches stepped over: " + r.unreadableStretches());
            }
            out.println("  next ticket number after " + r.ticketCounter());
            if (r.setAside() != null) {
                out.println("The damaged journal is kept as " + r.setAside());
            }
            if (r.total() == 0) {
                spec.commandLine().getErr().println("Nothing could be recovered. If the journal is truly lost, run 'comptoir journal reset --confirm'.");
                return 1;
            }
            out.println("Start Comptoir: writes not yet delivered go out at the next sync (the platform recognises those it already has).");
            return 0;
        }
    }

    @Command(name = "reset", description = "Start a new, empty journal (the old one is kept aside). The terminal must be activated again.")
    static final class Reset implements Callable<Integer> {
        @CommandLine.Mixin
        ComptoirCli.HomeOption home = new ComptoirCli.HomeOption();
        @Option(names = "--confirm", description = "Yes: writes not yet delivered in the old journal will never reach the platform.")
        boolean confirm;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            Path dir = home(home);
            if (!confirm) {
                spec.commandLine().getErr().println("This starts a new journal: what the old one did not deliver will never reach the central "
                        + "platform. Try 'comptoir journal recover' first. To go on, add --confirm.");
                return 2;
            }
            long now = System.currentTimeMillis();
            try (DataFolderLock taken = DataFolderLock.acquire(dir, java.time.Duration.ZERO)) {
                for (String name : new String[]{"journal.db", "journal.db-wal", "journal.db-shm"}) {
                    Path p = dir.resolve(name);
                    if (Files.exists(p)) {
                        Files.move(p, dir.resolve(name + ".reset-" + now));
                    }
                }
                TerminalMarker.openOrCreate(dir).forgetActivation();
            }
            spec.commandLine().getOut().println("A new journal will be started. The old one is kept as journal.db.reset-" + now
                    + ". Activate the terminal again.");
            return 0;
        }
    }
}
