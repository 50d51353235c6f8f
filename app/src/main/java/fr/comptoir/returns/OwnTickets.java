package fr.comptoir.returns;

import fr.comptoir.orders.Order;
import fr.comptoir.orders.OrderLine;
import fr.comptoir.sale.BasketLine;
import fr.comptoir.sale.SaleRecord;

import java.util.ArrayList;
import java.util.List;

/**
 * A ticket of this till as the order the platform publishes for it (id {@code ord-<saleId>}, number the ticket
 * number, line ids {@code <saleId>-<place on the ticket>}): what the returns counter shows for a receipt of this
 * till that the orders feed has not brought yet (offline, or just sold). Only the items taken there and then are
 * on it; items coming back and order balances are not.
 */
public final class OwnTickets {

    private OwnTickets() {
    }

    public static Order asOrder(SaleRecord sale) {
        List<OrderLine> lines = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < sale.lines().size(); i++) {
            BasketLine l = sale.lines().get(i);
            if (l.takenNow() && !l.returned()) {
                lines.add(new OrderLine(sale.id() + "-" + (i + 1), l.variantId(), l.sku(), l.label(), l.quantity(), l.unitPriceCents(),
                        l.vatRateBasisPoints(), 0, l.totalCents()));
                total += l.totalCents();
            }
        }
        List<String> tenders = sale.payments().stream().filter(p -> p.amountCents() > 0).map(p -> p.tender().name()).distinct().toList();
        return new Order("ord-" + sale.id(), sale.ticketNumber(), sale.customerId(), Order.Channel.STORE, sale.storeId(),
                Order.OrderStatus.COMPLETED, sale.completedAt(), total, lines, tenders);
    }
}
