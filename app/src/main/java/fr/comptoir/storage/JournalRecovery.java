package fr.comptoir.storage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds a new journal from a damaged or missing one: every row that can still be read from the damaged
 * file (damaged pages are stepped over), then every row of the newest backup that the damaged file lost.
 * The ticket counter never goes back (the highest of every source and of the tickets recorded), so no
 * ticket number is given twice. The damaged file is kept aside, never deleted. Run by a person
 * ({@code comptoir journal recover}) while Comptoir is stopped.
 */
public final class JournalRecovery {

    private static final Logger LOG = LoggerFactory.getLogger(JournalRecovery.class);

    /** Tables of the journal, in an order that respects their references. */
    static final List<String> TABLES = List.of("settings", "journal", "fiscal_records", "outbox", "ticket_counter", "stock_movements", "parked_sales",
            "basket_in_progress", "payment_intents");

    /**
     * What a recovery did.
     *
     * @param fromDamaged rows saved from the damaged file, per table
     * @param fromBackup  rows taken from the backup that the damaged file no longer had, per table
     * @param setAside    where the damaged file now is, or null when there was none
     */
    public record Report(Map<String, Integer> fromDamaged, Map<String, Integer> fromBackup, Path backupUsed, Path setAside,
                         long ticketCounter, int unreadableStretches) {
        public int total() {
            return fromDamaged.values().stream().mapToInt(Integer::intValue).sum() + fromBackup.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    private JournalRecovery() {
    }

    public static Report recover(Path home, Clock clock) {
        Path journal = home.resolve("journal.db");
        Path work = home.resolve("recovery-" + clock.millis());
        Path rebuilt = home.resolve("journal.recovered.db");
        try {
            Files.createDirectories(work);
            Files.deleteIfExists(rebuilt);
            Map<String, Integer> fromDamaged = new LinkedHashMap<>();
            Map<String, Integer> fromBackup = new LinkedHashMap<>();
            int[] stretches = {0};
            long counter;
            Optional<Path> backup = JournalBackups.list(home).stream().findFirst();
            try (SqliteDatabase target = SqliteDatabase.open(rebuilt, "journal")) {
                if (Files.exists(journal) && Files.size(journal) > 0) {
                    Path copy = copyWithWal(journal, work.resolve("damaged.db"));
                    salvage(copy, target, fromDamaged, stretches);
                }
                if (backup.isPresent()) {
                    Path copy = copyWithWal(backup.get(), work.resolve("backup.db"));
                    // A backup of an earlier version is brought up to this version's schema first (it is a copy).
                    try (SqliteDatabase migrated = SqliteDatabase.open(copy, "journal")) {
                        LOG.info("Journal backup {} brought to the current schema", migrated.file().getFileName());
                    } catch (StorageException e) {
                        LOG.warn("Backup {} could not be brought to the current schema: {}", backup.get(), e.getMessage());
                    }
                    salvage(copy, target, fromBackup, stretches);
                }
                counter = fixTicketCounter(target, TerminalMarker.openOrCreate(home).ticketsReservedUpTo());
                if (!target.integrityProblems("integrity_check").isEmpty()) {
                    throw new StorageException("The rebuilt journal does not pass its own integrity check", null, StorageException.Kind.DAMAGED);
                }
            }
            Path aside = null;
            if (Files.exists(journal)) {
                aside = home.resolve("journal.db.damaged-" + clock.millis());
                Files.move(journal, aside);
                for (String suffix : new String[]{"-wal", "-shm"}) {
                    Path side = home.resolve("journal.db" + suffix);
                    if (Files.exists(side)) {
                        Files.move(side, home.resolve(aside.getFileName() + suffix));
                    }
                }
            }
            Files.move(rebuilt, journal, StandardCopyOption.ATOMIC_MOVE);
            deleteTree(work);
            return new Report(fromDamaged, fromBackup, backup.orElse(null), aside, counter, stretches[0]);
        } catch (IOException e) {
            throw new UncheckedIOException("Journal recovery failed in " + home, e);
        }
    }

    private static Path copyWithWal(Path source, Path target) throws IOException {
        Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        for (String suffix : new String[]{"-wal", "-shm"}) {
            Path side = source.resolveSibling(source.getFileName() + suffix);
            if (Files.exists(side)) {
                Files.copy(side, target.resolveSibling(target.getFileName() + suffix), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return target;
    }

    /** Copies every readable row of {@code source} that {@code target} does not have yet. */
    private static void salvage(Path source, SqliteDatabase target, Map<String, Integer> counts, int[] stretches) {
        try (Connection src = DriverManager.getConnection("jdbc:sqlite:" + source.toAbsolutePath())) {
            for (String table : TABLES) {
                List<String> sourceColumns;
                try {
                    sourceColumns = columns(src, table);
                } catch (SQLException unreadable) {
                    LOG.warn("Table {} of {} cannot be read at all: {}", table, source.getFileName(), unreadable.getMessage());
                    stretches[0]++;
                    continue;
                }
                if (sourceColumns.isEmpty()) {
                    continue;
                }
                List<String> targetColumns = target.read(c -> columns(c, table));
                List<String> shared = sourceColumns.stream().filter(targetColumns::contains).toList();
                counts.put(table, copyTable(src, target, table, shared, stretches));
            }
        } catch (SQLException e) {
            LOG.warn("{} cannot be opened: {}", source.getFileName(), e.getMessage());
            stretches[0]++;
        }
    }

    private static List<String> columns(Connection c, String table) throws SQLException {
        List<String> cols = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA table_info(" + table + ")")) {
            while (rs.next()) {
                cols.add(rs.getString("name"));
            }
        }
        return cols;
    }

    /** Reads the table by rowid ranges; where a page cannot be read, steps over it, further and further. */
    private static int copyTable(Connection src, SqliteDatabase target, String table, List<String> cols, int[] stretches) {
        String list = String.join(", ", cols);
        long maxRowid;
        try (Statement s = src.createStatement(); ResultSet rs = s.executeQuery("SELECT MAX(rowid) FROM " + table)) {
            maxRowid = rs.getLong(1);
        } catch (SQLException e) {
            maxRowid = Long.MAX_VALUE;
        }
        int copied = 0;
        long after = 0;
        long step = 1;
        int failuresInARow = 0;
        while (after < maxRowid && failuresInARow < 40) {
            List<Object[]> rows = new ArrayList<>();
            long last = after;
            try (PreparedStatement ps = src.prepareStatement("SELECT rowid, " + list + " FROM " + table + " WHERE rowid > ? ORDER BY rowid LIMIT 200")) {
                ps.setLong(1, after);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Object[] row = new Object[cols.size()];
                        for (int i = 0; i < cols.size(); i++) {
                            row[i] = rs.getObject(i + 2);
                        }
                        last = rs.getLong(1);
                        rows.add(row);
                    }
                }
                step = 1;
                failuresInARow = 0;
            } catch (SQLException damaged) {
                failuresInARow++;
                // Keep what this stretch gave before it broke, then jump over the damage.
                stretches[0]++;
                last = Math.max(last, after) + step;
                step = Math.min(step * 2, 1 << 20);
            }
            copied += insertMissing(target, table, cols, rows);
            if (rows.isEmpty() && last == after) {
                break;
            }
            after = last;
        }
        return copied;
    }

    private static int insertMissing(SqliteDatabase target, String table, List<String> cols, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        String placeholders = String.join(", ", java.util.Collections.nCopies(cols.size(), "?"));
        String sql;
        if (table.equals("stock_movements")) {
            // No key of its own: a movement is the same when all its columns are.
            String where = String.join(" AND ", cols.stream().map(c -> c + " IS ?").toList());
            sql = "INSERT INTO stock_movements(" + String.join(", ", cols) + ") SELECT " + placeholders
                    + " WHERE NOT EXISTS (SELECT 1 FROM stock_movements WHERE " + where + ")";
        } else if (table.equals("ticket_counter")) {
            sql = "UPDATE ticket_counter SET last = MAX(last, ?) WHERE id = 1";
        } else {
            sql = "INSERT OR IGNORE INTO " + table + "(" + String.join(", ", cols) + ") VALUES (" + placeholders + ")";
        }
        return target.inTransaction(c -> {
            int n = 0;
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (Object[] row : rows) {
                    if (table.equals("ticket_counter")) {
                        ps.setObject(1, row[cols.indexOf("last")]);
                    } else {
                        for (int i = 0; i < row.length; i++) {
                            ps.setObject(i + 1, row[i]);
                            if (table.equals("stock_movements")) {
                                ps.setObject(row.length + i + 1, row[i]);
                            }
                        }
                    }
                    n += ps.executeUpdate();
                }
            }
            return n;
        });
    }

    /**
     * The counter goes on from the highest ticket that may have been given here: the highest of the sources,
     * of the tickets recorded (a record whose text the damage garbled is skipped: the numbers reserved cover it), and of
     * the numbers reserved outside the journal (some of which may then stay unused).
     */
    private static long fixTicketCounter(SqliteDatabase target, long reserved) {
        return target.inTransaction(c -> {
            long highest = reserved;
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("""
                         SELECT json_extract(body, '$.ticketNumber') FROM fiscal_records WHERE chain = 'TICKETS' AND json_valid(body)
                         UNION ALL
                         SELECT json_extract(payload, '$.ticketNumber') FROM journal WHERE kind = 'sale.completed' AND json_valid(payload)""")) {
                while (rs.next()) {
                    String ticket = rs.getString(1);
                    if (ticket != null && ticket.lastIndexOf('-') >= 0) {
                        try {
                            highest = Math.max(highest, Long.parseLong(ticket.substring(ticket.lastIndexOf('-') + 1)));
                        } catch (NumberFormatException ignored) {
                            // Not a number this version gave: the counter cannot be below it anyway.
                        }
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE ticket_counter SET last = MAX(last, ?) WHERE id = 1")) {
                ps.setLong(1, highest);
                ps.executeUpdate();
            }
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT last FROM ticket_counter WHERE id = 1")) {
                return rs.getLong(1);
            }
        });
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
