package fr.comptoir.catalog;

import java.util.Collection;
import java.util.Map;

/** Variants as the cache knows them, with this store's stock. Blocking: off the JavaFX thread. */
public interface CatalogReader {

    Map<String, VariantInfo> variants(Collection<String> variantIds, String storeId);

    /**
     * Variants whose product name, brand or reference has words starting with the words typed
     * (accent- and case-insensitive), or whose EAN or SKU is the text typed; at most {@code limit}.
     */
    java.util.List<VariantInfo> search(String text, String storeId, int limit);

    /**
     * Every variant (each size and colour) of at most {@code products} products found as by
     * {@link #search}, product after product; a code typed whole finds its one variant.
     */
    default java.util.List<VariantInfo> searchByProduct(String text, String storeId, int products) {
        return search(text, storeId, products);
    }

    /** The variant with this EAN or SKU exactly. */
    java.util.Optional<VariantInfo> byCode(String code, String storeId);
}
