package fr.comptoir.orders;

/**
 * One line of an order: a quantity of a variant at a tax-inclusive unit price, and how many were returned.
 *
 * @param paidCents what the customer paid for the whole line, after promotions, discounts and the share of a
 *                  basket discount (what a return refunds from); null from a platform that does not say: then
 *                  quantity × unit price
 */
public record OrderLine(String id, String variantId, String sku, String name, int quantity,
                        long unitPriceCents, int vatRateBasisPoints, int returnedQuantity, Long paidCents) {

    /** A line paid at its unit price. */
    public OrderLine(String id, String variantId, String sku, String name, int quantity, long unitPriceCents, int vatRateBasisPoints,
                     int returnedQuantity) {
        this(id, variantId, sku, name, quantity, unitPriceCents, vatRateBasisPoints, returnedQuantity, null);
    }

    /** What the whole line was paid. */
    public long paid() {
        return paidCents != null ? paidCents : Math.multiplyExact(unitPriceCents, (long) quantity);
    }

    /**
     * What {@code units} units of the line were paid: {@code floor(paid × units / quantity)}, all of them exactly
     * {@link #paid()} (the refund rule of the returns counter; no unit is worth more than was paid).
     */
    public long paidFor(int units) {
        if (units >= quantity) {
            return paid();
        }
        return units <= 0 ? 0 : Math.floorDiv(Math.multiplyExact(paid(), (long) units), quantity);
    }

    /** What the units not returned were paid. */
    public long keptPaid() {
        return paid() - paidFor(returnedQuantity);
    }
}
