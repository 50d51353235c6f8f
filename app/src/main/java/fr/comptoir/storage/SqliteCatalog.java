package fr.comptoir.storage;

import fr.comptoir.catalog.CatalogReader;
import fr.comptoir.catalog.VariantInfo;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@link CatalogReader} on the cache database. The price of a variant is the one of the price list
 * that applies in this store at this moment with the highest priority, else its base price (decision 0013).
 */
public final class SqliteCatalog implements CatalogReader, fr.comptoir.catalog.StockElsewhere {

    /**
     * A variant with this store's stock and, when a price list applies here and now, the winning list's
     * price: highest priority, then a list of this store over a chain-wide one, then the newest.
     */
    private static final String VARIANTS_SQL = """
            WITH here AS (SELECT id, name, priority, store_ids, valid_from_ms FROM price_lists
                          WHERE (store_ids = '' OR store_ids LIKE ?) AND valid_from_ms <= ? AND (valid_to_ms IS NULL OR valid_to_ms > ?))
            SELECT v.id, v.sku, v.ean, p.name, v.size, v.colour, v.price_cents, p.vat_bp,
                   COALESCE((SELECT MAX(0, s.on_hand - s.reserved) FROM stock s WHERE s.variant_id = v.id AND s.location_id = ?), 0),
                   p.category, lp.price_cents, pl.name, v.product_id, v.lowest_30d_cents
            FROM variants v JOIN products p ON p.id = v.product_id
            LEFT JOIN list_prices lp ON lp.variant_id = v.id AND lp.list_id = (
                SELECT h.id FROM list_prices x JOIN here h ON h.id = x.list_id WHERE x.variant_id = v.id
                ORDER BY h.priority DESC, h.store_ids <> '' DESC, h.valid_from_ms DESC, h.id LIMIT 1)
            LEFT JOIN price_lists pl ON pl.id = lp.list_id
            WHERE v.id IN (""";

    private final SqliteDatabase db;
    private final java.time.Clock clock;

    public SqliteCatalog(SqliteDatabase db, java.time.Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public List<fr.comptoir.catalog.LocationStock> stockOf(String variantId, String exceptLocationId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT s.location_id, COALESCE(st.name, s.location_id), COALESCE(st.type, 'STORE'), MAX(0, s.on_hand - s.reserved) AS available
                    FROM stock s LEFT JOIN stores st ON st.id = s.location_id
                    WHERE s.variant_id = ? AND s.location_id <> ? AND s.on_hand - s.reserved > 0
                    ORDER BY available DESC, st.name""")) {
                ps.setString(1, variantId);
                ps.setString(2, exceptLocationId);
                try (ResultSet rs = ps.executeQuery()) {
                    List<fr.comptoir.catalog.LocationStock> list = new java.util.ArrayList<>();
                    while (rs.next()) {
                        list.add(new fr.comptoir.catalog.LocationStock(rs.getString(1), rs.getString(2),
                                "WAREHOUSE".equals(rs.getString(3)), rs.getInt(4)));
                    }
                    return list;
                }
            }
        });
    }

    @Override
    public java.util.Optional<VariantInfo> byCode(String code, String storeId) {
        String id = db.read(c -> byExactCode(c, code, 1).stream().findFirst().orElse(null));
        return id == null ? java.util.Optional.empty() : java.util.Optional.ofNullable(variants(List.of(id), storeId).get(id));
    }

    @Override
    public List<VariantInfo> search(String text, String storeId, int limit) {
        String t = text == null ? "" : text.strip();
        String match = ftsMatch(t);
        if (match == null) {
            return List.of();
        }
        List<String> ids = db.read(c -> {
            List<String> found = new java.util.ArrayList<>(byExactCode(c, t, limit));
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT v.id FROM products_fts f JOIN products p ON p.rowid = f.rowid JOIN variants v ON v.product_id = p.id
                    WHERE products_fts MATCH ? LIMIT ?""")) {
                ps.setString(1, match);
                ps.setInt(2, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next() && found.size() < limit) {
                        if (!found.contains(rs.getString(1))) {
                            found.add(rs.getString(1));
                        }
                    }
                }
            }
            return found;
        });
        Map<String, VariantInfo> byId = variants(ids, storeId);
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    @Override
    public List<VariantInfo> searchByProduct(String text, String storeId, int products) {
        String t = text == null ? "" : text.strip();
        String match = ftsMatch(t);
        if (match == null) {
            return List.of();
        }
        List<String> ids = db.read(c -> {
            List<String> exact = byExactCode(c, t, 1);
            if (!exact.isEmpty()) {
                return exact;
            }
            List<String> productIds = new java.util.ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT p.id FROM products_fts f JOIN products p ON p.rowid = f.rowid WHERE products_fts MATCH ? LIMIT ?")) {
                ps.setString(1, match);
                ps.setInt(2, products);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        productIds.add(rs.getString(1));
                    }
                }
            }
            if (productIds.isEmpty()) {
                return List.<String>of();
            }
            Map<String, List<String>> byProduct = new java.util.LinkedHashMap<>();
            productIds.forEach(id -> byProduct.put(id, new java.util.ArrayList<>()));
            String marks = productIds.stream().map(x -> "?").collect(Collectors.joining(","));
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT product_id, id FROM variants WHERE product_id IN (" + marks + ") ORDER BY rowid")) {
                for (int i = 0; i < productIds.size(); i++) {
                    ps.setString(i + 1, productIds.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        byProduct.get(rs.getString(1)).add(rs.getString(2));
                    }
                }
            }
            return byProduct.values().stream().flatMap(List::stream).toList();
        });
        Map<String, VariantInfo> byId = variants(ids, storeId);
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    /** Variants whose EAN or SKU (any case) is {@code code} exactly. */
    private static List<String> byExactCode(java.sql.Connection c, String code, int limit) throws java.sql.SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM variants WHERE ean = ? OR sku = ? LIMIT ?")) {
            ps.setString(1, code);
            ps.setString(2, code.toUpperCase(java.util.Locale.ROOT));
            ps.setInt(3, limit);
            try (ResultSet rs = ps.executeQuery()) {
                List<String> ids = new java.util.ArrayList<>();
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
                return ids;
            }
        }
    }

    /** Every word typed must start a word of the product (accents and case aside); null when too little is typed. */
    private static String ftsMatch(String t) {
        List<String> words = java.util.Arrays.stream(fr.comptoir.customers.CustomerQuery.normalize(t).split("[^\\p{L}\\p{N}]+"))
                .filter(w -> !w.isEmpty()).toList();
        if (words.isEmpty() || t.length() < 2) {
            return null;
        }
        return words.stream().map(w -> "\"" + w + "\"*").collect(Collectors.joining(" AND "));
    }

    @Override
    public Map<String, VariantInfo> variants(Collection<String> variantIds, String storeId) {
        List<String> all = List.copyOf(variantIds);
        return db.read(c -> {
            Map<String, VariantInfo> out = new HashMap<>();
            for (int from = 0; from < all.size(); from += 500) {
                List<String> ids = all.subList(from, Math.min(all.size(), from + 500));
                String marks = ids.stream().map(x -> "?").collect(Collectors.joining(","));
                try (PreparedStatement ps = c.prepareStatement(VARIANTS_SQL + marks + ")")) {
                    long now = clock.millis();
                    ps.setString(1, "%," + storeId + ",%");
                    ps.setLong(2, now);
                    ps.setLong(3, now);
                    ps.setString(4, storeId);
                    for (int i = 0; i < ids.size(); i++) {
                        ps.setString(i + 5, ids.get(i));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            String list = rs.getString(12);
                            long price = list == null ? rs.getLong(7) : rs.getLong(11);
                            out.put(rs.getString(1), new VariantInfo(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                    rs.getString(5), rs.getString(6), price, rs.getInt(8), rs.getInt(9), rs.getString(10), list,
                                    rs.getString(13), rs.getObject(14) == null ? null : rs.getLong(14)));
                        }
                    }
                }
            }
            return out;
        });
    }
}
