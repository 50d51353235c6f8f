package fr.comptoir.orders;

import java.util.List;

/**
 * An order of any channel (web, app, store), with its lines.
 *
 * @param storeId the store that sold it or where it is collected; null for home delivery web orders
 */
public record Order(String id, String number, String customerId, Channel channel, String storeId,
                    OrderStatus status, String placedAt, long totalCents, List<OrderLine> lines) {

    public Order {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    public enum Channel { WEB, APP, STORE }

    public enum OrderStatus { PLACED, READY_FOR_PICKUP, COLLECTED, PARTLY_COLLECTED, EXPIRED, SHIPPED, DELIVERED, COMPLETED, CANCELLED }
}
