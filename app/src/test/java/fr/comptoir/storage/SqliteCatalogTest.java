package fr.comptoir.storage;

import fr.comptoir.catalog.PriceList;
import fr.comptoir.catalog.Product;
import fr.comptoir.catalog.StockLevel;
import fr.comptoir.catalog.Variant;
import fr.comptoir.catalog.VariantInfo;
import fr.comptoir.centralapi.Feed;
import fr.comptoir.centralapi.FeedPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SqliteCatalogTest {

    @TempDir
    Path dir;

    @Test
    void findsVariantsByWordsOrBarcodeWithThisStoresStock() {
        try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("cache.db"), "cache")) {
            SqliteFeedCache cache = new SqliteFeedCache(db, fr.comptoir.storage.CanonicalJson.codec());
            cache.applyPage(Feed.PRODUCTS, (c, h) -> {
                h.upsert(new Product("p1", "REF1", "Robe portefeuille Atelier", "Atelier Nord", "Femme > Robes", 2000, List.of(
                        new Variant("p1-1", "REF1-NOI-S", "3760000000017", "S", "Noir", 5999),
                        new Variant("p1-2", "REF1-NOI-M", "3760000000024", "M", "Noir", 5999))));
                h.upsert(new Product("p2", "REF2", "Bougie parfumée", "Côté Jardin", "Maison > Déco", 2000, List.of(
                        new Variant("p2-1", "REF2-U-TU", "3760000000031", null, null, 1999))));
                return new FeedPage("a", false, 2, 0);
            }, 1);
            cache.applyPage(Feed.STOCK, (c, h) -> {
                h.upsert(new StockLevel("st-a:p1-2", "p1-2", "st-a", 5, 2));
                h.upsert(new StockLevel("st-b:p1-2", "p1-2", "st-b", 9, 0));
                return new FeedPage("s", false, 2, 0);
            }, 1);
            SqliteCatalog catalog = new SqliteCatalog(db, java.time.Clock.systemUTC());

            assertThat(catalog.search("robe port", "st-a", 10)).extracting(VariantInfo::variantId).containsExactlyInAnyOrder("p1-1", "p1-2");
            assertThat(catalog.search("cote jardin", "st-a", 10)).extracting(VariantInfo::variantId).containsExactly("p2-1");
            assertThat(catalog.search("PARFUMEE", "st-a", 10)).extracting(VariantInfo::variantId).containsExactly("p2-1");
            assertThat(catalog.search("3760000000024", "st-a", 10)).extracting(VariantInfo::variantId).containsExactly("p1-2");
            assertThat(catalog.search("ref1-noi-s", "st-a", 10)).extracting(VariantInfo::variantId).containsExactly("p1-1");
            assertThat(catalog.search("r", "st-a", 10)).isEmpty();
            assertThat(catalog.search("zzz", "st-a", 10)).isEmpty();
            // By product: every size and colour of each product found, with its product; a whole code finds one.
            assertThat(catalog.searchByProduct("robe", "st-a", 1)).extracting(VariantInfo::variantId, VariantInfo::productId)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("p1-1", "p1"), org.assertj.core.groups.Tuple.tuple("p1-2", "p1"));
            assertThat(catalog.searchByProduct("3760000000024", "st-a", 5)).extracting(VariantInfo::variantId).containsExactly("p1-2");
            assertThat(catalog.searchByProduct("a", "st-a", 5)).isEmpty();

            VariantInfo m = catalog.variants(List.of("p1-2"), "st-a").get("p1-2");
            assertThat(m.availableHere()).isEqualTo(3);
            assertThat(m.label()).isEqualTo("Robe portefeuille Atelier · Noir · M");
            assertThat(catalog.variants(List.of("p1-1"), "st-a").get("p1-1").availableHere()).isZero();
        }
    }

    @Test
    void priceListsSetThePriceHereAndNowByPriorityThenStoreThenNewest() {
        try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("cache.db"), "cache")) {
            SqliteFeedCache cache = new SqliteFeedCache(db, fr.comptoir.storage.CanonicalJson.codec());
            cache.applyPage(Feed.PRODUCTS, (c, h) -> {
                h.upsert(new Product("p1", "REF1", "Bouquet de saison", "Côté Jardin", "Fleurs", 1000, List.of(
                        new Variant("v1", "REF1-U-TU", "3760000000017", null, null, 2999))));
                h.upsert(new Product("p2", "REF2", "Robe portefeuille", "Atelier Nord", "Femme > Robes", 2000, List.of(
                        new Variant("v2", "REF2-NOI-M", "3760000000024", "M", "Noir", 5999))));
                return new FeedPage("a", false, 2, 0);
            }, 1);
            cache.applyPage(Feed.PRICE_LISTS, (c, h) -> {
                // In force in Paris only.
                h.upsert(new PriceList("paris", "Prix Paris", 10, List.of("st-par", "st-ver"), "2026-01-01T00:00:00Z", null,
                        List.of(new PriceList.Entry("v1", 3299), new PriceList.Entry("v2", -1))));
                // Chain-wide at the same priority: Paris's own list wins there.
                h.upsert(new PriceList("chain", "Prix national", 10, List.of(), "2026-06-01T00:00:00Z", null,
                        List.of(new PriceList.Entry("v1", 2799))));
                // Winter sales: higher priority, but only from January to February.
                h.upsert(new PriceList("soldes", "Soldes d'hiver", 20, List.of(), "2027-01-13T07:00:00Z", "2027-02-10T07:00:00Z",
                        List.of(new PriceList.Entry("v2", 4199), new PriceList.Entry("v1", 1999))));
                // Damaged dates: never applies.
                h.upsert(new PriceList("broken", "Cassée", 99, List.of(), "yesterday", null, List.of(new PriceList.Entry("v1", 1))));
                return new FeedPage("p", false, 4, 0);
            }, 1);

            VariantInfo parisNov = at(db, "2026-11-23T10:00:00Z").variants(List.of("v1"), "st-par").get("v1");
            assertThat(parisNov.priceCents()).isEqualTo(3299);
            assertThat(parisNov.priceList()).isEqualTo("Prix Paris");
            assertThat(at(db, "2026-11-23T10:00:00Z").byCode("3760000000017", "st-lyo").orElseThrow())
                    .extracting(VariantInfo::priceCents, VariantInfo::priceList).containsExactly(2799L, "Prix national");
            // Before the chain list, Lyon pays the base price; a negative price in a list is ignored.
            assertThat(at(db, "2026-05-01T10:00:00Z").variants(List.of("v1"), "st-lyo").get("v1"))
                    .extracting(VariantInfo::priceCents, VariantInfo::priceList).containsExactly(2999L, null);
            assertThat(at(db, "2026-11-23T10:00:00Z").variants(List.of("v2"), "st-par").get("v2").priceCents()).isEqualTo(5999);
            // During the sales, and after them.
            assertThat(at(db, "2027-01-20T10:00:00Z").variants(List.of("v1", "v2"), "st-par").values())
                    .extracting(VariantInfo::priceCents).containsExactlyInAnyOrder(1999L, 4199L);
            assertThat(at(db, "2027-02-10T07:00:00Z").variants(List.of("v2"), "st-par").get("v2").priceCents()).isEqualTo(5999);

            // A withdrawn list no longer prices anything.
            cache.applyPage(Feed.PRICE_LISTS, (c, h) -> {
                h.delete("paris");
                return new FeedPage("q", false, 1, 0);
            }, 2);
            assertThat(at(db, "2026-11-23T10:00:00Z").variants(List.of("v1"), "st-par").get("v1").priceList()).isEqualTo("Prix national");
            int left = db.read(c -> {
                try (var s = c.createStatement(); var rs = s.executeQuery("SELECT COUNT(*) FROM list_prices WHERE list_id = 'paris'")) {
                    return rs.getInt(1);
                }
            });
            assertThat(left).isZero();
        }
    }

    private static SqliteCatalog at(SqliteDatabase db, String instant) {
        return new SqliteCatalog(db, java.time.Clock.fixed(java.time.Instant.parse(instant), java.time.ZoneOffset.UTC));
    }
}
