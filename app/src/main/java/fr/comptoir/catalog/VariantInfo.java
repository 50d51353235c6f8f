package fr.comptoir.catalog;

/**
 * A sellable variant as the counter needs it: what to print, the price here and now, the VAT rate, and
 * how many are available in this store.
 *
 * @param priceList the name of the price list that set {@code priceCents}, or null for the base price
 * @param productId the product the variant is a size or colour of (null when unknown)
 * @param lowestPrice30DaysCents the lowest price of the last 30 days (returns without a receipt), or null when unknown
 */
public record VariantInfo(String variantId, String sku, String ean, String productName, String size, String colour,
                          long priceCents, int vatRateBasisPoints, int availableHere, String category, String priceList,
                          String productId, Long lowestPrice30DaysCents) {

    public VariantInfo(String variantId, String sku, String ean, String productName, String size, String colour, long priceCents,
                       int vatRateBasisPoints, int availableHere, String category, String priceList, String productId) {
        this(variantId, sku, ean, productName, size, colour, priceCents, vatRateBasisPoints, availableHere, category, priceList, productId, null);
    }

    /** What an item returned without a receipt is credited at: the lowest price of 30 days, never more than today's. */
    public long noReceiptCreditCents() {
        return lowestPrice30DaysCents == null ? priceCents : Math.min(priceCents, lowestPrice30DaysCents);
    }

    /** At its base price, without category or product (view-model tests). */
    public VariantInfo(String variantId, String sku, String ean, String productName, String size, String colour,
                       long priceCents, int vatRateBasisPoints, int availableHere) {
        this(variantId, sku, ean, productName, size, colour, priceCents, vatRateBasisPoints, availableHere, null, null, null);
    }

    public VariantInfo withAvailableHere(int available) {
        return new VariantInfo(variantId, sku, ean, productName, size, colour, priceCents, vatRateBasisPoints, available, category, priceList,
                productId, lowestPrice30DaysCents);
    }

    public String label() {
        StringBuilder b = new StringBuilder(productName);
        if (colour != null) {
            b.append(" · ").append(colour);
        }
        if (size != null) {
            b.append(" · ").append(size);
        }
        return b.toString();
    }
}
