package fr.comptoir.sale;

/**
 * One line of the store basket: a quantity of a variant at its tax-inclusive unit price.
 *
 * @param fromCartId the online cart the line was taken over from, or null
 */
public record BasketLine(String variantId, String sku, String label, int quantity, long unitPriceCents,
                         int vatRateBasisPoints, String fromCartId) {

    public BasketLine {
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be at least 1");
        }
        if (unitPriceCents < 0) {
            throw new IllegalArgumentException("price cannot be negative");
        }
    }

    public long totalCents() {
        return Math.multiplyExact(unitPriceCents, quantity);
    }
}
