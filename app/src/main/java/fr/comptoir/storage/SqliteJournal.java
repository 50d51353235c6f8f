package fr.comptoir.storage;

import fr.comptoir.centralapi.WriteKinds;
import fr.comptoir.common.StoreJournal;
import fr.comptoir.staff.StaffEvent;
import fr.comptoir.staff.StaffJournal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.function.Function;

/**
 * The store's journal in the journal database. Every record that the central platform must learn
 * about is written together with its outbox entry in one transaction: both are kept, or neither.
 */
public final class SqliteJournal implements StaffJournal, StoreJournal {

    private final SqliteDatabase db;
    private final Function<Object, String> encoder;
    private final Clock clock;

    /** @param encoder turns a payload into the Commerce API's JSON */
    public SqliteJournal(SqliteDatabase db, Function<Object, String> encoder, Clock clock) {
        this.db = db;
        this.encoder = encoder;
        this.clock = clock;
    }

    @Override
    public void record(StaffEvent event) {
        appendWithOutbox("staff." + event.type().name().toLowerCase(), event.staffId(), WriteKinds.STAFF_EVENT,
                event.eventId(), event);
    }

    @Override
    public long appendWithOutbox(String journalKind, String staffId, String writeKind, String idempotencyKey, Object payload) {
        String json = encoder.apply(payload);
        long now = clock.millis();
        return db.inTransaction(c -> {
            long seq = insertJournal(c, now, journalKind, staffId, json);
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO outbox(journal_seq, kind, idempotency_key, payload, created_at, next_attempt_at)
                    VALUES (?, ?, ?, ?, ?, 0)""")) {
                ps.setLong(1, seq);
                ps.setString(2, writeKind);
                ps.setString(3, idempotencyKey);
                ps.setString(4, json);
                ps.setLong(5, now);
                ps.executeUpdate();
            }
            return seq;
        });
    }

    private static long insertJournal(Connection c, long now, String kind, String staffId, String json) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO journal(recorded_at, kind, staff_id, payload) VALUES (?, ?, ?, ?)")) {
            ps.setLong(1, now);
            ps.setString(2, kind);
            ps.setString(3, staffId);
            ps.setString(4, json);
            ps.executeUpdate();
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT last_insert_rowid()")) {
            return rs.getLong(1);
        }
    }

    @Override
    public java.util.List<String> pendingPayloads(String writeKind) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT payload FROM outbox WHERE state = 'PENDING' AND kind = ? ORDER BY id")) {
                ps.setString(1, writeKind);
                try (ResultSet rs = ps.executeQuery()) {
                    java.util.List<String> list = new java.util.ArrayList<>();
                    while (rs.next()) {
                        list.add(rs.getString(1));
                    }
                    return list;
                }
            }
        });
    }

    public long size() {
        return db.read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM journal")) {
                return rs.getLong(1);
            }
        });
    }
}
