package fr.comptoir.common;

import java.util.Optional;

/**
 * The kinds of write a terminal sends the central platform, defined once: workflows name the kind of
 * each {@link OutboxWrite}, the outbox stores its {@link #wire()} name, and each platform adapter maps every
 * kind to one of its operations with an exhaustive switch (a new kind does not compile until every adapter
 * handles it). Each kind also says whether its records are fiscal ({@link #fiscalChain()}): tickets and
 * technical events are kept apart from clienteling writes.
 */
public enum WriteKind {

    /** A staff event of the store (sign-in, sign-out, lock). */
    STAFF_EVENT("staff-event", FiscalChain.TECHNICAL),
    /** A till event (void, drawer opening, approval). */
    TILL_EVENT("till-event", FiscalChain.TECHNICAL),
    /** A new customer created in store. */
    CUSTOMER_CREATED("customer-created", null),
    /** An associate's note on a customer. */
    CUSTOMER_NOTE("customer-note", null),
    /** Changed preferences, with field-level times. */
    CUSTOMER_PREFERENCES("customer-preferences", null),
    /** A variant added to a customer's wishlist. */
    WISHLIST_ADD("wishlist-add", null),
    /** A variant taken off a customer's wishlist. */
    WISHLIST_REMOVE("wishlist-remove", null),
    /** An online cart taken over in store. */
    CART_CONTINUED("cart-continued", null),
    /** A completed store sale (or return, or exchange). */
    SALE_RECORDED("sale-recorded", FiscalChain.TICKETS),
    /** A receipt to e-mail to the customer. */
    RECEIPT_EMAIL("receipt-email", null),
    /** A click-and-collect order prepared and put on its shelf. */
    PICKUP_READY("pickup-ready", null),
    /** The "your order is ready" message sent again. */
    PICKUP_NOTICE("pickup-notice", null),
    /** A click-and-collect hand-over (one round): collected and refused units, the money. */
    PICKUP_HANDOVER("pickup-handover", null),
    /** An expired order returned to stock, with a manager's approval. */
    PICKUP_RETURN_TO_STOCK("pickup-return-to-stock", null),
    /** A hand-over's receipt to e-mail to the customer. */
    PICKUP_RECEIPT_EMAIL("pickup-receipt-email", null),
    /** The terminal's public fiscal signing key, when it was made after activation (decision 0031). */
    SIGNING_KEY("signing-key", null),
    /** A closing: the till's cash session, the day (Z), the month or the year (decision 0032). */
    CLOSING_RECORDED("closing-recorded", FiscalChain.CLOSINGS);

    private final String wire;
    private final FiscalChain fiscalChain;

    WriteKind(String wire, FiscalChain fiscalChain) {
        this.wire = wire;
        this.fiscalChain = fiscalChain;
    }

    /** The fiscal book a record of this kind is kept in, or empty for a clienteling write (kept in the journal). */
    public Optional<FiscalChain> fiscalChain() {
        return Optional.ofNullable(fiscalChain);
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
