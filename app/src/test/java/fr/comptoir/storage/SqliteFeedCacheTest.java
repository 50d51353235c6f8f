package fr.comptoir.storage;

import fr.comptoir.catalog.Product;
import fr.comptoir.catalog.Variant;
import fr.comptoir.centralapi.CentralProtocolException;
import fr.comptoir.centralapi.Feed;
import fr.comptoir.centralapi.FeedPage;
import fr.comptoir.customers.Customer;
import fr.comptoir.orders.Order;
import fr.comptoir.orders.OrderLine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SqliteFeedCacheTest {

    @TempDir
    Path dir;
    SqliteDatabase db;
    SqliteFeedCache cache;

    @BeforeEach
    void open() {
        db = SqliteDatabase.open(dir.resolve("cache.db"), "cache");
        cache = new SqliteFeedCache(db, fr.comptoir.storage.CanonicalJson.codec());
    }

    @AfterEach
    void close() {
        db.close();
    }

    static Customer customer(String id, String first, String last, String phone) {
        return new Customer(id, first, last, first.toLowerCase() + "@example.fr", phone, null, Customer.LoyaltyTier.NONE, 0, true, false, "2025-01-01");
    }

    @Test
    void storesAPageAndItsCursorTogether() {
        FeedPage page = cache.applyPage(Feed.CUSTOMERS, (cursor, h) -> {
            assertThat(cursor).isNull();
            h.upsert(customer("c1", "Hélène", "Martin", "06 12 34 56 78"));
            h.upsert(customer("c2", "Marie", "Curie", null));
            return new FeedPage("cur-1", false, 2, 0);
        }, 1234);

        assertThat(page.nextCursor()).isEqualTo("cur-1");
        assertThat(cache.counts().get("customers")).isEqualTo(2);
        assertThat(cache.state(Feed.CUSTOMERS).cursor()).isEqualTo("cur-1");
        assertThat(cache.state(Feed.CUSTOMERS).lastSuccessAt()).isEqualTo(1234);
        assertThat(cache.state(Feed.CUSTOMERS).fullSyncDone()).isTrue();
        assertThat(phoneDigits("c1")).isEqualTo("33612345678");
    }

    @Test
    void aPageThatBreaksOffLeavesNeitherItsRecordsNorANewCursor() {
        cache.applyPage(Feed.CUSTOMERS, (cursor, h) -> {
            h.upsert(customer("c1", "Hélène", "Martin", null));
            return new FeedPage("cur-1", true, 1, 5);
        }, 1);

        assertThatThrownBy(() -> cache.applyPage(Feed.CUSTOMERS, (cursor, h) -> {
            assertThat(cursor).isEqualTo("cur-1");
            h.upsert(customer("c2", "Marie", "Curie", null));
            h.delete("c1");
            throw new CentralProtocolException("truncated", null);
        }, 2)).isInstanceOf(CentralProtocolException.class);

        assertThat(cache.counts().get("customers")).isEqualTo(1);
        assertThat(cache.state(Feed.CUSTOMERS).cursor()).isEqualTo("cur-1");
        assertThat(cache.state(Feed.CUSTOMERS).lastSuccessAt()).isEqualTo(1);
        assertThat(cache.state(Feed.CUSTOMERS).fullSyncDone()).isFalse();
    }

    @Test
    void updatesReplaceAndTombstonesDeleteWithTheirChildren() {
        Variant v1 = new Variant("v1", "SKU1", "3760000000017", "M", "Noir", 2999);
        Variant v2 = new Variant("v2", "SKU2", "3760000000024", "L", "Noir", 2999);
        cache.applyPage(Feed.PRODUCTS, (c, h) -> {
            h.upsert(new Product("p1", "REF1", "Chemise", "Atelier", "Homme", 2000, List.of(v1, v2)));
            return new FeedPage("a", false, 1, 0);
        }, 1);
        cache.applyPage(Feed.PRODUCTS, (c, h) -> {
            h.upsert(new Product("p1", "REF1", "Chemise en lin", "Atelier", "Homme", 2000, List.of(v1)));
            return new FeedPage("b", false, 1, 0);
        }, 2);
        assertThat(count("SELECT COUNT(*) FROM variants")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM products_fts WHERE products_fts MATCH 'lin'")).isEqualTo(1);

        cache.applyPage(Feed.ORDERS, (c, h) -> {
            h.upsert(new Order("o1", "W1", "c1", Order.Channel.WEB, null, Order.OrderStatus.DELIVERED, "2026-01-01T10:00:00Z", 5998,
                    List.of(new OrderLine("o1-1", "v1", "SKU1", "Chemise", 2, 2999, 2000, 0))));
            return new FeedPage("o", false, 1, 0);
        }, 3);
        cache.applyPage(Feed.PRODUCTS, (c, h) -> {
            h.delete("p1");
            return new FeedPage("c", false, 1, 0);
        }, 4);
        cache.applyPage(Feed.ORDERS, (c, h) -> {
            h.delete("o1");
            return new FeedPage("o2", false, 1, 0);
        }, 5);

        assertThat(cache.counts()).containsEntry("products", 0L).containsEntry("orders", 0L);
        assertThat(count("SELECT COUNT(*) FROM variants")).isZero();
        assertThat(count("SELECT COUNT(*) FROM order_lines")).isZero();
        assertThat(count("SELECT COUNT(*) FROM products_fts WHERE products_fts MATCH 'chemise'")).isZero();
    }

    @Test
    void aFirstLoadWritesWithoutSecondaryIndexesAndBuildsThemAndFullTextAtItsEnd() {
        List<String> schema = schemaNames();
        cache.applyPage(Feed.CUSTOMERS, (cursor, h) -> {
            h.upsert(customer("c1", "Hélène", "Martin", "06 12 34 56 78"));
            h.upsert(customer("c2", "Marie", "Curie", null));
            return new FeedPage("cur-1", true, 2, 2);
        }, 1);

        assertThat(schemaNames()).doesNotContain("customers_by_email", "customers_by_phone", "customers_fts_insert")
                .contains("variants_by_product", "order_lines_by_order", "orders_by_number");
        assertThat(count("SELECT COUNT(*) FROM deferred_schema WHERE feed = 'customers'")).isPositive();

        cache.applyPage(Feed.CUSTOMERS, (cursor, h) -> {
            h.upsert(customer("c3", "Éloïse", "Martin", null));
            h.upsert(customer("c2", "Marie", "Sklodowska", null));
            h.delete("c1");
            return new FeedPage("cur-2", false, 3, 0);
        }, 2);

        assertThat(schemaNames()).containsExactlyInAnyOrderElementsOf(schema);
        assertThat(count("SELECT COUNT(*) FROM deferred_schema")).isZero();
        assertThat(count("SELECT COUNT(*) FROM customers_fts WHERE customers_fts MATCH 'martin'")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM customers_fts WHERE customers_fts MATCH 'sklodo*'")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM customers_fts WHERE customers_fts MATCH 'curie'")).isZero();
        assertThat(count("SELECT COUNT(*) FROM customers INDEXED BY customers_by_email WHERE email = 'eloise@example.fr'")).isZero();
        assertThat(count("SELECT COUNT(*) FROM customers INDEXED BY customers_by_email WHERE email = 'éloïse@example.fr'")).isEqualTo(1);
        // The triggers are back: what changes from now on reaches the full-text index at once.
        cache.applyPage(Feed.CUSTOMERS, (cursor, h) -> {
            h.upsert(customer("c4", "Anaïs", "Nin", null));
            return new FeedPage("cur-3", false, 1, 0);
        }, 3);
        assertThat(count("SELECT COUNT(*) FROM customers_fts WHERE customers_fts MATCH 'anais'")).isEqualTo(1);
    }

    @Test
    void aFirstLoadStoppedMidwayResumesWithoutIndexesAndEndsWithThem() {
        List<String> schema = schemaNames();
        cache.applyPage(Feed.PRODUCTS, (c, h) -> {
            h.upsert(new Product("p1", "REF1", "Chemise", "Atelier", "Homme", 2000,
                    List.of(new Variant("v1", "SKU1", "3760000000017", "M", "Noir", 2999), new Variant("v2", "SKU2", "3760000000024", "L", "Noir", 2999))));
            return new FeedPage("a", true, 1, 1);
        }, 1);
        db.close();
        db = SqliteDatabase.open(dir.resolve("cache.db"), "cache");
        cache = new SqliteFeedCache(db, fr.comptoir.storage.CanonicalJson.codec());
        assertThat(schemaNames()).doesNotContain("variants_by_ean", "products_fts_insert");

        // The product changed centrally while the load went on: it comes again, with one variant only.
        cache.applyPage(Feed.PRODUCTS, (c, h) -> {
            assertThat(c).isEqualTo("a");
            h.upsert(new Product("p2", "REF2", "Pull", "Atelier", "Homme", 2000, List.of(new Variant("v3", "SKU3", "3760000000031", "M", "Gris", 4999))));
            h.upsert(new Product("p1", "REF1", "Chemise en lin", "Atelier", "Homme", 2000,
                    List.of(new Variant("v1", "SKU1", "3760000000017", "M", "Noir", 3499))));
            return new FeedPage("b", false, 2, 0);
        }, 2);

        assertThat(schemaNames()).containsExactlyInAnyOrderElementsOf(schema);
        assertThat(count("SELECT COUNT(*) FROM variants")).isEqualTo(2);
        assertThat(count("SELECT price_cents FROM variants INDEXED BY variants_by_ean WHERE ean = '3760000000017'")).isEqualTo(3499);
        assertThat(count("SELECT COUNT(*) FROM products_fts WHERE products_fts MATCH 'lin'")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM products_fts WHERE products_fts MATCH 'pull'")).isEqualTo(1);
    }

    @Test
    void theNamesOnlyFullTextMigrationOnACacheMidwayThroughItsFirstLoadLetsTheLoadEndWithEverything() throws Exception {
        List<String> schema = schemaNames();
        cache.applyPage(Feed.CUSTOMERS, (cursor, h) -> {
            h.upsert(customer("c1", "Hélène", "Martin", null));
            return new FeedPage("cur-1", true, 1, 1);
        }, 1);
        assertThat(schemaNames()).doesNotContain("customers_fts_insert");

        // What V011 does to a terminal stopped here, then updated.
        String v011;
        try (var in = getClass().getResourceAsStream("/fr/comptoir/storage/cache/V011__names_only_full_text.sql")) {
            v011 = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        db.inTransaction(c -> {
            for (String statement : Migrations.splitStatements(v011)) {
                c.createStatement().execute(statement);
            }
            return null;
        });

        cache.applyPage(Feed.CUSTOMERS, (cursor, h) -> {
            h.upsert(customer("c2", "Marie", "Curie", null));
            return new FeedPage("cur-2", false, 1, 0);
        }, 2);
        assertThat(schemaNames()).containsExactlyInAnyOrderElementsOf(schema);
        assertThat(count("SELECT COUNT(*) FROM deferred_schema")).isZero();
        assertThat(count("SELECT COUNT(*) FROM customers_fts WHERE customers_fts MATCH 'helene OR curie'")).isEqualTo(2);
    }

    @Test
    void aCacheFilledByOtherMeansEndsItsLoadAndKeepsItsIndexesWhenItsCursorsAreForgotten() {
        List<String> schema = schemaNames();
        cache.applyPage(Feed.CUSTOMERS, (cursor, h) -> {
            h.upsert(customer("c1", "Hélène", "Martin", null));
            return new FeedPage("bench", true, 1, -1);
        }, 1);
        assertThat(schemaNames()).doesNotContain("customers_by_email");

        cache.markLoaded(Feed.CUSTOMERS, 2);
        assertThat(schemaNames()).containsExactlyInAnyOrderElementsOf(schema);
        assertThat(count("SELECT COUNT(*) FROM customers_fts WHERE customers_fts MATCH 'helene'")).isEqualTo(1);

        // Read again from the start (a benchmark's sync over it): the feed was loaded, its indexes stay.
        cache.forgetCursors();
        cache.applyPage(Feed.CUSTOMERS, (cursor, h) -> {
            assertThat(cursor).isNull();
            h.upsert(customer("c2", "Marie", "Curie", null));
            return new FeedPage("p1", true, 1, 1);
        }, 3);
        assertThat(schemaNames()).containsExactlyInAnyOrderElementsOf(schema);
    }

    @Test
    void aFeedReadAgainAfterItsFirstLoadKeepsItsIndexes() {
        cache.applyPage(Feed.CUSTOMERS, (cursor, h) -> {
            h.upsert(customer("c1", "Hélène", "Martin", null));
            return new FeedPage("cur-1", false, 1, 0);
        }, 1);
        List<String> schema = schemaNames();
        cache.restart(Feed.CUSTOMERS);
        cache.applyPage(Feed.CUSTOMERS, (cursor, h) -> {
            assertThat(cursor).isNull();
            h.upsert(customer("c2", "Marie", "Curie", null));
            assertThat(schemaNames()).containsExactlyInAnyOrderElementsOf(schema);
            return new FeedPage("cur-2", true, 1, 1);
        }, 2);
        assertThat(schemaNames()).containsExactlyInAnyOrderElementsOf(schema);
        assertThat(count("SELECT COUNT(*) FROM customers_fts WHERE customers_fts MATCH 'curie'")).isEqualTo(1);
    }

    @Test
    void theLastChangeOfARecordInAPageWins() {
        cache.applyPage(Feed.ORDERS, (c, h) -> {
            h.upsert(new Order("o1", "W1", "c1", Order.Channel.WEB, null, Order.OrderStatus.DELIVERED, "2026-01-01T10:00:00Z", 5998,
                    List.of(new OrderLine("o1-1", "v1", "SKU1", "Chemise", 2, 2999, 2000, 0))));
            h.delete("o1");
            h.delete("o2");
            h.upsert(new Order("o2", "W2", "c1", Order.Channel.WEB, null, Order.OrderStatus.DELIVERED, "2026-01-01T10:00:00Z", 2999,
                    List.of(new OrderLine("o2-1", "v1", "SKU1", "Chemise", 1, 2999, 2000, 0))));
            h.upsert(new Order("o3", "W3", "c1", Order.Channel.WEB, null, Order.OrderStatus.DELIVERED, "2026-01-01T10:00:00Z", 2999,
                    List.of(new OrderLine("o3-1", "v1", "SKU1", "Chemise", 1, 2999, 2000, 0))));
            h.upsert(new Order("o3", "W3", "c1", Order.Channel.WEB, null, Order.OrderStatus.DELIVERED, "2026-01-01T10:00:00Z", 5998,
                    List.of(new OrderLine("o3-1", "v1", "SKU1", "Chemise", 1, 2999, 2000, 0),
                            new OrderLine("o3-2", "v2", "SKU2", "Chemise", 1, 2999, 2000, 0))));
            return new FeedPage("o", false, 6, 0);
        }, 1);

        assertThat(count("SELECT COUNT(*) FROM orders WHERE id = 'o1'")).isZero();
        assertThat(count("SELECT COUNT(*) FROM orders WHERE id = 'o2'")).isEqualTo(1);
        assertThat(count("SELECT total_cents FROM orders WHERE id = 'o3'")).isEqualTo(5998);
        assertThat(count("SELECT COUNT(*) FROM order_lines")).isEqualTo(3);
    }

    private List<String> schemaNames() {
        return db.read(c -> {
            List<String> names = new java.util.ArrayList<>();
            try (ResultSet rs = c.createStatement().executeQuery("SELECT name FROM sqlite_master WHERE type IN ('index', 'trigger') AND sql IS NOT NULL")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            return names;
        });
    }

    private String phoneDigits(String id) {
        return db.read(c -> {
            try (ResultSet rs = c.createStatement().executeQuery("SELECT phone_digits FROM customers WHERE id = '" + id + "'")) {
                return rs.getString(1);
            }
        });
    }

    private long count(String sql) {
        return db.read(c -> {
            try (ResultSet rs = c.createStatement().executeQuery(sql)) {
                return rs.getLong(1);
            }
        });
    }
}
