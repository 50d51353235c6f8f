package fr.comptoir.catalog;

/** How many units of a variant one store or warehouse can sell now. */
public record LocationStock(String locationId, String locationName, boolean warehouse, int available) {
}
