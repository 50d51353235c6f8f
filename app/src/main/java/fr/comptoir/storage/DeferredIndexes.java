package fr.comptoir.storage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A feed's first load without its tables' secondary indexes and full-text triggers (decision 0034). At
 * the feed's first page they are dropped and their SQL kept in {@code deferred_schema}, in that page's
 * transaction; at its last page they are created again and the full-text tables rebuilt from the rows, in
 * that page's transaction. A load stopped anywhere between resumes without them and ends with them.
 *
 * <p>Kept while loading: the primary keys (each upsert finds its row by them) and the indexes that find a
 * record's lines (a product's variants, an order's lines: foreign keys and a changed record's lines use them).
 */
final class DeferredIndexes {

    private static final Logger LOG = LoggerFactory.getLogger(DeferredIndexes.class);

    /** The tables each feed fills; feeds not listed are small and load with their indexes. */
    private static final Map<String, List<String>> TABLES = Map.of(
            "products", List.of("products", "variants"),
            "stock", List.of("stock"),
            "customers", List.of("customers"),
            "customer-notes", List.of("customer_notes"),
            "orders", List.of("orders", "order_lines"),
            "price-lists", List.of("price_lists", "list_prices"));

    /** External-content full-text tables rebuilt from their table at the end of the load. */
    private static final Map<String, List<String>> FULL_TEXT = Map.of(
            "products", List.of("products_fts"),
            "customers", List.of("customers_fts"));

    private static final Set<String> KEPT = Set.of("variants_by_product", "order_lines_by_order");

    private DeferredIndexes() {
    }

    /** Whether the feed's indexes are set aside now. */
    static boolean deferred(Connection c, String feed) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM deferred_schema WHERE feed = ? LIMIT 1")) {
            ps.setString(1, feed);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Drops the feed's secondary indexes and full-text triggers, keeping their SQL; returns how many. */
    static int setAside(Connection c, String feed) throws SQLException {
        List<String> tables = TABLES.get(feed);
        if (tables == null) {
            return 0;
        }
        List<String[]> found = new ArrayList<>();
        String placeholders = String.join(",", java.util.Collections.nCopies(tables.size(), "?"));
        try (PreparedStatement ps = c.prepareStatement("SELECT type, name, sql FROM sqlite_master WHERE tbl_name IN (" + placeholders + ")"
                + " AND sql IS NOT NULL AND ((type = 'index') OR (type = 'trigger' AND name LIKE '%\\_fts\\_%' ESCAPE '\\'))")) {
            for (int i = 0; i < tables.size(); i++) {
                ps.setString(i + 1, tables.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (!KEPT.contains(rs.getString(2))) {
                        found.add(new String[]{rs.getString(1), rs.getString(2), rs.getString(3)});
                    }
                }
            }
        }
        try (PreparedStatement keep = c.prepareStatement("INSERT INTO deferred_schema(name, feed, type, sql) VALUES (?, ?, ?, ?)");
             Statement s = c.createStatement()) {
            for (String[] f : found) {
                keep.setString(1, f[1]);
                keep.setString(2, feed);
                keep.setString(3, f[0]);
                keep.setString(4, f[2]);
                keep.executeUpdate();
                s.execute("DROP " + f[0].toUpperCase(java.util.Locale.ROOT) + " \"" + f[1] + "\"");
            }
        }
        if (!found.isEmpty()) {
            LOG.info("Feed {}: first load without {} indexes and triggers, built at its end", feed, found.size());
        }
        return found.size();
    }

    /** Creates again what {@link #setAside} dropped and rebuilds the feed's full-text tables from the rows. */
    static void restore(Connection c, String feed) throws SQLException {
        long started = System.nanoTime();
        List<String> sql = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT sql FROM deferred_schema WHERE feed = ? ORDER BY type, name")) {
            ps.setString(1, feed);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sql.add(rs.getString(1));
                }
            }
        }
        try (Statement s = c.createStatement()) {
            for (String fts : FULL_TEXT.getOrDefault(feed, List.of())) {
                s.execute("INSERT INTO " + fts + "(" + fts + ") VALUES ('rebuild')");
            }
            for (String create : sql) {
                s.execute(create);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM deferred_schema WHERE feed = ?")) {
            ps.setString(1, feed);
            ps.executeUpdate();
        }
        LOG.info("Feed {}: {} indexes and triggers built after its first load in {} ms", feed, sql.size(),
                (System.nanoTime() - started) / 1_000_000);
    }
}
