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
                return ps.executeUpdate();
            }
        });
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
            return Optional.of(json.decode(body, ParkedSale.class));
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
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO basket_in_progress(till, saved_at, body) VALUES (1, ?, ?)
                    ON CONFLICT(till) DO UPDATE SET saved_at = excluded.saved_at, body = excluded.body""")) {
                ps.setString(1, basket.parkedAt());
                ps.setString(2, json.encode(basket));
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public Optional<ParkedSale> inProgress() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT body FROM basket_in_progress WHERE till = 1");
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(json.decode(rs.getString(1), ParkedSale.class)) : Optional.<ParkedSale>empty();
            }
        });
    }
}
