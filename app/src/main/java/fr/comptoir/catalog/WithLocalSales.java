package fr.comptoir.catalog;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The catalogue as the counter must see it: this store's availability goes down at once for what was
 * sold here and not yet taken by the central platform; the stock feed corrects it after sync.
 */
public final class WithLocalSales implements CatalogReader {

    private final CatalogReader cache;
    private final Supplier<Map<String, Integer>> unconfirmedSales;

    public WithLocalSales(CatalogReader cache, Supplier<Map<String, Integer>> unconfirmedSales) {
        this.cache = cache;
        this.unconfirmedSales = unconfirmedSales;
    }

    @Override
    public Map<String, VariantInfo> variants(Collection<String> variantIds, String storeId) {
        Map<String, VariantInfo> found = new java.util.HashMap<>(cache.variants(variantIds, storeId));
        Map<String, Integer> sold = unconfirmedSales.get();
        found.replaceAll((id, v) -> adjust(v, sold));
        return found;
    }

    @Override
    public List<VariantInfo> search(String text, String storeId, int limit) {
        Map<String, Integer> sold = unconfirmedSales.get();
        return cache.search(text, storeId, limit).stream().map(v -> adjust(v, sold)).toList();
    }

    @Override
    public List<VariantInfo> searchByProduct(String text, String storeId, int products) {
        Map<String, Integer> sold = unconfirmedSales.get();
        return cache.searchByProduct(text, storeId, products).stream().map(v -> adjust(v, sold)).toList();
    }

    @Override
    public Optional<VariantInfo> byCode(String code, String storeId) {
        return cache.byCode(code, storeId).map(v -> adjust(v, unconfirmedSales.get()));
    }

    private static VariantInfo adjust(VariantInfo v, Map<String, Integer> sold) {
        int minus = sold.getOrDefault(v.variantId(), 0);
        if (minus == 0) {
            return v;
        }
        return v.withAvailableHere(Math.max(0, v.availableHere() - minus));
    }
}
