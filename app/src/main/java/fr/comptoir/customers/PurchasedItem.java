package fr.comptoir.customers;

/** What the catalogue says of an item a customer bought: its category and size (null when none). */
public record PurchasedItem(String variantId, String category, String size) {
}
