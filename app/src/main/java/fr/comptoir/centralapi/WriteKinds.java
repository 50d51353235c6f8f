package fr.comptoir.centralapi;

/** The kinds of write the outbox carries, each mapped to one operation of the Commerce API. */
public final class WriteKinds {

    /** A staff event of the store (sign-in, sign-out, lock): {@code POST /v1/stores/{storeId}/events}. */
    public static final String STAFF_EVENT = "staff-event";
    /** A till event (void, drawer opening, approval): {@code POST /v1/stores/{storeId}/events}. */
    public static final String TILL_EVENT = "till-event";

    /** A new customer created in store: {@code POST /v1/customers}. */
    public static final String CUSTOMER_CREATED = "customer-created";
    /** An associate's note: {@code POST /v1/customers/{customerId}/notes}. */
    public static final String CUSTOMER_NOTE = "customer-note";
    /** Changed preferences: {@code PATCH /v1/customers/{customerId}} with field-level times. */
    public static final String CUSTOMER_PREFERENCES = "customer-preferences";
    /** Wishlist add or remove: {@code PUT} / {@code DELETE /v1/customers/{customerId}/wishlist/{variantId}}. */
    public static final String WISHLIST_ADD = "wishlist-add";
    public static final String WISHLIST_REMOVE = "wishlist-remove";
    /** An online cart taken over in store: {@code POST /v1/carts/{cartId}/continued-in-store}. */
    public static final String CART_CONTINUED = "cart-continued";

    /** A completed store sale: {@code POST /v1/stores/{storeId}/sales}. */
    public static final String SALE_RECORDED = "sale-recorded";

    /** A receipt to e-mail to the customer: {@code POST /v1/receipts/{saleId}/email}. */
    public static final String RECEIPT_EMAIL = "receipt-email";

    private WriteKinds() {
    }
}
