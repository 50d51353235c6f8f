package fr.comptoir.storage;

import fr.comptoir.common.FiscalChain;
import fr.comptoir.fiscal.ChainVerifier;
import fr.comptoir.fiscal.FiscalRecord;
import fr.comptoir.fiscal.VerificationReport;
import fr.comptoir.fiscal.SigningKey;
import fr.comptoir.fiscal.TicketFigures;

import java.security.PublicKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The fiscal chains of the journal database ({@code fiscal_records}, decision 0031): each record numbered
 * without gaps in its chain and signed with the terminal's key over its fields, its body's digest, the
 * perpetual grand total (tickets) and its predecessor's signature, in the transaction that writes it.
 * Reads the chains back for the verifier and for archives. Any thread but the JavaFX one.
 */
public final class SqliteFiscalBook {

    private final Supplier<SigningKey> keys;

    /** @param keys the terminal's signing key ({@link fr.comptoir.fiscal.TerminalKey} for a real terminal) */
    public SqliteFiscalBook(Supplier<SigningKey> keys) {
        this.keys = keys;
    }

    /** A book signing with a key of its own, made now and kept in memory (tests; throw-away journals). */
    public static SqliteFiscalBook inMemoryKey() {
        SigningKey k = SigningKey.generate();
        return new SqliteFiscalBook(() -> k);
    }

    /**
     * Adds a signed record at the end of a fiscal chain, on the caller's transaction: the next number of
     * that chain, without gaps (the journal has one writer, and the number is taken in the transaction that
     * writes it).
     *
     * @return the record's number in its chain
     */
    public FiscalRecord append(Connection c, FiscalChain chain, long now, String kind, String staffId, int format, String body)
            throws SQLException {
        SigningKey key = keys.get();
        register(c, key, now);
        long seq = 1;
        String previous = FiscalRecord.GENESIS;
        long perpetual = 0;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT seq, signature, perpetual_cents FROM fiscal_records WHERE chain = ? ORDER BY seq DESC LIMIT 1")) {
            ps.setString(1, chain.name());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    seq = rs.getLong(1) + 1;
                    previous = rs.getString(2);
                    perpetual = rs.getLong(3);
                }
            }
        }
        if (previous == null) {
            // Records of a version that did not sign: the first signed one names their digest and totals.
            List<FiscalRecord> earlier = records(c, chain, 1, Long.MAX_VALUE);
            previous = FiscalRecord.LEGACY_PREFIX + fr.comptoir.fiscal.ChainVerifier.legacyDigest(earlier);
            perpetual = chain == FiscalChain.TICKETS ? earlier.stream().mapToLong(r -> TicketFigures.of(r.body()).totalCents()).sum() : 0;
        }
        Long perpetualNow = chain == FiscalChain.TICKETS ? perpetual + TicketFigures.of(body).totalCents() : null;
        FiscalRecord r = new FiscalRecord(chain.name(), seq, now, kind, staffId, format, body, null, null, null, null)
                .signedBy(key, perpetualNow, previous);
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO fiscal_records(chain, seq, recorded_at, kind, staff_id, format, body, key_id, perpetual_cents,
                                           previous_signature, signature)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            ps.setString(1, r.chain());
            ps.setLong(2, r.seq());
            ps.setLong(3, r.recordedAt());
            ps.setString(4, r.kind());
            ps.setString(5, r.staffId());
            ps.setInt(6, r.format());
            ps.setString(7, r.body());
            ps.setString(8, r.keyId());
            ps.setObject(9, r.perpetualCents());
            ps.setString(10, r.previousSignature());
            ps.setString(11, r.signature());
            ps.executeUpdate();
        }
        return r;
    }

    private static void register(Connection c, SigningKey key, long now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT OR IGNORE INTO fiscal_keys(key_id, public_key, created_at) VALUES (?, ?, ?)")) {
            ps.setString(1, key.id());
            ps.setString(2, key.publicKeyPem());
            ps.setLong(3, now);
            ps.executeUpdate();
        }
    }

    /** The records of a chain numbered {@code from} to {@code to}, in their order. */
    public static List<FiscalRecord> records(Connection c, FiscalChain chain, long from, long to) throws SQLException {
        return query(c, "WHERE chain = ? AND seq BETWEEN ? AND ? ORDER BY seq", chain.name(), from, to);
    }

    /** Every record of a chain in the order the rows are stored in (not trusting their numbers). */
    public static List<FiscalRecord> allAsStored(Connection c, String chain) throws SQLException {
        return query(c, "WHERE chain = ? ORDER BY rowid", chain);
    }

    /** The names of the chains this journal holds records in, in any number. */
    public static List<String> chainsPresent(Connection c) throws SQLException {
        List<String> list = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT chain FROM fiscal_records ORDER BY chain");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                list.add(rs.getString(1));
            }
        }
        return list;
    }

    private static List<FiscalRecord> query(Connection c, String where, Object... args) throws SQLException {
        List<FiscalRecord> list = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT chain, seq, recorded_at, kind, staff_id, format, body, key_id, perpetual_cents, previous_signature, signature
                FROM fiscal_records""" + " " + where)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long perpetual = rs.getLong(9);
                    Long p = rs.wasNull() ? null : perpetual;
                    list.add(new FiscalRecord(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                            rs.getInt(6), rs.getString(7), rs.getString(8), p, rs.getString(10), rs.getString(11)));
                }
            }
        }
        return list;
    }

    /** The public keys this journal's records were signed with, by id. */
    public static Map<String, PublicKey> keys(Connection c) throws SQLException {
        Map<String, PublicKey> keys = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT key_id, public_key FROM fiscal_keys ORDER BY created_at");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                keys.put(rs.getString(1), SigningKey.publicKeyFromPem(rs.getString(2)));
            }
        }
        return keys;
    }

    /**
     * Checks every fiscal chain of a journal database as it is stored (decision 0031), and that every record
     * its outbox and ticket counter speak of is still there (a deleted last record leaves no gap behind it).
     *
     * @param trusted when not empty, the only key ids accepted
     */
    public static VerificationReport verify(Connection c, java.util.Set<String> trusted) throws SQLException {
        return verify(c, trusted, r -> true);
    }

    /**
     * Like {@link #verify(Connection, java.util.Set)}, checking the signatures only of the records
     * {@code signatureChecked} picks; every number, link, key and total is checked on every record.
     */
    public static VerificationReport verify(Connection c, java.util.Set<String> trusted,
                                            java.util.function.Predicate<FiscalRecord> signatureChecked) throws SQLException {
        return read(c).verify(trusted, signatureChecked);
    }

    /**
     * A journal's fiscal chains as read, to be verified after the read, without holding the database: the
     * signatures take about a millisecond each and sales go on meanwhile.
     */
    public record Snapshot(Map<String, PublicKey> keys, Map<String, List<FiscalRecord>> chains, Map<String, Long> outboxHighest,
                           List<ChainVerifier.Finding> keyProblems) {

        public VerificationReport verify(java.util.Set<String> trusted, java.util.function.Predicate<FiscalRecord> signatureChecked) {
            List<ChainVerifier.Result> results = new ArrayList<>();
            List<ChainVerifier.Finding> other = new ArrayList<>(keyProblems);
            Map<String, Long> last = new java.util.HashMap<>();
            chains.forEach((chain, rows) -> {
                results.add(ChainVerifier.verify(chain, rows, keys, trusted, null, signatureChecked));
                last.put(chain, rows.stream().mapToLong(FiscalRecord::seq).max().orElse(0));
            });
            outboxHighest.forEach((chain, seq) -> {
                long highest = last.getOrDefault(chain, 0L);
                if (seq > highest) {
                    other.add(new ChainVerifier.Finding(chain, seq, "is missing (deleted): the outbox still sends it, the chain ends at " + highest));
                }
            });
            return new VerificationReport(results, other);
        }
    }

    /** Reads every fiscal chain, the keys, and the highest record the outbox names per chain. */
    public static Snapshot read(Connection c) throws SQLException {
        Map<String, PublicKey> keys = new LinkedHashMap<>();
        List<ChainVerifier.Finding> problems = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT key_id, public_key FROM fiscal_keys");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                try {
                    PublicKey k = SigningKey.publicKeyFromPem(rs.getString(2));
                    if (!SigningKey.idOf(k).equals(rs.getString(1))) {
                        problems.add(new ChainVerifier.Finding("KEYS", null, "key " + rs.getString(1) + " is not the key its id names (replaced)"));
                    } else {
                        keys.put(rs.getString(1), k);
                    }
                } catch (IllegalArgumentException e) {
                    problems.add(new ChainVerifier.Finding("KEYS", null, "key " + rs.getString(1) + " cannot be read: " + e.getMessage()));
                }
            }
        }
        java.util.TreeSet<String> names = new java.util.TreeSet<>(chainsPresent(c));
        for (FiscalChain ch : FiscalChain.values()) {
            names.add(ch.name());
        }
        Map<String, List<FiscalRecord>> chains = new java.util.TreeMap<>();
        for (String chain : names) {
            chains.put(chain, allAsStored(c, chain));
        }
        Map<String, Long> outbox = new java.util.HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT fiscal_chain, MAX(fiscal_seq) FROM outbox WHERE fiscal_chain IS NOT NULL GROUP BY fiscal_chain");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                outbox.put(rs.getString(1), rs.getLong(2));
            }
        }
        return new Snapshot(keys, chains, outbox, problems);
    }

    /**
     * Every chain's records written in {@code [from, to)} (epoch ms) with where each chain stood just before,
     * for an archive. A chain that still holds records written before records were signed is taken from its
     * first record, so that their digest can be checked.
     */
    public static List<fr.comptoir.fiscal.FiscalArchive.Chain> period(Connection c, long from, long to,
                                                                       java.util.function.Predicate<String> which) throws SQLException {
        List<fr.comptoir.fiscal.FiscalArchive.Chain> chains = new ArrayList<>();
        for (String chain : chainsPresent(c)) {
            if (!which.test(chain)) {
                continue;
            }
            long first;
            long last;
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT (SELECT MIN(seq) FROM fiscal_records WHERE chain = ?1 AND recorded_at >= ?2),
                           (SELECT MAX(seq) FROM fiscal_records WHERE chain = ?1 AND recorded_at < ?3),
                           (SELECT COUNT(*) FROM fiscal_records WHERE chain = ?1 AND signature IS NULL)""")) {
                ps.setString(1, chain);
                ps.setLong(2, from);
                ps.setLong(3, to);
                try (ResultSet rs = ps.executeQuery()) {
                    first = rs.getLong(1);
                    if (rs.wasNull()) {
                        continue;
                    }
                    last = rs.getLong(2);
                    if (rs.getLong(3) > 0) {
                        first = 1;
                    }
                }
            }
            if (last < first) {
                continue;
            }
            ChainVerifier.Opening opening = null;
            if (first > 1) {
                List<FiscalRecord> before = query(c, "WHERE chain = ? AND seq = ?", chain, first - 1);
                if (!before.isEmpty()) {
                    opening = new ChainVerifier.Opening(first - 1, before.get(0).signature(), before.get(0).perpetualCents());
                }
            }
            chains.add(new fr.comptoir.fiscal.FiscalArchive.Chain(chain, opening,
                    query(c, "WHERE chain = ? AND seq BETWEEN ? AND ? ORDER BY seq", chain, first, last)));
        }
        return chains;
    }

    /** The public keys of this journal as an archive lists them. */
    public static List<fr.comptoir.fiscal.FiscalArchive.Key> archiveKeys(Connection c) throws SQLException {
        List<fr.comptoir.fiscal.FiscalArchive.Key> list = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT key_id, public_key FROM fiscal_keys ORDER BY created_at");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                list.add(new fr.comptoir.fiscal.FiscalArchive.Key(rs.getString(1), SigningKey.ALGORITHM, rs.getString(2)));
            }
        }
        return list;
    }
}
