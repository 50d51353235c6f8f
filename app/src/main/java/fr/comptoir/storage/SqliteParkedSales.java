package fr.comptoir.storage;

import fr.comptoir.common.JsonCodec;
import fr.comptoir.sale.ParkedSale;
import fr.comptoir.sale.ParkedSales;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@link ParkedSales} in the journal database. */
public final class SqliteParkedSales implements ParkedSales {

    private final SqliteDatabase db;
    private final JsonCodec json;

    public SqliteParkedSales(SqliteDatabase db, JsonCodec json) {
        this.db = db;
        this.json = json;
    }

    @Override
    public void park(ParkedSale sale) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO parked_sales(id, parked_at, body) VALUES (?, ?, ?)")) {
                ps.setString(1, sale.id());
                ps.setString(2, sale.parkedAt());
                ps.setString(3, json.encode(sale));
                ps.executeUpdate();
            }
            // Parked and in progress at once would bring the sale back twice after a crash.
            forgetInProgress(c, sale.saleId());
            return null;
        });
    }

    private static void forgetInProgress(java.sql.Connection c, String saleId) throws java.sql.SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM basket_in_progress WHERE json_extract(body, '$.saleId') = ?")) {
            ps.setString(1, saleId);
            ps.executeUpdate();
        }
    }

    @Override
    public List<ParkedSale> list() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT body FROM parked_sales ORDER BY parked_at, id");
                 ResultSet rs = ps.executeQuery()) {
                List<ParkedSale> list = new ArrayList<>();
                while (rs.next()) {
                    list.add(json.decode(rs.getString(1), ParkedSale.class));
                }
                return list;
            }
        });
    }

    @Override
    public Optional<ParkedSale> take(String id) {
        return db.inTransaction(c -> {
            String body;
            try (PreparedStatement ps = c.prepareStatement("SELECT body FROM parked_sales WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<ParkedSale>empty();
                    }
                    body = rs.getString(1);
                }
            }
            try (PreparedStatement del = c.prepareStatement("DELETE FROM parked_sales WHERE id = ?")) {
                del.setString(1, id);
                del.executeUpdate();
            }
            ParkedSale taken = json.decode(body, ParkedSale.class);
            // Taken up means in progress again, in the same transaction: a crash in between loses no basket.
            saveInProgress(c, new ParkedSale("in-progress", taken.saleId(), taken.parkedAt(), null, taken.customer(), taken.lines(),
                    taken.deliveryAddress(), List.of()));
            return Optional.of(taken);
        });
    }

    @Override
    public void keepInProgress(ParkedSale basket) {
        db.inTransaction(c -> {
            if (basket == null) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM basket_in_progress")) {
                    return ps.executeUpdate();
                }
            }
            return saveInProgress(c, basket);
        });
    }

    /**
     * Saves the basket in progress, unless its sale was already recorded or parked: a save that arrives
     * late from the autosave thread must not bring back a sale that is done with.
     */
    private int saveInProgress(java.sql.Connection c, ParkedSale basket) throws java.sql.SQLException {
        if (basket.saleId() != null && doneWith(c, basket.saleId())) {
            return 0;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO basket_in_progress(till, saved_at, body) VALUES (1, ?, ?)
                ON CONFLICT(till) DO UPDATE SET saved_at = excluded.saved_at, body = excluded.body""")) {
            ps.setString(1, basket.parkedAt());
            ps.setString(2, json.encode(basket));
            return ps.executeUpdate();
        }
    }

    private static boolean doneWith(java.sql.Connection c, String saleId) throws java.sql.SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT EXISTS (SELECT 1 FROM outbox WHERE idempotency_key = ? AND kind = 'sale-recorded')
                    OR EXISTS (SELECT 1 FROM parked_sales WHERE json_extract(body, '$.saleId') = ?)""")) {
            ps.setString(1, saleId);
            ps.setString(2, saleId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.getInt(1) == 1;
            }
        }
    }

    @Override
    public Optional<ParkedSale> inProgress() {
        return db.inTransaction(c -> {
            String body;
            try (PreparedStatement ps = c.prepareStatement("SELECT body FROM basket_in_progress WHERE till = 1");
                 ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.<ParkedSale>empty();
                }
                body = rs.getString(1);
            }
            ParkedSale saved = json.decode(body, ParkedSale.class);
            if (saved.saleId() != null && doneWith(c, saved.saleId())) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM basket_in_progress")) {
                    ps.executeUpdate();
                }
                return Optional.<ParkedSale>empty();
            }
            return Optional.of(saved);
        });
    }
}
