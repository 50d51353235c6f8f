package fr.comptoir.catalog;

import java.util.List;

/**
 * A promotion published by the central platform. Kinds French retail uses:
 * {@code PERCENT_OFF_CATEGORY} (e.g. −20 % on knitwear), {@code FIXED_PRICE} (these items at 5 €),
 * {@code SECOND_ITEM_PERCENT_OFF} (the second at −50 %), {@code BASKET_THRESHOLD} (10 € off from 100 €).
 *
 * @param category          category path prefix the promotion applies to (null: use {@code variantIds})
 * @param percentBasisPoints for percentage kinds, 2000 = 20 %
 * @param validFrom         ISO-8601 instant, inclusive
 * @param validTo           ISO-8601 instant, exclusive
 * @param storeIds          stores where it applies; empty: every store
 */
public record Promotion(String id, String label, Kind kind, String category, List<String> variantIds, Integer percentBasisPoints,
                        Long fixedPriceCents, Long thresholdCents, Long discountCents, boolean stackable,
                        String validFrom, String validTo, List<String> storeIds) {

    public enum Kind { PERCENT_OFF_CATEGORY, FIXED_PRICE, SECOND_ITEM_PERCENT_OFF, BASKET_THRESHOLD }

    public Promotion {
        variantIds = variantIds == null ? List.of() : List.copyOf(variantIds);
        storeIds = storeIds == null ? List.of() : List.copyOf(storeIds);
    }
}
