package fr.comptoir.storage;

import fr.comptoir.centralapi.PendingWrite;
import fr.comptoir.sync.OutboxEntry;
import fr.comptoir.sync.OutboxStore;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The outbox table of the journal database: pending writes with their send state. */
public final class SqliteOutbox implements OutboxStore {

    private final SqliteDatabase db;

    public SqliteOutbox(SqliteDatabase db) {
        this.db = db;
    }

    @Override
    public Optional<PendingWrite> nextDue(long nowMillis) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT id, kind, idempotency_key, payload, next_attempt_at, attempts FROM outbox
                    WHERE state = 'PENDING' ORDER BY id LIMIT 1""")) {
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next() || rs.getLong(5) > nowMillis) {
                        return Optional.empty();
                    }
                    return Optional.of(new PendingWrite(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(6)));
                }
            }
        });
    }

    @Override
    public void markSent(long id, String response, long nowMillis) {
        update("UPDATE outbox SET state = 'SENT', sent_at = ?, response = ?, attempts = attempts + 1, last_error = NULL WHERE id = ?",
                nowMillis, response, id);
    }

    @Override
    public void markRetry(long id, String error, long nextAttemptAt) {
        update("UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE id = ?",
                error, nextAttemptAt, id);
    }

    @Override
    public void markNeedsAttention(long id, String error) {
        update("UPDATE outbox SET state = 'NEEDS_ATTENTION', attempts = attempts + 1, last_error = ? WHERE id = ?", error, id);
    }

    private void update(String sql, Object... args) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    ps.setObject(i + 1, args[i]);
                }
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public void makeDueNow() {
        update("UPDATE outbox SET next_attempt_at = 0 WHERE state = 'PENDING'");
    }

    @Override
    public long pendingCount() {
        return count("PENDING");
    }

    @Override
    public long needsAttentionCount() {
        return count("NEEDS_ATTENTION");
    }

    /** Writes delivered to the central platform. */
    public long sentCount() {
        return count("SENT");
    }

    private long count(String state) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM outbox WHERE state = ?")) {
                ps.setString(1, state);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.getLong(1);
                }
            }
        });
    }

    @Override
    public List<OutboxEntry> needsAttention() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT id, kind, state, attempts, last_error, created_at FROM outbox
                    WHERE state = 'NEEDS_ATTENTION' ORDER BY id""");
                 ResultSet rs = ps.executeQuery()) {
                List<OutboxEntry> list = new ArrayList<>();
                while (rs.next()) {
                    list.add(new OutboxEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5), rs.getLong(6)));
                }
                return list;
            }
        });
    }
}
