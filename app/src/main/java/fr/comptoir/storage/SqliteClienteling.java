package fr.comptoir.storage;

import fr.comptoir.common.JsonCodec;
import fr.comptoir.customers.ClientelingStore;
import fr.comptoir.customers.Customer;
import fr.comptoir.customers.CustomerNote;
import fr.comptoir.customers.OnlineCart;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@link ClientelingStore} on the cache database. */
public final class SqliteClienteling implements ClientelingStore {

    private static final String FULL = SqliteCustomerSearch.COLUMNS + ", c.preferences_json, c.wishlist_json, c.local_id";

    private final SqliteDatabase db;
    private final JsonCodec json;
    private final SqliteFeedCache cache;

    /** @param cache the feed cache of the same database, where a customer created here is written as the feeds write theirs */
    public SqliteClienteling(SqliteDatabase db, JsonCodec json, SqliteFeedCache cache) {
        this.db = db;
        this.json = json;
        this.cache = cache;
    }

    @Override
    public Optional<Customer> customer(String customerId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + FULL + " FROM customers c WHERE c.id = ? OR c.local_id = ? LIMIT 1")) {
                ps.setString(1, customerId);
                ps.setString(2, customerId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(full(rs)) : Optional.empty();
                }
            }
        });
    }

    private Customer full(ResultSet rs) throws SQLException {
        Customer base = SqliteCustomerSearch.customer(rs);
        String prefs = rs.getString(12);
        String wishlist = rs.getString(13);
        Customer.Preferences p = prefs == null ? Customer.Preferences.NONE : json.decode(prefs, Customer.Preferences.class);
        List<String> w = wishlist == null ? List.of() : List.of(json.decode(wishlist, String[].class));
        Customer c = base.withClienteling(p, w);
        return new Customer(c.id(), c.firstName(), c.lastName(), c.email(), c.phone(), c.loyaltyCard(), c.loyaltyTier(),
                c.loyaltyPoints(), c.emailConsent(), c.smsConsent(), c.createdAt(), c.preferences(), c.wishlist(), rs.getString(14));
    }

    @Override
    public List<CustomerNote> notes(String customerId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT id, customer_id, text, author_staff_id, author_name, store_id, created_at FROM customer_notes
                    WHERE customer_id = ? ORDER BY created_at DESC""")) {
                ps.setString(1, customerId);
                try (ResultSet rs = ps.executeQuery()) {
                    List<CustomerNote> list = new ArrayList<>();
                    while (rs.next()) {
                        list.add(new CustomerNote(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getString(7)));
                    }
                    return list;
                }
            }
        });
    }

    @Override
    public CachedCarts cachedCarts(String customerId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT body, fetched_at FROM online_carts WHERE customer_id = ? ORDER BY id")) {
                ps.setString(1, customerId);
                try (ResultSet rs = ps.executeQuery()) {
                    List<OnlineCart> carts = new ArrayList<>();
                    long at = 0;
                    boolean any = false;
                    while (rs.next()) {
                        any = true;
                        at = rs.getLong(2);
                        String body = rs.getString(1);
                        if (!body.isEmpty()) {
                            carts.add(json.decode(body, OnlineCart.class));
                        }
                    }
                    return any ? new CachedCarts(carts, at) : null;
                }
            }
        });
    }

    @Override
    public void saveCarts(String customerId, List<OnlineCart> carts, long fetchedAt) {
        db.inTransaction(c -> {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM online_carts WHERE customer_id = ?")) {
                del.setString(1, customerId);
                del.executeUpdate();
            }
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO online_carts(id, customer_id, body, fetched_at) VALUES (?, ?, ?, ?)")) {
                if (carts.isEmpty()) {
                    // Remember that there was none, and when we looked.
                    ins.setString(1, "none:" + customerId);
                    ins.setString(2, customerId);
                    ins.setString(3, "");
                    ins.setLong(4, fetchedAt);
                    ins.executeUpdate();
                }
                for (OnlineCart cart : carts) {
                    ins.setString(1, cart.id());
                    ins.setString(2, customerId);
                    ins.setString(3, json.encode(cart));
                    ins.setLong(4, fetchedAt);
                    ins.executeUpdate();
                }
            }
            return null;
        });
    }

    @Override
    public void putLocalCustomer(Customer customer) {
        cache.applyLocal(customer);
    }

    @Override
    public List<Customer> withContact(String email, String phoneDigits) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + FULL + " FROM customers c WHERE (? IS NOT NULL AND c.email = ? COLLATE NOCASE)"
                    + " OR (? IS NOT NULL AND c.phone_digits = ?) LIMIT 5")) {
                ps.setString(1, email);
                ps.setString(2, email);
                ps.setString(3, phoneDigits);
                ps.setString(4, phoneDigits);
                try (ResultSet rs = ps.executeQuery()) {
                    List<Customer> list = new ArrayList<>();
                    while (rs.next()) {
                        list.add(full(rs));
                    }
                    return list;
                }
            }
        });
    }
}
