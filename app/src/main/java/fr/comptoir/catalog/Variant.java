package fr.comptoir.catalog;

/** One sellable size/colour of a product, with its EAN-13 barcode and tax-inclusive price in cents. */
public record Variant(String id, String sku, String ean, String size, String colour, long priceCents) {
}
