package fr.comptoir.orders;

import java.util.List;

/**
 * An order of any channel (web, app, store), with its lines.
 *
 * @param storeId the store that sold it or where it is collected; null for home delivery web orders
 * @param tenders how a store ticket was paid (CASH, CARD, GIFT_CARD...), as the platform says; empty when it does not
 */
public record Order(String id, String number, String customerId, Channel channel, String storeId,
                    OrderStatus status, String placedAt, long totalCents, List<OrderLine> lines, List<String> tenders) {

    public Order {
        lines = lines == null ? List.of() : List.copyOf(lines);
        tenders = tenders == null ? List.of() : List.copyOf(tenders);
    }

    /** An order whose tenders the platform does not say. */
    public Order(String id, String number, String customerId, Channel channel, String storeId, OrderStatus status, String placedAt,
                 long totalCents, List<OrderLine> lines) {
        this(id, number, customerId, channel, storeId, status, placedAt, totalCents, lines, null);
    }

    /** Paid, in part or whole, with a gift card: what comes back of it goes back to a gift card (store credit). */
    public boolean paidWithGiftCard() {
        return tenders.contains("GIFT_CARD");
    }

    public enum Channel { WEB, APP, STORE }

    public enum OrderStatus { PLACED, READY_FOR_PICKUP, COLLECTED, PARTLY_COLLECTED, EXPIRED, SHIPPED, DELIVERED, COMPLETED, CANCELLED }
}
