package fr.comptoir.sale;

import fr.comptoir.common.OutboxWrite;

import java.util.Objects;

/**
 * A basket that pays the balance of an order placed elsewhere (a click-and-collect order not fully paid
 * online) and the write that goes with it: the order's hand-over, journaled in the same transaction as
 * the sale, so that the money and the goods leave together or not at all (decision 0029). The sale's lines
 * then carry {@link BasketLine#ORDER}: they move no stock, the hand-over does.
 *
 * @param journalEvent what the journal calls the write ("pickup.handover")
 * @param write        the write, with its idempotency key; its payload names this sale
 */
public record OrderSettlement(String orderId, String orderNumber, String journalEvent, OutboxWrite write) {

    public OrderSettlement {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(orderNumber, "orderNumber");
        Objects.requireNonNull(journalEvent, "journalEvent");
        Objects.requireNonNull(write, "write");
    }
}
