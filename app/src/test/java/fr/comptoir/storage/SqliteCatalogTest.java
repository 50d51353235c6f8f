package fr.comptoir.storage;

import fr.comptoir.catalog.Product;
import fr.comptoir.catalog.StockLevel;
import fr.comptoir.catalog.Variant;
import fr.comptoir.catalog.VariantInfo;
import fr.comptoir.centralapi.Feed;
import fr.comptoir.centralapi.FeedPage;
import fr.comptoir.centralapi.WireJson;
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
            SqliteFeedCache cache = new SqliteFeedCache(db, WireJson.codec());
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
            SqliteCatalog catalog = new SqliteCatalog(db);

            assertThat(catalog.search("robe port", "st-a", 10)).extracting(VariantInfo::variantId).containsExactlyInAnyOrder("p1-1", "p1-2");
            assertThat(catalog.search("cote jardin", "st-a", 10)).extracting(VariantInfo::variantId).containsExactly("p2-1");
            assertThat(catalog.search("PARFUMEE", "st-a", 10)).extracting(VariantInfo::variantId).containsExactly("p2-1");
            assertThat(catalog.search("3760000000024", "st-a", 10)).extracting(VariantInfo::variantId).containsExactly("p1-2");
            assertThat(catalog.search("ref1-noi-s", "st-a", 10)).extracting(VariantInfo::variantId).containsExactly("p1-1");
            assertThat(catalog.search("r", "st-a", 10)).isEmpty();
            assertThat(catalog.search("zzz", "st-a", 10)).isEmpty();

            VariantInfo m = catalog.variants(List.of("p1-2"), "st-a").get("p1-2");
            assertThat(m.availableHere()).isEqualTo(3);
            assertThat(m.label()).isEqualTo("Robe portefeuille Atelier · Noir · M");
            assertThat(catalog.variants(List.of("p1-1"), "st-a").get("p1-1").availableHere()).isZero();
        }
    }
}
