package fr.comptoir.sale;

import java.util.Objects;

/**
 * Where an item coming back was bought: the order (web, app or store ticket) and its line, why it comes back
 * and what becomes of it. On a returned line ({@link BasketLine#returned()}) of a return or exchange ticket;
 * the platform's ledger counts it against that line, so that no unit is refunded twice.
 *
 * @param orderNumber what the customer and the receipt know the order by (a web number, a ticket number)
 * @param channel     the order's channel (WEB, APP, STORE): a web or app order is refunded on its web payment
 * @param reason      why it comes back (see {@link Reason})
 * @param restock     back on sale in this store, or set aside as damaged
 * @param approvedBy  the manager who let it come back outside the policy (window, category), or null; always
 *                    named for an item without a receipt
 * @param paidWithGiftCard the ticket it was bought on was paid with a gift card: it goes back to one (store credit)
 * <p>Without a receipt, {@code orderId}, {@code orderNumber} and {@code lineId} are null: the item is credited
 * at its lowest price of the last 30 days, as store credit, with a manager's approval ({@link #withoutReceipt}).
 */
public record ReturnOf(String orderId, String orderNumber, String lineId, String channel, Reason reason, Restock restock,
                       String approvedBy, boolean paidWithGiftCard) {

    public ReturnOf {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(restock, "restock");
        if ((orderId == null) != (lineId == null)) {
            throw new IllegalArgumentException("an order and its line, or neither (no receipt)");
        }
        if (orderId == null && (approvedBy == null || approvedBy.isBlank())) {
            throw new IllegalArgumentException("an item without a receipt comes back with a manager's approval");
        }
    }

    /** An item of an order not paid with a gift card. */
    public ReturnOf(String orderId, String orderNumber, String lineId, String channel, Reason reason, Restock restock, String approvedBy) {
        this(orderId, orderNumber, lineId, channel, reason, restock, approvedBy, false);
    }

    /** An item brought back without a receipt, approved by {@code approvedBy}. */
    public static ReturnOf withoutReceipt(Reason reason, Restock restock, String approvedBy) {
        return new ReturnOf(null, null, null, "STORE", reason, restock, approvedBy, false);
    }

    /**
     * Refunded as store credit only: brought back without a receipt, or bought with a gift card (what was paid
     * with one goes back to one).
     */
    public boolean creditOnly() {
        return noReceipt() || paidWithGiftCard;
    }

    /** Brought back without a receipt: credited as store credit only. */
    public boolean noReceipt() {
        return orderId == null;
    }

    /** Why an item comes back. */
    public enum Reason { TOO_SMALL, TOO_LARGE, DAMAGED, NOT_AS_DESCRIBED, CHANGED_MIND, OTHER }

    /** What becomes of it. */
    public enum Restock { SELLABLE, DAMAGED }

    /** Bought online (web or app): its refund goes back to the web payment, through the platform. */
    public boolean online() {
        return "WEB".equals(channel) || "APP".equals(channel);
    }
}
