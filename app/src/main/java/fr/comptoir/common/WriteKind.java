package fr.comptoir.common;

import java.util.Optional;

/**
 * The kinds of write a terminal sends the central platform, defined once: workflows name the kind of
 * each {@link OutboxWrite}, the outbox stores its {@link #wire()} name, and each platform adapter maps every
 * kind to one of its operations with an exhaustive switch (a new kind does not compile until every adapter
 * handles it).
 */
public enum WriteKind {

    /** A staff event of the store (sign-in, sign-out, lock). */
    STAFF_EVENT("staff-event"),
    /** A till event (void, drawer opening, approval). */
    TILL_EVENT("till-event"),
    /** A new customer created in store. */
    CUSTOMER_CREATED("customer-created"),
    /** An associate's note on a customer. */
    CUSTOMER_NOTE("customer-note"),
    /** Changed preferences, with field-level times. */
    CUSTOMER_PREFERENCES("customer-preferences"),
    /** A variant added to a customer's wishlist. */
    WISHLIST_ADD("wishlist-add"),
    /** A variant taken off a customer's wishlist. */
    WISHLIST_REMOVE("wishlist-remove"),
    /** An online cart taken over in store. */
    CART_CONTINUED("cart-continued"),
    /** A completed store sale (or return, or exchange). */
    SALE_RECORDED("sale-recorded"),
    /** A receipt to e-mail to the customer. */
    RECEIPT_EMAIL("receipt-email");

    private final String wire;

    WriteKind(String wire) {
        this.wire = wire;
    }

    /** The name stored in the outbox and journal. Never changes once released: journals keep it for years. */
    public String wire() {
        return wire;
    }

    /** The kind stored under this name, if this version knows it. */
    public static Optional<WriteKind> of(String wire) {
        for (WriteKind k : values()) {
            if (k.wire.equals(wire)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
