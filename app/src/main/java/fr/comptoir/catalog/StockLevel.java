package fr.comptoir.catalog;

/** How many units of a variant a location holds and how many of them are reserved (e.g. for pickups). */
public record StockLevel(String id, String variantId, String locationId, int onHand, int reserved) {

    public int available() {
        return Math.max(0, onHand - reserved);
    }
}
