package fr.comptoir.customers;

import fr.comptoir.orders.Order;

import java.util.List;
import java.util.Map;

/** A customer's orders of every channel as the cache holds them. Blocking: off the JavaFX thread. */
public interface CustomerHistory {

    /** Every order of the customer, newest first, with their lines. */
    List<Order> ordersOf(String customerId);

    /** Category and size of the given variants, for the ones the catalogue knows. */
    Map<String, PurchasedItem> items(java.util.Collection<String> variantIds);

    /** Store names by id, to say where an order was placed or collected. */
    Map<String, String> storeNames();
}
