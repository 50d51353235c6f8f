package fr.comptoir.catalog;

/**
 * One sellable size/colour of a product, with its EAN-13 barcode and tax-inclusive price in cents.
 *
 * @param lowestPrice30DaysCents the lowest price it was sold at in the last 30 days (what an item returned without
 *                               a receipt is credited at), or null when the platform does not say
 */
public record Variant(String id, String sku, String ean, String size, String colour, long priceCents, Long lowestPrice30DaysCents) {

    /** A variant whose price did not change in 30 days, as far as the platform says. */
    public Variant(String id, String sku, String ean, String size, String colour, long priceCents) {
        this(id, sku, ean, size, colour, priceCents, null);
    }
}
