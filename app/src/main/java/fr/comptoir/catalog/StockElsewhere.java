package fr.comptoir.catalog;

import java.util.List;

/** A variant's stock in every store and the warehouse, as the cache holds it. Blocking: off the JavaFX thread. */
public interface StockElsewhere {

    /** Locations holding the variant, most available first (this store excluded). */
    List<LocationStock> stockOf(String variantId, String exceptLocationId);
}
