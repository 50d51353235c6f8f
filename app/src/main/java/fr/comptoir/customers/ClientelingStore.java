package fr.comptoir.customers;

import java.util.List;
import java.util.Optional;

/** Clienteling data in the cache: whole customers, notes, the last copy of online carts. Blocking. */
public interface ClientelingStore {

    Optional<Customer> customer(String customerId);

    /** Notes of the customer, newest first. */
    List<CustomerNote> notes(String customerId);

    /** The last online carts fetched for the customer and when (epoch millis), or null when never. */
    CachedCarts cachedCarts(String customerId);

    void saveCarts(String customerId, List<OnlineCart> carts, long fetchedAt);

    /** Makes a customer created at this terminal findable at once, before the platform knows them. */
    void putLocalCustomer(Customer customer);

    /** Customers with this email (any case) or this canonical phone number. */
    List<Customer> withContact(String email, String phoneDigits);

    /** Carts as last fetched. */
    record CachedCarts(List<OnlineCart> carts, long fetchedAt) {
    }
}
