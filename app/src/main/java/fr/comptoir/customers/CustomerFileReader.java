package fr.comptoir.customers;

import fr.comptoir.catalog.CatalogReader;
import fr.comptoir.catalog.VariantInfo;
import fr.comptoir.orders.Order;
import fr.comptoir.orders.OrderLine;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;

/** Reads a {@link CustomerFile} from the cache and the journal. Blocking: off the JavaFX thread. */
public final class CustomerFileReader {

    private final ClientelingService clienteling;
    private final CustomerHistory history;
    private final ClientelingStore store;
    private final CatalogReader catalog;
    private final LongSupplier customersAsOf;
    private final String storeId;
    private final Clock clock;

    public CustomerFileReader(ClientelingService clienteling, CustomerHistory history, ClientelingStore store, CatalogReader catalog,
                              LongSupplier customersAsOf, String storeId, Clock clock) {
        this.clienteling = clienteling;
        this.history = history;
        this.store = store;
        this.catalog = catalog;
        this.customersAsOf = customersAsOf;
        this.storeId = storeId;
        this.clock = clock;
    }

    public Optional<CustomerFile> read(String customerId) {
        return clienteling.profile(customerId).map(profile -> {
            String id = profile.customer().id();
            List<Order> orders = history.ordersOf(id);
            Set<String> variantIds = new HashSet<>(profile.customer().wishlist());
            for (Order o : orders) {
                for (OrderLine l : o.lines()) {
                    if (l.variantId() != null) {
                        variantIds.add(l.variantId());
                    }
                }
            }
            ClientelingStore.CachedCarts carts = store.cachedCarts(id);
            if (carts != null) {
                carts.carts().forEach(c -> c.lines().forEach(l -> variantIds.add(l.variantId())));
            }
            Map<String, VariantInfo> items = catalog.variants(variantIds, storeId);
            Map<String, PurchasedItem> purchased = history.items(variantIds);
            CustomerInsights insights = CustomerInsights.of(orders, purchased, LocalDate.now(clock), clock.getZone(), 8);
            return new CustomerFile(profile, orders, insights, history.storeNames(), items, carts, customersAsOf.getAsLong());
        });
    }

    /** Variant details (price now, stock here) for the lines of freshly fetched carts. */
    public Map<String, VariantInfo> variants(Set<String> ids) {
        return catalog.variants(ids, storeId);
    }

    /** Keeps the carts just fetched, so that they can be shown with their age when offline. */
    public void keepCarts(String customerId, List<OnlineCart> carts) {
        store.saveCarts(customerId, carts, clock.millis());
    }
}
