package fr.comptoir.storage;

import fr.comptoir.centralapi.PendingWrite;
import fr.comptoir.common.JsonCodec;
import fr.comptoir.sync.NeedsAttention;
import fr.comptoir.sync.OutboxEntry;
import fr.comptoir.sync.OutboxStore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The outbox table of the journal database: pending writes with their send state, ordered per record
 * ({@code order_key}), and the decisions a manager takes on refused ones, journaled in the same
 * transaction. Any thread but the JavaFX one.
 */
public final class SqliteOutbox implements OutboxStore, NeedsAttention {

    /** A manager's decision on a refused write, as the journal keeps it. */
    public record Decision(long outboxId, String kind, String refusal, String approvedBy, String detail) {
    }

    private final SqliteDatabase db;
    private final JsonCodec json;
    private final Clock clock;
    private final SqliteFiscalBook fiscal;

    public SqliteOutbox(SqliteDatabase db) {
        this(db, CanonicalJson.codec(), Clock.systemUTC());
    }

    /** An outbox signing the managers' decisions it journals with a key of its own, kept in memory (tests). */
    public SqliteOutbox(SqliteDatabase db, JsonCodec json, Clock clock) {
        this(db, json, clock, SqliteFiscalBook.inMemoryKey());
    }

    /** @param fiscal signs the managers' decisions (technical events), with the terminal's key */
    public SqliteOutbox(SqliteDatabase db, JsonCodec json, Clock clock, SqliteFiscalBook fiscal) {
        this.db = db;
        this.json = json;
        this.clock = clock;
        this.fiscal = fiscal;
    }

    @Override
    public List<PendingWrite> due(long nowMillis, int limit) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT o.id, o.kind, o.idempotency_key, o.payload, o.attempts, o.payload_format, o.checkpoint,
                           f.chain, f.seq, f.recorded_at, f.kind, f.staff_id, f.format, f.body, f.key_id, f.perpetual_cents,
                           f.previous_signature, f.signature
                    FROM outbox o LEFT JOIN fiscal_records f ON f.chain = o.fiscal_chain AND f.seq = o.fiscal_seq
                    WHERE o.state = 'PENDING' AND o.next_attempt_at <= ?
                      AND NOT EXISTS (SELECT 1 FROM outbox e WHERE e.order_key = o.order_key AND e.id < o.id
                                      AND e.state IN ('PENDING', 'NEEDS_ATTENTION'))
                    ORDER BY o.id LIMIT ?""")) {
                ps.setLong(1, nowMillis);
                ps.setInt(2, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    List<PendingWrite> list = new ArrayList<>();
                    while (rs.next()) {
                        list.add(new PendingWrite(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                                rs.getInt(6), rs.getString(7), proof(rs)));
                    }
                    return list;
                }
            }
        });
    }

    /** The signed place of the fiscal record an entry sends, when it sends a signed one. */
    private static String proof(ResultSet rs) throws SQLException {
        if (rs.getString(8) == null || rs.getString(18) == null) {
            return null; // a clienteling write, or a record written before records were signed
        }
        long perpetual = rs.getLong(16);
        Long p = rs.wasNull() ? null : perpetual;
        return new fr.comptoir.fiscal.FiscalRecord(rs.getString(8), rs.getLong(9), rs.getLong(10), rs.getString(11), rs.getString(12),
                rs.getInt(13), rs.getString(14), rs.getString(15), p, rs.getString(17), rs.getString(18)).proof();
    }

    @Override
    public void saveCheckpoint(long id, String checkpoint) {
        update("UPDATE outbox SET checkpoint = ? WHERE id = ? AND state = 'PENDING'", checkpoint, id);
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
        db.inTransaction(c -> execute(c, sql, args));
    }

    private static int execute(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps.executeUpdate();
        }
    }

    @Override
    public void makeDueNow() {
        update("UPDATE outbox SET next_attempt_at = 0 WHERE state = 'PENDING' AND next_attempt_at > 0");
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

    /** Writes a manager decided never to send. */
    public long discardedCount() {
        return count("DISCARDED");
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
    public Optional<String> oldestPendingProblem() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT last_error FROM outbox WHERE state = 'PENDING' AND last_error IS NOT NULL ORDER BY id LIMIT 1");
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
            }
        });
    }

    @Override
    public List<OutboxEntry> needsAttention() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT id, kind, state, attempts, last_error, created_at, payload FROM outbox
                    WHERE state = 'NEEDS_ATTENTION' ORDER BY id""");
                 ResultSet rs = ps.executeQuery()) {
                List<OutboxEntry> list = new ArrayList<>();
                while (rs.next()) {
                    list.add(new OutboxEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5), rs.getLong(6),
                            rs.getString(7)));
                }
                return list;
            }
        });
    }

    @Override
    public List<OutboxEntry> entries() {
        return needsAttention();
    }

    @Override
    public void retry(long id, String approvedBy, String staffId) {
        resolve(id, "outbox.retried", approvedBy, staffId, null, c -> execute(c,
                "UPDATE outbox SET state = 'PENDING', attempts = 0, next_attempt_at = 0, resolution = ? WHERE id = ?",
                "retried, approved by " + approvedBy, id));
    }

    @Override
    public void correct(long id, String correctedPayloadJson, String approvedBy, String staffId) {
        resolve(id, "outbox.corrected", approvedBy, staffId, correctedPayloadJson, c -> execute(c, """
                UPDATE outbox SET state = 'PENDING', attempts = 0, next_attempt_at = 0, payload = ?, payload_format = ?, checkpoint = NULL,
                    idempotency_key = idempotency_key || ':corrected-' || ?, resolution = ? WHERE id = ?""",
                correctedPayloadJson, CanonicalJson.FORMAT, UUID.randomUUID().toString(), "corrected, approved by " + approvedBy, id));
    }

    @Override
    public void discard(long id, String reason, String approvedBy, String staffId) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("discard-reason-required");
        }
        resolve(id, "outbox.discarded", approvedBy, staffId, reason.strip(), c -> execute(c,
                "UPDATE outbox SET state = 'DISCARDED', resolution = ? WHERE id = ?", "discarded by " + approvedBy + ": " + reason.strip(), id));
    }

    @FunctionalInterface
    private interface Change {
        int apply(Connection c) throws SQLException;
    }

    /** Applies a manager's decision on a write waiting for one, and journals it, in one transaction. */
    private void resolve(long id, String journalKind, String approvedBy, String staffId, String detail, Change change) {
        long now = clock.millis();
        db.inTransaction(c -> {
            String kind;
            String lastError;
            try (PreparedStatement ps = c.prepareStatement("SELECT kind, last_error FROM outbox WHERE id = ? AND state = 'NEEDS_ATTENTION'")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalStateException("already-resolved");
                    }
                    kind = rs.getString(1);
                    lastError = rs.getString(2);
                }
            }
            change.apply(c);
            // A manager's decision on a write is a technical event of the till, kept with the fiscal records.
            fiscal.append(c, fr.comptoir.common.FiscalChain.TECHNICAL, now, journalKind, staffId, CanonicalJson.FORMAT,
                    json.encode(new Decision(id, kind, lastError, approvedBy, detail)));
            return null;
        });
    }
}
