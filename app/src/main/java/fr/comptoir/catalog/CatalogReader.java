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

    /** The variant with this EAN or SKU exactly. */
    java.util.Optional<VariantInfo> byCode(String code, String storeId);
}
