package fr.comptoir.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.comptoir.comptoirapi.WireJson;
import fr.comptoir.storage.SqliteDatabase;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The demo central platform's own SQLite database: every record as a versioned JSON document with a
 * global change sequence (the source of change feeds and tombstones), devices, and the idempotency
 * log. Thread-safe through {@link SqliteDatabase}.
 */
public final class DemoPlatformStore implements AutoCloseable {

    private static final int BATCH = 5_000;
    /** Bumped when the generator changes what it makes, so that older demo databases are generated again. */
    private static final int GENERATOR_VERSION = 10;

    private final SqliteDatabase db;
    private final ObjectMapper mapper = WireJson.mapper();
    private String generation;

    private DemoPlatformStore(SqliteDatabase db) {
        this.db = db;
    }

    /**
     * Opens the demo database in {@code dir}, generating the chain first if the file does not hold one of
     * this size and seed yet.
     */
    public static DemoPlatformStore openOrGenerate(Path dir, DemoSize size, long seed, LocalDate today) {
        Path file = dir.resolve("demo-platform-" + size.name().toLowerCase() + ".db");
        SqliteDatabase db = SqliteDatabase.open(file, "demo");
        DemoPlatformStore store = new DemoPlatformStore(db);
        String wanted = size.name() + ":" + seed + ":" + GENERATOR_VERSION;
        if (!wanted.equals(store.meta("generated").orElse(null))) {
            store.generate(new DemoDataGenerator(size, seed, today), wanted);
        }
        store.generation = store.meta("generation").orElse("0");
        return store;
    }

    private void generate(DemoDataGenerator generator, String marker) {
        db.inTransaction(c -> {
            try (var s = c.createStatement()) {
                s.execute("DELETE FROM docs");
                s.execute("DELETE FROM activation_codes");
            }
            return null;
        });
        long[] seq = {0};
        int[] pending = {0};
        db.withWriter(c -> {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO docs(feed, id, seq, body, scope) VALUES (?, ?, ?, ?, ?)")) {
                generator.generate((feed, id, scope, record) -> {
                    try {
                        ps.setString(1, feed);
                        ps.setString(2, id);
                        ps.setLong(3, ++seq[0]);
                        ps.setString(4, mapper.writeValueAsString(record));
                        ps.setString(5, scope);
                        ps.addBatch();
                        if (++pending[0] % BATCH == 0) {
                            ps.executeBatch();
                            c.commit();
                        }
                    } catch (SQLException | com.fasterxml.jackson.core.JsonProcessingException e) {
                        throw new IllegalStateException("Demo data generation failed: " + e.getMessage(), e);
                    }
                });
                ps.executeBatch();
                try (PreparedStatement codes = c.prepareStatement("INSERT INTO activation_codes(code, store_id) VALUES (?, ?)")) {
                    for (String[] s : DemoDataGenerator.STORES) {
                        codes.setString(1, "DEMO-" + s[0]);
                        codes.setString(2, "st-" + s[0].toLowerCase());
                        codes.addBatch();
                    }
                    codes.setString(1, DemoDataGenerator.DEMO_ACTIVATION_CODE);
                    codes.setString(2, "st-" + DemoDataGenerator.STORES[0][0].toLowerCase());
                    codes.addBatch();
                    codes.executeBatch();
                }
                // Gift cards and store credit of the demo (not a feed: balances are only ever read live).
                String[][] cards = {{"GC-1000-0001", "5000"}, {"GC-1000-0002", "2000"}, {"GC-1000-0003", "10000"}, {"AV-2000-0001", "3000"}};
                try (PreparedStatement gc = c.prepareStatement("INSERT INTO docs(feed, id, seq, body, scope) VALUES ('_giftcards', ?, ?, ?, NULL)")) {
                    for (String[] card : cards) {
                        gc.setString(1, card[0]);
                        gc.setLong(2, ++seq[0]);
                        gc.setString(3, "{\"number\":\"" + card[0] + "\",\"balanceCents\":" + card[1] + ",\"expiresAt\":null}");
                        gc.executeUpdate();
                    }
                }
                putMeta(c, "seq", Long.toString(seq[0]));
                putMeta(c, "generated", marker);
                putMeta(c, "generation", Long.toString(System.currentTimeMillis(), 36));
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
            return null;
        });
    }

    /** Changes every time the data is generated again; cursors of another generation are expired. */
    public String generation() {
        return generation;
    }

    private Optional<String> meta(String key) {
        return db.read(c -> readMeta(c, key));
    }

    private static Optional<String> readMeta(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT value FROM meta WHERE key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    private static void putMeta(Connection c, String key, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")) {
            ps.setString(1, key);
            ps.setString(2, value);
            ps.executeUpdate();
        }
    }

    /** One document of a feed as stored: its sequence number and JSON body (null for a tombstone). */
    public record Doc(String id, long seq, String body) {
    }

    /**
     * Reads up to {@code limit} changes of {@code feed} after {@code afterSeq}, in order, that a device of
     * {@code storeId} may see (chain-wide records and its own store's).
     */
    public void readFeed(String feed, String storeId, long afterSeq, int limit, java.util.function.Consumer<Doc> consumer) {
        db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, seq, body FROM docs WHERE feed = ? AND seq > ? AND (scope IS NULL OR scope = ?) ORDER BY seq LIMIT ?")) {
                ps.setString(1, feed);
                ps.setLong(2, afterSeq);
                ps.setString(3, storeId);
                ps.setInt(4, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        consumer.accept(new Doc(rs.getString(1), rs.getLong(2), rs.getString(3)));
                    }
                }
            }
            return null;
        });
    }

    public long countAfter(String feed, String storeId, long afterSeq) {
        return db.read(c -> {
            // Two ranges of one index (shared documents, then the store's own) rather than one OR over the table.
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT (SELECT COUNT(*) FROM docs WHERE feed = ?1 AND scope IS NULL AND seq > ?2)
                         + (SELECT COUNT(*) FROM docs WHERE feed = ?1 AND scope = ?3 AND seq > ?2)""")) {
                ps.setString(1, feed);
                ps.setLong(2, afterSeq);
                ps.setString(3, storeId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.getLong(1);
                }
            }
        });
    }

    /** One feed as a store's terminal sees it: live records, and the sequence of its newest change. */
    public record FeedSummary(String feed, long live, long lastSeq) {
    }

    /** For each of {@code feeds}: what a fully synced terminal of {@code storeId} holds, read in one snapshot. */
    public List<FeedSummary> feedSummaries(String storeId, List<String> feeds) {
        return db.inTransaction(c -> {
            List<FeedSummary> list = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT COUNT(body), COALESCE(MAX(seq), 0) FROM docs WHERE feed = ? AND (scope IS NULL OR scope = ?)""")) {
                for (String feed : feeds) {
                    ps.setString(1, feed);
                    ps.setString(2, storeId);
                    try (ResultSet rs = ps.executeQuery()) {
                        list.add(new FeedSummary(feed, rs.getLong(1), rs.getLong(2)));
                    }
                }
            }
            return list;
        });
    }

    /** Live (not deleted) records per feed in the whole chain. */
    public Map<String, Long> liveCounts() {
        return db.read(c -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT feed, COUNT(*) FROM docs WHERE body IS NOT NULL GROUP BY feed ORDER BY feed");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getLong(2));
                }
            }
            return counts;
        });
    }

    /** Live (not deleted) records per feed that a terminal of {@code storeId} sees: what it must hold once synced. */
    public Map<String, Long> liveCounts(String storeId) {
        return db.read(c -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT feed, COUNT(*) FROM docs WHERE body IS NOT NULL AND (scope IS NULL OR scope = ?)
                    GROUP BY feed ORDER BY feed""")) {
                ps.setString(1, storeId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        counts.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
            return counts;
        });
    }

    /** Bodies of the live records of {@code feed} whose JSON field {@code field} equals {@code value}. */
    public java.util.List<String> bodiesWhere(String feed, String field, String value) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT body FROM docs WHERE feed = ? AND body IS NOT NULL AND json_extract(body, ?) = ? ORDER BY seq")) {
                ps.setString(1, feed);
                ps.setString(2, "$." + field);
                ps.setString(3, value);
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

    /** The demo's central customer search: names, email start or loyalty card (simple, not accent-aware). */
    public java.util.List<String> searchCustomerBodies(String q, int limit) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT body FROM docs WHERE feed = 'customers' AND body IS NOT NULL AND (
                        lower(json_extract(body, '$.lastName')) LIKE ?1 OR lower(json_extract(body, '$.firstName')) LIKE ?1
                        OR lower(json_extract(body, '$.email')) LIKE ?1 OR json_extract(body, '$.loyaltyCard') = ?2)
                    ORDER BY seq DESC LIMIT ?3""")) {
                ps.setString(1, q.replace("%", "").replace("_", "") + "%");
                ps.setString(2, q);
                ps.setInt(3, limit);
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

    /** Id of a customer with this email (any case) or this phone (any format), or null. */
    public String findCustomerByContact(String email, String phoneDigits) {
        boolean byEmail = email != null && !email.isBlank();
        boolean byPhone = phoneDigits != null;
        if (!byEmail && !byPhone) {
            return null;
        }
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT id, json_extract(body, '$.email'), json_extract(body, '$.phone') FROM docs
                    WHERE feed = 'customers' AND body IS NOT NULL""");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (byEmail && email.strip().equalsIgnoreCase(rs.getString(2))) {
                        return rs.getString(1);
                    }
                    if (byPhone && phoneDigits.equals(fr.comptoir.customers.PhoneNumbers.canonical(rs.getString(3)))) {
                        return rs.getString(1);
                    }
                }
                return null;
            }
        });
    }

    public String customerIdForLocalId(String localId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id FROM docs WHERE feed = 'customers' AND json_extract(body, '$.localId') = ?")) {
                ps.setString(1, localId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
    }

    public Optional<String> body(String feed, String id) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT body FROM docs WHERE feed = ? AND id = ?")) {
                ps.setString(1, feed);
                ps.setString(2, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    /** Creates or replaces a chain-wide record; it appears in its feed after every earlier change. */
    public void upsert(String feed, String id, Object record) {
        upsert(feed, id, null, record);
    }

    /** Creates or replaces a record visible to {@code scope}'s devices only (null: the whole chain). */
    public void upsert(String feed, String id, String scope, Object record) {
        String json = encode(record);
        db.inTransaction(c -> {
            writeDoc(c, feed, id, scope, json);
            return null;
        });
    }

    /**
     * A busy store's minute (benchmarks): {@code count} records of the feed, spread over it, are changed
     * centrally (a field set to a new value, through {@code json_set}) and move to the end of their feed.
     *
     * @return how many records changed
     */
    public int touch(String feed, String jsonPath, Object value, int count) {
        return db.inTransaction(c -> {
            long seq = Long.parseLong(readMeta(c, "seq").orElse("0"));
            long live;
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM docs WHERE feed = ?")) {
                ps.setString(1, feed);
                try (var rs = ps.executeQuery()) {
                    live = rs.getLong(1);
                }
            }
            long step = Math.max(1, live / Math.max(1, count));
            List<String> ids = new java.util.ArrayList<>();
            // Read from the feed's index alone (its bodies are large): every step-th change of the feed, another
            // residue each time.
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM docs WHERE feed = ? AND (seq % ?) = ? LIMIT ?")) {
                ps.setString(1, feed);
                ps.setLong(2, step);
                ps.setLong(3, seq % step);
                ps.setInt(4, count);
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
            }
            int changed = 0;
            String json = encode(value);
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE docs SET body = json_set(body, ?, json(?)), seq = ? WHERE feed = ? AND id = ? AND body IS NOT NULL")) {
                for (String id : ids) {
                    ps.setString(1, jsonPath);
                    ps.setString(2, json);
                    ps.setLong(3, ++seq);
                    ps.setString(4, feed);
                    ps.setString(5, id);
                    changed += ps.executeUpdate();
                }
            }
            putMeta(c, "seq", Long.toString(seq));
            return changed;
        });
    }

    /** Deletes a record, leaving a tombstone in its feed. */
    public void delete(String feed, String id) {
        db.inTransaction(c -> {
            writeDoc(c, feed, id, null, null);
            return null;
        });
    }

    private static void writeDoc(Connection c, String feed, String id, String scope, String json) throws SQLException {
        long seq = Long.parseLong(readMeta(c, "seq").orElse("0")) + 1;
        putMeta(c, "seq", Long.toString(seq));
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO docs(feed, id, seq, body, scope) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT(feed, id) DO UPDATE SET seq = excluded.seq, body = excluded.body,
                    scope = COALESCE(excluded.scope, docs.scope)""")) {
            ps.setString(1, feed);
            ps.setString(2, id);
            ps.setLong(3, seq);
            ps.setString(4, json);
            ps.setString(5, scope);
            ps.executeUpdate();
        }
    }

    private String encode(Object record) {
        try {
            return mapper.writeValueAsString(record);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    // ---- devices

    public record Device(String id, String storeId, String token) {
    }

    public Optional<String> storeForActivationCode(String code) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT store_id FROM activation_codes WHERE code = ?")) {
                ps.setString(1, code);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    public void addDevice(Device device, String name) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO devices(id, store_id, name, token, activated_at) VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, device.id());
                ps.setString(2, device.storeId());
                ps.setString(3, name);
                ps.setString(4, device.token());
                ps.setString(5, Instant.now().toString());
                return ps.executeUpdate();
            }
        });
    }

    public Optional<Device> deviceByToken(String token) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, store_id, token FROM devices WHERE token = ?")) {
                ps.setString(1, token);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new Device(rs.getString(1), rs.getString(2), rs.getString(3))) : Optional.empty();
                }
            }
        });
    }

    // ---- idempotency

    /** An answer already given, to replay. */
    public record StoredAnswer(String requestHash, int status, String body) {
    }

    public Optional<StoredAnswer> answerFor(String key) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT request_hash, status, body FROM idempotency WHERE key = ?")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new StoredAnswer(rs.getString(1), rs.getInt(2), rs.getString(3))) : Optional.empty();
                }
            }
        });
    }

    /** The status and JSON body a write answered with. */
    public record Answer(int status, String body) {
    }

    /** Records a staff event; the event id makes a second copy under another key harmless. */
    /** A staff or till event of the store, kept whole in {@code body}. */
    public Answer recordStaffEvent(String storeId, String deviceId, String eventId, String staffId, String type, String occurredAt,
                                   String body) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO staff_events(id, store_id, staff_id, device_id, type, occurred_at, received_at, body)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO NOTHING""")) {
                ps.setString(1, eventId);
                ps.setString(2, storeId);
                ps.setString(3, staffId);
                ps.setString(4, deviceId);
                ps.setString(5, type);
                ps.setString(6, occurredAt);
                ps.setString(7, Instant.now().toString());
                ps.setString(8, body);
                ps.executeUpdate();
            }
            return new Answer(201, mapper.createObjectNode().put("eventId", eventId).put("status", "recorded").toString());
        });
    }

    /** Notes a write the platform applied (in the transaction of its effect). */
    public void recordAppliedWrite(String method, String path, String deviceId, String key, String body, int status, String fiscalProof) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO applied_writes(method, path, device_id, key, body, status, fiscal_proof) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, method);
                ps.setString(2, path);
                ps.setString(3, deviceId);
                ps.setString(4, key);
                ps.setString(5, body);
                ps.setInt(6, status);
                ps.setString(7, fiscalProof);
                return ps.executeUpdate();
            }
        });
    }

    /** A fiscal record as a terminal sent it: its body and its signed place in its chain. */
    public record ReceivedFiscalRecord(String deviceId, String body, String proof) {
    }

    /** Every fiscal record applied, with its proof, in the order applied. */
    public List<ReceivedFiscalRecord> receivedFiscalRecords() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT device_id, body, fiscal_proof FROM applied_writes WHERE fiscal_proof IS NOT NULL ORDER BY seq");
                 ResultSet rs = ps.executeQuery()) {
                List<ReceivedFiscalRecord> list = new ArrayList<>();
                while (rs.next()) {
                    list.add(new ReceivedFiscalRecord(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
                return list;
            }
        });
    }

    /** Registers a terminal's public signing key (again: nothing changes). */
    public void registerSigningKey(String deviceId, String keyId, String algorithm, String publicKeyPem) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT OR IGNORE INTO device_keys(device_id, key_id, algorithm, public_key, registered_at) VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, deviceId);
                ps.setString(2, keyId);
                ps.setString(3, algorithm);
                ps.setString(4, publicKeyPem);
                ps.setString(5, Instant.now().toString());
                return ps.executeUpdate();
            }
        });
    }

    /** The public keys a terminal registered, PEM by key id. */
    public java.util.Map<String, String> signingKeys(String deviceId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT key_id, public_key FROM device_keys WHERE device_id = ? ORDER BY registered_at")) {
                ps.setString(1, deviceId);
                try (ResultSet rs = ps.executeQuery()) {
                    java.util.Map<String, String> keys = new java.util.LinkedHashMap<>();
                    while (rs.next()) {
                        keys.put(rs.getString(1), rs.getString(2));
                    }
                    return keys;
                }
            }
        });
    }

    /**
     * The bodies of the writes applied whose path matches {@code pathLike} (SQL LIKE, e.g.
     * {@code /v1/stores/%/sales}), in the order they were applied; replays of a key are not in it.
     */
    public List<String> appliedWrites(String method, String pathLike) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT body FROM applied_writes WHERE method = ? AND path LIKE ? ORDER BY seq")) {
                ps.setString(1, method);
                ps.setString(2, pathLike);
                try (ResultSet rs = ps.executeQuery()) {
                    List<String> list = new ArrayList<>();
                    while (rs.next()) {
                        list.add(rs.getString(1));
                    }
                    return list;
                }
            }
        });
    }

    /** Runs {@code work} in one transaction of the platform's database (writes inside it join it). */
    public <T> T atomically(java.util.function.Supplier<T> work) {
        return db.inTransaction(c -> work.get());
    }

    public void storeAnswer(String key, String requestHash, Answer answer) {
        db.inTransaction(c -> {
            storeAnswer(c, key, requestHash, answer);
            return null;
        });
    }

    private static void storeAnswer(Connection c, String key, String requestHash, Answer answer) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO idempotency(key, request_hash, status, body, created_at) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, key);
            ps.setString(2, requestHash);
            ps.setInt(3, answer.status());
            ps.setString(4, answer.body());
            ps.setString(5, Instant.now().toString());
            ps.executeUpdate();
        }
    }

    /** The types of the store events received, oldest first (tests and the demo's audit). */
    public List<String> storeEventTypes() {
        return db.read(c -> {
            List<String> types = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT type FROM staff_events ORDER BY rowid"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    types.add(rs.getString(1));
                }
            }
            return types;
        });
    }

    public long staffEventCount() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM staff_events"); ResultSet rs = ps.executeQuery()) {
                return rs.getLong(1);
            }
        });
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Path file() {
        return db.file();
    }

    @Override
    public void close() {
        db.close();
    }
}
