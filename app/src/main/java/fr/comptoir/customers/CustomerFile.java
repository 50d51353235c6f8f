package fr.comptoir.customers;

import fr.comptoir.catalog.VariantInfo;
import fr.comptoir.orders.Order;

import java.util.List;
import java.util.Map;

/**
 * Everything the customer view shows, read in one go from the cache: the profile with pending edits,
 * the orders of every channel, what they say (insights), store names, wishlist items, the last copy of
 * the online carts, and how old the cached customer data is.
 *
 * @param dataAsOf epoch millis of the last successful sync of customers (0: never)
 */
public record CustomerFile(ClientelingService.Profile profile, List<Order> orders, CustomerInsights insights,
                           Map<String, String> storeNames, Map<String, VariantInfo> items,
                           ClientelingStore.CachedCarts cachedCarts, long dataAsOf) {
}
