package fr.comptoir.catalog;

/**
 * A sellable variant as the counter needs it: what to print, the price now, the VAT rate, and how many
 * are available in this store.
 */
public record VariantInfo(String variantId, String sku, String ean, String productName, String size, String colour,
                          long priceCents, int vatRateBasisPoints, int availableHere, String category) {

    /** Without a category (tests, older callers). */
    public VariantInfo(String variantId, String sku, String ean, String productName, String size, String colour,
                       long priceCents, int vatRateBasisPoints, int availableHere) {
        this(variantId, sku, ean, productName, size, colour, priceCents, vatRateBasisPoints, availableHere, null);
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
