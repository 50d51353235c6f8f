package fr.comptoir.orders;

/** One line of an order: a quantity of a variant at a tax-inclusive unit price, and how many were returned. */
public record OrderLine(String id, String variantId, String sku, String name, int quantity,
                        long unitPriceCents, int vatRateBasisPoints, int returnedQuantity) {
}
