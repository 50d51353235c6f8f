package fr.comptoir.storage;

import fr.comptoir.customers.CustomerHistory;
import fr.comptoir.customers.PurchasedItem;
import fr.comptoir.orders.Order;
import fr.comptoir.orders.OrderLine;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Customers' orders, the items in them, and store names, read from the cache. */
public final class SqliteCustomerHistory implements CustomerHistory {

    private final SqliteDatabase db;

    public SqliteCustomerHistory(SqliteDatabase db) {
        this.db = db;
    }

    @Override
    public List<Order> ordersOf(String customerId) {
        return db.read(c -> {
            Map<String, List<OrderLine>> lines = SqliteOrders.linesOfCustomer(c, customerId);
            List<Order> orders = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT id, number, customer_id, channel, store_id, status, placed_at, total_cents FROM orders
                    WHERE customer_id = ? ORDER BY placed_at DESC""")) {
                ps.setString(1, customerId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        orders.add(new Order(rs.getString(1), rs.getString(2), rs.getString(3), Order.Channel.valueOf(rs.getString(4)),
                                rs.getString(5), Order.OrderStatus.valueOf(rs.getString(6)), rs.getString(7), rs.getLong(8),
                                lines.getOrDefault(rs.getString(1), List.of())));
                    }
                }
            }
            return orders;
        });
    }

    @Override
    public Map<String, PurchasedItem> items(Collection<String> variantIds) {
        if (variantIds.isEmpty()) {
            return Map.of();
        }
        List<String> all = List.copyOf(variantIds);
        return db.read(c -> {
            Map<String, PurchasedItem> items = new HashMap<>();
            // In chunks: SQLite caps the number of parameters of one statement.
            for (int from = 0; from < all.size(); from += 500) {
                List<String> ids = all.subList(from, Math.min(all.size(), from + 500));
                String marks = ids.stream().map(x -> "?").collect(Collectors.joining(","));
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT v.id, p.category, v.size FROM variants v JOIN products p ON p.id = v.product_id WHERE v.id IN (" + marks + ")")) {
                    for (int i = 0; i < ids.size(); i++) {
                        ps.setString(i + 1, ids.get(i));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            items.put(rs.getString(1), new PurchasedItem(rs.getString(1), rs.getString(2), rs.getString(3)));
                        }
                    }
                }
            }
            return items;
        });
    }

    @Override
    public Map<String, String> storeNames() {
        return db.read(c -> {
            Map<String, String> names = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, name FROM stores ORDER BY name"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.put(rs.getString(1), rs.getString(2));
                }
            }
            return names;
        });
    }
}
