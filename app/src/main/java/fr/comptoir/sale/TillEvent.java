package fr.comptoir.sale;

/**
 * Something done at the till that changes money without being a sale, kept in the store's journal and
 * sent to the central platform: a line or a whole sale voided, the drawer opened without a sale, a
 * manager's approval of a discount or a price, or a manager PIN refused.
 *
 * @param staffId     who was selling
 * @param approvedBy  the manager who approved, when an approval was needed and given
 * @param amountCents what was at stake: the line or basket voided, the discount given
 * @param detail      what it was about, in words for the head office (item, reason code, action refused)
 * @param occurredAt  ISO-8601 instant
 */
public record TillEvent(String eventId, Type type, String staffId, String storeId, String deviceId, String occurredAt,
                        String approvedBy, long amountCents, String detail) {

    /**
     * {@code CASH_REFUND_APPROVED}: a manager let a return hand back more cash than the store's limit.
     * {@code TILL_OPENED}: a cash session opened with its float ({@code amountCents}); {@code CASH_IN} and
     * {@code CASH_OUT}: cash put in or taken out outside a sale, the reason in {@code detail}. {@code TRAINING_STARTED} and
     * {@code TRAINING_ENDED}: training mode, the supervising manager in {@code approvedBy}.
     */
    public enum Type { LINE_VOIDED, SALE_VOIDED, DRAWER_OPENED, DISCOUNT_APPROVED, PRICE_OVERRIDDEN, APPROVAL_REFUSED, CASH_REFUND_APPROVED,
        TILL_OPENED, CASH_IN, CASH_OUT, TRAINING_STARTED, TRAINING_ENDED }
}
