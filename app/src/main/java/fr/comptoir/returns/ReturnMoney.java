package fr.comptoir.returns;

import fr.comptoir.orders.OrderLine;

/**
 * What units of an order line refund, to the cent, the same at the till and on the platform: k units of a line
 * of n paid P are worth {@code value(k) = floor(P × k / n)}, all n exactly P (promotions, discounts and the share
 * of a basket discount are in P, so no unit refunds more than it was paid). After r units came back, k more
 * refund {@code value(r + k) − value(r)}: returns over several visits add up to what one return of them all gives.
 */
public final class ReturnMoney {

    private ReturnMoney() {
    }

    /** What {@code units} more units of {@code line} refund after {@code alreadyReturned} came back. */
    public static long refund(OrderLine line, int alreadyReturned, int units) {
        if (units < 0 || alreadyReturned < 0 || alreadyReturned + units > line.quantity()) {
            throw new IllegalArgumentException("units out of range");
        }
        return line.paidFor(alreadyReturned + units) - line.paidFor(alreadyReturned);
    }
}
