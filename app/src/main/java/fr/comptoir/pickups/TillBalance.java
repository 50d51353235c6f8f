package fr.comptoir.pickups;

import fr.comptoir.sale.BasketLine;
import fr.comptoir.sale.DiscountPolicy;
import fr.comptoir.sale.OrderSettlement;
import fr.comptoir.common.OutboxWrite;
import fr.comptoir.common.WriteKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The till's lines for the balance of a pickup order (decision 0029): the balance shared over the units
 * collected now, in proportion to what they are worth (to the cent, largest remainders first), one line per
 * order line, each at that line's VAT rate, so that the ticket's VAT is that of what was really paid for.
 */
public final class TillBalance {

    private TillBalance() {
    }

    /**
     * What the till's basket carries to journal with its sale: the order's hand-over, naming that sale.
     *
     * @param settled the prepared hand-over ({@link PickupDesk#prepare}) with the sale's id ({@link Handover#settledBy})
     */
    public static OrderSettlement settlement(Pickup order, Handover settled) {
        if (settled.settlementSaleId() == null || settled.dueCents() <= 0) {
            throw new IllegalArgumentException("a settlement is a hand-over with a balance, named after its sale");
        }
        return new OrderSettlement(order.orderId(), order.orderNumber(), PickupDesk.JOURNAL_EVENT, new OutboxWrite(WriteKind.PICKUP_HANDOVER,
                Handover.key(order.orderId(), settled.round()), PickupDesk.orderKey(order.orderId()), settled));
    }

    /**
     * @param worth what the units collected now are worth per line ({@code PickupMoney.collectedWorth})
     * @param label the ticket's words for a line: the order number and the item
     * @throws IllegalArgumentException when the balance is above what the units collected are worth
     */
    public static List<BasketLine> lines(Pickup order, Map<String, Long> worth, long dueCents, java.util.function.BiFunction<String, String, String> label) {
        List<Pickup.PickupLine> collected = order.lines().stream().filter(l -> worth.getOrDefault(l.lineId(), 0L) > 0).toList();
        List<Long> shares = DiscountPolicy.spread(dueCents, collected.stream().map(l -> worth.get(l.lineId())).toList());
        List<BasketLine> lines = new ArrayList<>();
        for (int i = 0; i < collected.size(); i++) {
            Pickup.PickupLine l = collected.get(i);
            if (shares.get(i) == 0) {
                continue;
            }
            String item = l.name() + (l.size() == null ? "" : " " + l.size()) + (l.colour() == null ? "" : " " + l.colour());
            lines.add(new BasketLine(l.variantId(), l.sku(), label.apply(order.orderNumber(), item), 1, shares.get(i), l.vatRateBasisPoints(),
                    null, 0, null, null, BasketLine.ORDER + order.orderId(), null, 0, null));
        }
        return lines;
    }
}
