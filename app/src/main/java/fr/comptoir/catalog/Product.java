package fr.comptoir.catalog;

import java.util.List;

/**
 * A sellable product and its variants (size, colour), as the central platform publishes it.
 *
 * @param vatRateBasisPoints French VAT rate in hundredths of a percent: 2000 for 20 %, 550 for 5.5 %
 */
public record Product(String id, String reference, String name, String brand, String category,
                      int vatRateBasisPoints, List<Variant> variants) {

    public Product {
        variants = variants == null ? List.of() : List.copyOf(variants);
    }
}
