package fr.comptoir.storage;

import fr.comptoir.common.JsonCodec;
import fr.comptoir.sale.Payment;
import fr.comptoir.sale.PaymentJournal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** {@link PaymentJournal} in the journal database ({@code payment_intents}). Any thread but the JavaFX one. */
public final class SqlitePaymentJournal implements PaymentJournal {

    private final SqliteDatabase db;
    private final JsonCodec json;
    private final Clock clock;

    public SqlitePaymentJournal(SqliteDatabase db, JsonCodec json, Clock clock) {
        this.db = db;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public Intent ask(String saleId, Payment.Tender tender, long amountCents, String detail) {
        long now = clock.millis();
        return db.inTransaction(c -> {
            // The reference the terminal or the platform sees: stable, unique, and readable in their logs.
            String reference = reference(c, saleId, tender);
            long id = insert(c, saleId, tender, amountCents, reference, detail, State.ASKED, null, now);
            return new Intent(id, saleId, tender, amountCents, reference, detail, State.ASKED, null, null);
        });
    }

    /** {@code <sale>-<tender><n>}, n counting the sale's payments from 1. */
    private static String reference(Connection c, String saleId, Payment.Tender tender) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM payment_intents WHERE sale_id = ?")) {
            ps.setString(1, saleId);
            try (ResultSet rs = ps.executeQuery()) {
                return saleId + "-" + tender.name().toLowerCase(java.util.Locale.ROOT).replace("_", "") + (rs.getInt(1) + 1);
            }
        }
    }

    private long insert(Connection c, String saleId, Payment.Tender tender, long amountCents, String reference, String detail, State state,
                        Payment payment, long now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO payment_intents(sale_id, tender, amount_cents, reference, detail, state, payment, created_at, resolved_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            ps.setString(1, saleId);
            ps.setString(2, tender.name());
            ps.setLong(3, amountCents);
            ps.setString(4, reference);
            ps.setString(5, detail);
            ps.setString(6, state.name());
            ps.setString(7, payment == null ? null : json.encode(payment));
            ps.setLong(8, now);
            if (state == State.ASKED) {
                ps.setNull(9, java.sql.Types.INTEGER);
            } else {
                ps.setLong(9, now);
            }
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT last_insert_rowid()"); ResultSet rs = ps.executeQuery()) {
            return rs.getLong(1);
        }
    }

    @Override
    public void approve(long intentId, Payment payment) {
        settle(intentId, State.APPROVED, json.encode(payment), null);
    }

    @Override
    public void refuse(long intentId, String why) {
        settle(intentId, State.REFUSED, null, why);
    }

    private void settle(long intentId, State state, String payment, String outcome) {
        long now = clock.millis();
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE payment_intents SET state = ?, payment = ?, outcome = ?, detail = NULL, resolved_at = ?
                    WHERE id = ? AND state = 'ASKED'""")) {
                ps.setString(1, state.name());
                ps.setString(2, payment);
                ps.setString(3, outcome);
                ps.setLong(4, now);
                ps.setLong(5, intentId);
                if (ps.executeUpdate() != 1) {
                    throw new IllegalStateException("payment " + intentId + " is not waiting for an answer");
                }
            }
            return null;
        });
    }

    @Override
    public void taken(String saleId, Payment cash) {
        long now = clock.millis();
        db.inTransaction(c -> insert(c, saleId, cash.tender(), cash.amountCents(), reference(c, saleId, cash.tender()), null, State.APPROVED,
                cash, now));
    }

    @Override
    public List<Intent> of(String saleId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT id, tender, amount_cents, reference, detail, state, payment, outcome FROM payment_intents
                    WHERE sale_id = ? ORDER BY id""")) {
                ps.setString(1, saleId);
                try (ResultSet rs = ps.executeQuery()) {
                    List<Intent> list = new ArrayList<>();
                    while (rs.next()) {
                        String payment = rs.getString(7);
                        list.add(new Intent(rs.getLong(1), saleId, Payment.Tender.valueOf(rs.getString(2)), rs.getLong(3), rs.getString(4),
                                rs.getString(5), State.valueOf(rs.getString(6)), payment == null ? null : json.decode(payment, Payment.class),
                                rs.getString(8)));
                    }
                    return list;
                }
            }
        });
    }
}
