package fr.comptoir.returns;

import fr.comptoir.orders.Order;

import java.util.List;
import java.util.Optional;

/** The orders the counter can take items back from, as cached (every channel). Blocking (disk). */
public interface OrderLookup {

    Optional<Order> order(String orderId);

    /** Orders whose number (web order or store ticket) is or contains {@code text}, newest first. */
    List<Order> byNumber(String text, int limit);

    /** A customer's orders, newest first. */
    List<Order> ofCustomer(String customerId, int limit);
}
