package fr.comptoir.catalog;

import java.util.Collection;
import java.util.Map;

/** Variants as the cache knows them, with this store's stock. Blocking: off the JavaFX thread. */
public interface CatalogReader {

    Map<String, VariantInfo> variants(Collection<String> variantIds, String storeId);
}
