package fr.comptoir.customers;

import java.util.List;

/**
 * A customer's cart on the web site or in the app, as the central platform holds it.
 *
 * @param updatedAt ISO-8601 instant of the last change to the cart
 */
public record OnlineCart(String id, String customerId, Channel channel, Status status, String updatedAt, List<CartLine> lines) {

    public OnlineCart {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    public enum Channel { WEB, APP }

    public enum Status { OPEN, CONTINUED_IN_STORE, CONVERTED, ABANDONED }

    /** One line: a quantity of a variant, at the price it had when the customer added it. */
    public record CartLine(String variantId, String sku, String name, String size, String colour, int quantity,
                           long priceWhenAddedCents) {
    }
}
