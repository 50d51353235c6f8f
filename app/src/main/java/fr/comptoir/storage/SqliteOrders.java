package fr.comptoir.storage;

import fr.comptoir.orders.Order;
import fr.comptoir.orders.OrderLine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Orders of every channel as cached from the orders feed, with their lines. Any thread but the JavaFX one. */
public final class SqliteOrders implements fr.comptoir.returns.OrderLookup {

    private final SqliteDatabase db;

    public SqliteOrders(SqliteDatabase db) {
        this.db = db;
    }

    @Override
    public Optional<Order> order(String orderId) {
        return select("o.id = ?", orderId, 1).stream().findFirst();
    }

    @Override
    public List<Order> byNumber(String text, int limit) {
        // The whole number first (a scanned ticket), then numbers containing what was typed.
        List<Order> exact = select("o.number = ?", text, limit);
        if (!exact.isEmpty()) {
            return exact;
        }
        return select("o.number LIKE ? ESCAPE '\\'", "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%", limit);
    }

    @Override
    public List<Order> ofCustomer(String customerId, int limit) {
        return select("o.customer_id = ?", customerId, limit);
    }

    private List<Order> select(String where, String value, int limit) {
        return db.read(c -> {
            List<Order> heads = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT o.id, o.number, o.customer_id, o.channel, o.store_id, o.status, o.placed_at,"
                    + " o.total_cents, o.tenders FROM orders o WHERE " + where + " ORDER BY o.placed_at DESC LIMIT ?")) {
                ps.setString(1, value);
                ps.setInt(2, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        heads.add(new Order(rs.getString(1), rs.getString(2), rs.getString(3), Order.Channel.valueOf(rs.getString(4)),
                                rs.getString(5), Order.OrderStatus.valueOf(rs.getString(6)), rs.getString(7), rs.getLong(8), List.of(),
                                rs.getString(9) == null ? List.of() : List.of(rs.getString(9).split(","))));
                    }
                }
            }
            List<Order> orders = new ArrayList<>();
            for (Order o : heads) {
                orders.add(new Order(o.id(), o.number(), o.customerId(), o.channel(), o.storeId(), o.status(), o.placedAt(), o.totalCents(),
                        lines(c, o.id()).getOrDefault(o.id(), List.of()), o.tenders()));
            }
            return orders;
        });
    }

    /** The lines of one order ({@code orderId}), or of a customer's orders ({@code customerId}), by order id. */
    static Map<String, List<OrderLine>> lines(Connection c, String orderId) throws SQLException {
        return lines(c, "l.order_id = ?", orderId);
    }

    static Map<String, List<OrderLine>> linesOfCustomer(Connection c, String customerId) throws SQLException {
        return lines(c, "o.customer_id = ?", customerId);
    }

    private static Map<String, List<OrderLine>> lines(Connection c, String where, String value) throws SQLException {
        Map<String, List<OrderLine>> lines = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT l.order_id, l.id, l.variant_id, l.sku, l.name, l.quantity, l.unit_price_cents, l.vat_bp, l.returned_quantity,
                       l.paid_cents
                FROM orders o JOIN order_lines l ON l.order_id = o.id WHERE\s""" + where + " ORDER BY l.order_id, l.line_no")) {
            ps.setString(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    lines.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new OrderLine(rs.getString(2),
                            rs.getString(3), rs.getString(4), rs.getString(5), rs.getInt(6), rs.getLong(7), rs.getInt(8), rs.getInt(9),
                            rs.getObject(10) == null ? null : rs.getLong(10)));
                }
            }
        }
        return lines;
    }
}
