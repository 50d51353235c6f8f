package fr.comptoir.storage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Rolling backups of the journal in {@code backups/}: a copy made with SQLite's backup API whenever the
 * journal changed since the last one (every few minutes, and when the app stops), the newest
 * {@link #KEEP} kept. A damaged journal then loses at most the minutes since its last backup (see
 * {@link JournalRecovery}). Backups run on their own thread and their own connection.
 */
public final class JournalBackups implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JournalBackups.class);
    public static final String FOLDER = "backups";
    public static final int KEEP = 24;
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("'journal-'yyyyMMdd-HHmmss-SSS'.db'").withZone(ZoneOffset.UTC);

    private final SqliteDatabase journal;
    private final Path folder;
    private final Clock clock;
    private ScheduledExecutorService schedule;
    private long changesAtLastBackup = -1;

    public JournalBackups(SqliteDatabase journal, Path home, Clock clock) {
        this.journal = journal;
        this.folder = home.resolve(FOLDER);
        this.clock = clock;
    }

    /** Backs up every {@code interval} from now on, when the journal changed. */
    public synchronized void start(Duration interval) {
        if (schedule != null) {
            return;
        }
        removeUnfinished();
        schedule = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "comptoir-journal-backup");
            t.setDaemon(true);
            return t;
        });
        schedule.scheduleWithFixedDelay(() -> {
            try {
                backupIfChanged();
            } catch (RuntimeException e) {
                LOG.error("The journal could not be backed up", e);
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Backs up now when the journal changed since the last backup; returns the file written. */
    public synchronized Optional<Path> backupIfChanged() {
        if (changes() == changesAtLastBackup) {
            return Optional.empty();
        }
        return Optional.of(backupNow());
    }

    private long changes() {
        // The writer's own change counter: readers have none.
        return journal.withWriter(c -> {
            try (var s = c.createStatement(); var rs = s.executeQuery("SELECT total_changes()")) {
                return rs.getLong(1);
            }
        });
    }

    /** Backs up now, whatever changed. */
    public synchronized Path backupNow() {
        changesAtLastBackup = changes();
        try {
            Files.createDirectories(folder);
            Path target = folder.resolve(NAME.format(clock.instant()));
            Path tmp = folder.resolve(target.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            journal.backupTo(tmp);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            prune();
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write a journal backup in " + folder, e);
        }
    }

    private void prune() throws IOException {
        List<Path> all = list(folder.getParent());
        for (Path old : all.subList(Math.min(KEEP, all.size()), all.size())) {
            Files.deleteIfExists(old);
        }
    }

    /** A backup cut short (the app stopped while writing it) leaves a temporary file: never a backup, removed at start. */
    private void removeUnfinished() {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path p : files.filter(f -> f.getFileName().toString().contains(".db.tmp")).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            LOG.warn("Unfinished journal backups could not be removed from {}: {}", folder, e.toString());
        }
    }

    /** The journal backups of a data folder, newest first. */
    public static List<Path> list(Path home) {
        Path dir = home.resolve(FOLDER);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().matches("journal-\\d{8}-\\d{6}-\\d{3}\\.db"))
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + dir, e);
        }
    }

    /** No more backups, not even at close (a folder only looked at). */
    public synchronized void stop() {
        if (schedule != null) {
            schedule.shutdownNow();
            schedule = null;
        }
        stopped = true;
    }

    private boolean stopped;

    /** Stops the schedule and makes a last backup when something changed. */
    @Override
    public synchronized void close() {
        if (schedule != null) {
            schedule.shutdownNow();
            schedule = null;
        }
        if (stopped) {
            return;
        }
        try {
            backupIfChanged();
        } catch (RuntimeException e) {
            LOG.error("The journal could not be backed up when closing", e);
        }
    }
}
