package fr.comptoir.pickups;

import java.util.List;

/**
 * A hand-over at the pickup desk, as journaled and sent to the platform ({@code POST /v1/pickups/{orderId}/handover}).
 * The pickup code is checked at the desk and never written here: the journal keeps how the collector was
 * verified, and of an identity document only its type and last characters.
 *
 * @param round      how many hand-overs of this order the desk knew of: the platform refuses a round another
 *                   terminal already made (409 {@code already-handed-over}); this terminal never journals the
 *                   same round twice (its idempotency key)
 * @param dueCents   paid at the desk now (an order not fully prepaid), as {@link PickupMoney} works it out
 * @param refundCents refunded by the platform on the original payment, as {@link PickupMoney} works it out
 * @param approvedBy the manager who approved (an expired order, or after wrong codes), or null
 * @param offline    whether the desk handed over without the platform's answer (decision 0028)
 * @param settlementSaleId the till sale that took {@code dueCents} (decision 0029), or null when nothing was due
 */
public record Handover(String handoverId, String orderId, String orderNumber, String storeId, String deviceId, String staffId,
                       String at, int round, HandoverVerification verification, List<HandoverLine> lines, long dueCents,
                       long refundCents, String approvedBy, boolean offline, String settlementSaleId) {

    public Handover {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    /** The same hand-over, its balance taken by the till sale {@code saleId}. */
    public Handover settledBy(String saleId) {
        return new Handover(handoverId, orderId, orderNumber, storeId, deviceId, staffId, at, round, verification, lines, dueCents,
                refundCents, approvedBy, offline, saleId);
    }

    /** How the collector proved the right to collect. */
    public enum Method { PICKUP_CODE, ID_DOCUMENT }

    /** What an identity document was. */
    public enum IdDocument { ID_CARD, PASSPORT, DRIVING_LICENCE, RESIDENCE_PERMIT }

    /**
     * @param collectorName  who collected (the customer or a proxy named on the order)
     * @param idDocumentEnd  the last 4 characters of the document's number, for an {@link Method#ID_DOCUMENT} check
     */
    public record HandoverVerification(Method method, String collectorName, boolean proxy, IdDocument idDocument,
                                       String idDocumentEnd) {
    }

    /** What became of a line: units handed over now, refused now (why, and back to stock how). */
    public record HandoverLine(String lineId, int collected, int refused, PickupMoney.RefusalReason refusalReason,
                               Restock restock) {
    }

    /** Where a refused item goes: back on sale in this store, or set aside as damaged. */
    public enum Restock { SELLABLE, DAMAGED }

    /** The idempotency key of round {@code round} of {@code orderId}: one hand-over per round, ever, per terminal. */
    public static String key(String orderId, int round) {
        return "pickup-handover:" + orderId + ":" + round;
    }
}
