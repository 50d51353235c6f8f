package fr.comptoir.demo;

import fr.comptoir.catalog.Gtin;

/** EAN-13 codes for the demo catalogue and loyalty cards. */
final class Ean13 {

    private Ean13() {
    }

    /** Appends the check digit to a 12-digit body. */
    static String withCheckDigit(String twelveDigits) {
        if (twelveDigits.length() != 12) {
            throw new IllegalArgumentException("EAN-13 body must be 12 digits: " + twelveDigits);
        }
        return Gtin.withCheckDigit(twelveDigits);
    }

    static boolean isValid(String ean) {
        return ean != null && ean.length() == 13 && Gtin.isValid(ean);
    }
}
