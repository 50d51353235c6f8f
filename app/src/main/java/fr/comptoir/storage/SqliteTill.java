package fr.comptoir.storage;

import fr.comptoir.common.FiscalChain;
import fr.comptoir.common.JsonCodec;
import fr.comptoir.common.OutboxWrite;
import fr.comptoir.common.WriteKind;
import fr.comptoir.fiscal.FiscalRecord;
import fr.comptoir.sale.SaleRecord;
import fr.comptoir.sale.TillEvent;
import fr.comptoir.till.CashMovement;
import fr.comptoir.till.CashSession;
import fr.comptoir.till.Closing;
import fr.comptoir.till.TillBook;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The till's book in the journal database (decision 0032): sessions and movements in their tables, closings in their signed chain. */
public final class SqliteTill implements TillBook {

    private final SqliteDatabase db;
    private final JsonCodec json;
    private final Clock clock;
    private final SqliteJournal journal;

    public SqliteTill(SqliteDatabase db, JsonCodec json, Clock clock, SqliteJournal journal) {
        this.db = db;
        this.json = json;
        this.clock = clock;
        this.journal = journal;
    }

    @Override
    public Optional<CashSession> openSession() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT body FROM cash_sessions WHERE closed_at IS NULL");
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(json.decode(rs.getString(1), CashSession.class)) : Optional.empty();
            }
        });
    }

    @Override
    public long lastTicketSeq() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(seq), 0) FROM fiscal_records WHERE chain = 'TICKETS'");
                 ResultSet rs = ps.executeQuery()) {
                return rs.getLong(1);
            }
        });
    }

    @Override
    public void open(CashSession session, TillEvent event) {
        long now = clock.millis();
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO cash_sessions(id, body, after_ticket_seq, opened_at) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, session.id());
                ps.setString(2, json.encode(session));
                ps.setLong(3, session.afterTicketSeq());
                ps.setLong(4, now);
                ps.executeUpdate();
            }
            journal.append(c, now, event);
            return null;
        });
    }

    @Override
    public void move(CashMovement movement, TillEvent event) {
        long now = clock.millis();
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO cash_movements(id, session_id, body) VALUES (?, ?, ?)")) {
                ps.setString(1, movement.id());
                ps.setString(2, movement.sessionId());
                ps.setString(3, json.encode(movement));
                ps.executeUpdate();
            }
            journal.append(c, now, event);
            return null;
        });
    }

    @Override
    public List<CashMovement> movements(String sessionId) {
        return db.read(c -> {
            List<CashMovement> list = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT body FROM cash_movements WHERE session_id = ? ORDER BY rowid")) {
                ps.setString(1, sessionId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        list.add(json.decode(rs.getString(1), CashMovement.class));
                    }
                }
            }
            return list;
        });
    }

    @Override
    public Tickets ticketsAfter(long ticketSeq) {
        return db.read(c -> {
            List<FiscalRecord> records = SqliteFiscalBook.records(c, FiscalChain.TICKETS, ticketSeq + 1, Long.MAX_VALUE);
            List<SaleRecord> tickets = new ArrayList<>();
            for (FiscalRecord r : records) {
                tickets.add(json.decode(r.body(), SaleRecord.class));
            }
            long perpetual = 0;
            long last = ticketSeq;
            if (!records.isEmpty()) {
                FiscalRecord l = records.get(records.size() - 1);
                last = l.seq();
                perpetual = l.perpetualCents() == null ? 0 : l.perpetualCents();
            } else if (ticketSeq > 0) {
                List<FiscalRecord> before = SqliteFiscalBook.records(c, FiscalChain.TICKETS, ticketSeq, ticketSeq);
                perpetual = before.isEmpty() || before.get(0).perpetualCents() == null ? 0 : before.get(0).perpetualCents();
            }
            return new Tickets(tickets, ticketSeq + 1, last, perpetual,
                    records.isEmpty() ? null : Instant.ofEpochMilli(records.get(0).recordedAt()).toString(),
                    records.isEmpty() ? null : Instant.ofEpochMilli(records.get(records.size() - 1).recordedAt()).toString());
        });
    }

    @Override
    public List<TillEvent> tillEvents(long afterMillis, long upToMillis) {
        return db.read(c -> {
            List<TillEvent> list = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT body FROM fiscal_records WHERE chain = 'TECHNICAL' AND kind LIKE 'till.%' AND recorded_at > ? AND recorded_at <= ?
                    ORDER BY seq""")) {
                ps.setLong(1, afterMillis);
                ps.setLong(2, upToMillis);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        list.add(json.decode(rs.getString(1), TillEvent.class));
                    }
                }
            }
            return list;
        });
    }

    @Override
    public List<Closing> closings(Closing.Kind kind) {
        return db.read(c -> {
            List<Closing> list = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT body FROM fiscal_records WHERE chain = 'CLOSINGS' AND kind = ? ORDER BY seq")) {
                ps.setString(1, journalKind(kind));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        list.add(json.decode(rs.getString(1), Closing.class));
                    }
                }
            }
            return list;
        });
    }

    static String journalKind(Closing.Kind kind) {
        return "closing." + kind.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public void record(Closing closing) {
        long now = clock.millis();
        db.inTransaction(c -> {
            if (closing.kind() == Closing.Kind.TILL) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE cash_sessions SET closed_at = ? WHERE id = ? AND closed_at IS NULL")) {
                    ps.setLong(1, now);
                    ps.setString(2, closing.cash().sessionId());
                    if (ps.executeUpdate() != 1) {
                        throw new IllegalStateException("The cash session " + closing.cash().sessionId() + " is not open");
                    }
                }
            }
            journal.append(c, now, journalKind(closing.kind()), closing.closedBy(),
                    new OutboxWrite(WriteKind.CLOSING_RECORDED, closing.id(), "closings", closing));
            return null;
        });
    }
}
