package fr.comptoir.catalog;

import java.util.List;

/**
 * A price list published by the central platform: prices that replace the variants' base prices in
 * some stores (a city's prices, an outlet) or for a period (winter sales), decision 0013.
 *
 * @param name      what the associate sees beside a price it set ("Prix Paris", "Soldes d'hiver")
 * @param priority  when several lists price the same variant here and now, the highest wins
 * @param storeIds  stores where it applies; empty: every store
 * @param validFrom ISO-8601 instant, inclusive
 * @param validTo   ISO-8601 instant, exclusive; null: until withdrawn
 */
public record PriceList(String id, String name, int priority, List<String> storeIds, String validFrom, String validTo,
                        List<Entry> prices) {

    public PriceList {
        storeIds = storeIds == null ? List.of() : List.copyOf(storeIds);
        prices = prices == null ? List.of() : List.copyOf(prices);
    }

    /** One variant's tax-inclusive price in the list. */
    public record Entry(String variantId, long priceCents) {
    }
}
