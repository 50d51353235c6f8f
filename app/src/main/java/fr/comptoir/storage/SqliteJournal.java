package fr.comptoir.storage;

import fr.comptoir.common.FiscalChain;
import fr.comptoir.common.JsonCodec;
import fr.comptoir.common.OutboxWrite;
import fr.comptoir.common.StoreJournal;
import fr.comptoir.staff.StaffEvent;
import fr.comptoir.staff.StaffJournal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Optional;

/**
 * The store's journal in the journal database. Every record that the central platform must learn
 * about is written together with its outbox entry in one transaction: both are kept, or neither. Fiscal
 * records (tickets, technical events) go to their own gapless chains in {@code fiscal_records}, clienteling
 * writes to {@code journal}; every record in the terminal's canonical form ({@link CanonicalJson}). A sale
 * is recorded once per sale id, whatever happens around it. Any thread but the JavaFX one.
 */
public final class SqliteJournal implements StaffJournal, StoreJournal, fr.comptoir.sale.SaleJournal {

    /**
     * Where ticket numbers are reserved ahead, outside the journal (see {@code TerminalMarker}): a ticket is
     * only given once reserved there, so a journal rebuilt after damage can go on beyond every ticket given.
     */
    public interface TicketReservation {
        TicketReservation NONE = new TicketReservation() {
            @Override
            public long reservedUpTo() {
                return Long.MAX_VALUE;
            }

            @Override
            public void reserve(long upTo) {
            }
        };

        long reservedUpTo();

        void reserve(long upTo);
    }

    /** Tickets reserved at a time: a rebuilt journal may skip up to this many numbers, never repeat one. */
    public static final int TICKET_BLOCK = 100;

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SqliteJournal.class);

    private final SqliteDatabase db;
    private final JsonCodec json;
    private final Clock clock;
    private final TicketReservation tickets;
    private final SqliteFiscalBook fiscal;

    /** A journal signing its fiscal records with a key of its own, kept in memory (tests, benchmarks). */
    public SqliteJournal(SqliteDatabase db, JsonCodec json, Clock clock) {
        this(db, json, clock, TicketReservation.NONE, SqliteFiscalBook.inMemoryKey());
    }

    /** @param fiscal signs the fiscal records, with the terminal's key */
    public SqliteJournal(SqliteDatabase db, JsonCodec json, Clock clock, TicketReservation tickets, SqliteFiscalBook fiscal) {
        this.db = db;
        this.json = json;
        this.clock = clock;
        this.tickets = tickets;
        this.fiscal = fiscal;
    }

    @Override
    public void record(StaffEvent event) {
        appendWithOutbox("staff." + event.type().name().toLowerCase(java.util.Locale.ROOT), event.staffId(),
                new OutboxWrite(fr.comptoir.common.WriteKind.STAFF_EVENT, event.eventId(), "staff:" + event.staffId(), event));
    }

    @Override
    public long appendWithOutbox(String journalKind, String staffId, OutboxWrite write) {
        String body = json.encode(write.payload());
        long now = clock.millis();
        return db.inTransaction(c -> append(c, now, journalKind, staffId, write, body));
    }

    /**
     * Keeps the record in its book (a fiscal chain when its kind has one, the clienteling journal otherwise)
     * and its outbox entry, on the caller's transaction.
     *
     * @return the record's number in its book
     */
    private long append(Connection c, long now, String journalKind, String staffId, OutboxWrite write, String body)
            throws SQLException {
        Optional<FiscalChain> chain = write.kind().fiscalChain();
        long seq = chain.isPresent()
                ? fiscal.append(c, chain.get(), now, journalKind, staffId, CanonicalJson.FORMAT, body).seq()
                : insertJournal(c, now, journalKind, staffId, body);
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO outbox(journal_seq, fiscal_chain, fiscal_seq, kind, idempotency_key, order_key, payload, payload_format,
                                   created_at, next_attempt_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""")) {
            ps.setObject(1, chain.isPresent() ? null : seq);
            ps.setString(2, chain.map(Enum::name).orElse(null));
            ps.setObject(3, chain.isPresent() ? seq : null);
            ps.setString(4, write.kind().wire());
            ps.setString(5, write.idempotencyKey());
            ps.setString(6, write.orderKey());
            ps.setString(7, body);
            ps.setInt(8, CanonicalJson.FORMAT);
            ps.setLong(9, now);
            ps.executeUpdate();
        }
        return seq;
    }

    @Override
    public fr.comptoir.sale.SaleRecord recordSale(String saleId, fr.comptoir.sale.OrderSettlement settlement, TicketedSale sale) {
        long now = clock.millis();
        return db.inTransaction(c -> {
            Optional<fr.comptoir.sale.SaleRecord> earlier = recordedSale(c, saleId);
            if (earlier.isPresent()) {
                return earlier.get();
            }
            long ticket;
            try (Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE ticket_counter SET last = last + 1 WHERE id = 1");
                try (ResultSet rs = s.executeQuery("SELECT last FROM ticket_counter WHERE id = 1")) {
                    ticket = rs.getLong(1);
                }
            }
            if (ticket > tickets.reservedUpTo()) {
                // Durable outside the journal before the ticket exists; a failure here rolls the sale back.
                tickets.reserve(ticket + TICKET_BLOCK - 1);
            }
            fr.comptoir.sale.SaleRecord record = sale.withTicket(ticket);
            if (!record.id().equals(saleId)) {
                throw new IllegalArgumentException("sale record " + record.id() + " is not sale " + saleId);
            }
            append(c, now, "sale.completed", record.staffId(),
                    new OutboxWrite(fr.comptoir.common.WriteKind.SALE_RECORDED, record.id(), record.id(), record), json.encode(record));
            if (settlement != null) {
                // The order's balance and its hand-over: both kept, or neither (decision 0029).
                OutboxWrite w = settlement.write();
                if (hasKey(c, w.idempotencyKey())) {
                    LOG.warn("Sale {} pays order {} whose write {} this terminal already journaled: the sale is recorded, the write not twice",
                            saleId, settlement.orderNumber(), w.idempotencyKey());
                } else {
                    append(c, now, settlement.journalEvent(), record.staffId(), w, json.encode(w.payload()));
                }
            }
            // The basket of this sale is done with in the same transaction: a crash after the commit cannot
            // bring a paid basket back to be completed again.
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM basket_in_progress WHERE json_extract(body, '$.saleId') = ?")) {
                ps.setString(1, saleId);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO stock_movements(sale_id, variant_id, store_id, quantity, recorded_at) VALUES (?, ?, ?, ?, ?)")) {
                for (fr.comptoir.sale.BasketLine l : record.lines()) {
                    if (!l.takenNow()) {
                        // Sent from another location, or an order's balance (its hand-over moves the stock): this
                        // store's shelf does not change with the sale.
                        continue;
                    }
                    if (l.returnOf() != null && l.returnOf().restock() == fr.comptoir.sale.ReturnOf.Restock.DAMAGED) {
                        // Taken back damaged and set aside: not on sale here again.
                        continue;
                    }
                    ps.setString(1, record.id());
                    ps.setString(2, l.variantId());
                    ps.setString(3, record.storeId());
                    ps.setInt(4, l.quantity());
                    ps.setLong(5, now);
                    ps.executeUpdate();
                }
            }
            return record;
        });
    }

    @Override
    public fr.comptoir.sale.SaleRecord recordTrainingSale(String saleId, TicketedSale sale) {
        long now = clock.millis();
        return db.inTransaction(c -> {
            Optional<fr.comptoir.fiscal.FiscalRecord> earlier = trainingRecord(c, saleId);
            if (earlier.isPresent()) {
                return json.decode(earlier.get().body(), fr.comptoir.sale.SaleRecord.class);
            }
            long seq;
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT COUNT(*) + 1 FROM fiscal_records WHERE chain = 'TRAINING' AND kind = 'training.sale'")) {
                seq = rs.getLong(1);
            }
            fr.comptoir.sale.SaleRecord record = sale.withTicket(seq);
            // Kept apart and signed; no outbox entry, no stock movement (decision 0032).
            fiscal.append(c, FiscalChain.TRAINING, now, "training.sale", record.staffId(), CanonicalJson.FORMAT, json.encode(record));
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM basket_in_progress WHERE json_extract(body, '$.saleId') = ?")) {
                ps.setString(1, saleId);
                ps.executeUpdate();
            }
            return record;
        });
    }

    /** The signed record of a training ticket, by its sale id. */
    public Optional<fr.comptoir.fiscal.FiscalRecord> trainingRecord(String saleId) {
        return db.read(c -> trainingRecord(c, saleId));
    }

    private static Optional<fr.comptoir.fiscal.FiscalRecord> trainingRecord(Connection c, String saleId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT seq FROM fiscal_records WHERE chain = 'TRAINING' AND kind = 'training.sale' "
                + "AND CASE WHEN json_valid(body) THEN json_extract(body, '$.id') END = ?")) {
            ps.setString(1, saleId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long seq = rs.getLong(1);
                return SqliteFiscalBook.records(c, FiscalChain.TRAINING, seq, seq).stream().findFirst();
            }
        }
    }

    /**
     * A technical event kept in the signed technical chain on this terminal only (no outbox entry): a setting
     * changed, the connection lost or back, the software's version changed (decision 0031).
     */
    public void recordTechnical(String kind, String staffId, Object body) {
        long now = clock.millis();
        db.inTransaction(c -> fiscal.append(c, FiscalChain.TECHNICAL, now, kind, staffId, CanonicalJson.FORMAT, json.encode(body)));
    }

    /** The signed record of a ticket of this till, by its sale id. */
    public Optional<fr.comptoir.fiscal.FiscalRecord> ticketRecord(String saleId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT fiscal_seq FROM outbox WHERE idempotency_key = ? AND kind = ? AND fiscal_chain = 'TICKETS'")) {
                // The sale's outbox entry names its ticket record (a record's body is never searched: it may be damaged).
                ps.setString(1, saleId);
                ps.setString(2, fr.comptoir.common.WriteKind.SALE_RECORDED.wire());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    long seq = rs.getLong(1);
                    return SqliteFiscalBook.records(c, FiscalChain.TICKETS, seq, seq).stream().findFirst();
                }
            }
        });
    }

    /** A duplicate of a ticket as the chain of duplicates keeps it. */
    public record Duplicate(String saleId, String ticketNumber, int copyNumber, String how, String staffId) {
    }

    /**
     * Records a duplicate of a ticket (printed or e-mailed) in the chain of duplicates, numbered after the
     * earlier copies of that ticket, in one transaction.
     */
    public Duplicate recordDuplicate(String saleId, String ticketNumber, String how, String staffId) {
        long now = clock.millis();
        return db.inTransaction(c -> {
            int copy;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT COUNT(*) FROM fiscal_records WHERE chain = 'DUPLICATES' "
                            + "AND CASE WHEN json_valid(body) THEN json_extract(body, '$.saleId') END = ?")) {
                ps.setString(1, saleId);
                try (ResultSet rs = ps.executeQuery()) {
                    copy = rs.getInt(1) + 1;
                }
            }
            Duplicate d = new Duplicate(saleId, ticketNumber, copy, how, staffId);
            fiscal.append(c, FiscalChain.DUPLICATES, now, "receipt.duplicate", staffId, CanonicalJson.FORMAT, json.encode(d));
            return d;
        });
    }

    /** Keeps a record and its outbox entry on the caller's transaction (the till's book joins its own writes to them). */
    long append(Connection c, long now, String journalKind, String staffId, OutboxWrite write) throws SQLException {
        return append(c, now, journalKind, staffId, write, json.encode(write.payload()));
    }

    /** Keeps a till event and its outbox entry on the caller's transaction. */
    long append(Connection c, long now, fr.comptoir.sale.TillEvent e) throws SQLException {
        return append(c, now, "till." + e.type().name().toLowerCase(java.util.Locale.ROOT), e.staffId(),
                new OutboxWrite(fr.comptoir.common.WriteKind.TILL_EVENT, e.eventId(), e.eventId(), e));
    }

    private static boolean hasKey(Connection c, String idempotencyKey) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM outbox WHERE idempotency_key = ?")) {
            ps.setString(1, idempotencyKey);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    @Override
    public Optional<fr.comptoir.sale.SaleRecord> recordedSale(String saleId) {
        return db.read(c -> recordedSale(c, saleId));
    }

    private Optional<fr.comptoir.sale.SaleRecord> recordedSale(Connection c, String saleId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT payload FROM outbox WHERE idempotency_key = ? AND kind = ?")) {
            ps.setString(1, saleId);
            ps.setString(2, fr.comptoir.common.WriteKind.SALE_RECORDED.wire());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(json.decode(rs.getString(1), fr.comptoir.sale.SaleRecord.class)) : Optional.empty();
            }
        }
    }

    @Override
    public java.util.List<String> recentSales(int limit) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT body FROM fiscal_records WHERE chain = 'TICKETS' ORDER BY seq DESC LIMIT ?")) {
                ps.setInt(1, limit);
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

    @Override
    public java.util.Map<String, Integer> unconfirmedSales() {
        return db.read(c -> {
            java.util.Map<String, Integer> sold = new java.util.HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT m.variant_id, SUM(m.quantity) FROM stock_movements m
                    JOIN outbox o ON o.idempotency_key = m.sale_id AND o.kind = ?
                    WHERE o.state IN ('PENDING', 'NEEDS_ATTENTION') GROUP BY m.variant_id""")) {
                ps.setString(1, fr.comptoir.common.WriteKind.SALE_RECORDED.wire());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sold.put(rs.getString(1), rs.getInt(2));
                    }
                }
            }
            return sold;
        });
    }

    private static long insertJournal(Connection c, long now, String kind, String staffId, String payload) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO journal(recorded_at, kind, staff_id, format, payload) VALUES (?, ?, ?, ?, ?)")) {
            ps.setLong(1, now);
            ps.setString(2, kind);
            ps.setString(3, staffId);
            ps.setInt(4, CanonicalJson.FORMAT);
            ps.setString(5, payload);
            ps.executeUpdate();
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT last_insert_rowid()")) {
            return rs.getLong(1);
        }
    }

    @Override
    public java.util.List<String> pendingPayloads(fr.comptoir.common.WriteKind writeKind) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT payload FROM outbox WHERE state IN ('PENDING', 'NEEDS_ATTENTION') AND kind = ? ORDER BY id")) {
                ps.setString(1, writeKind.wire());
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
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT (SELECT COUNT(*) FROM journal) + (SELECT COUNT(*) FROM fiscal_records)")) {
                return rs.getLong(1);
            }
        });
    }
}
