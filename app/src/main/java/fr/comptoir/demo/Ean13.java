package fr.comptoir.demo;

/** EAN-13 check digits (GS1 mod 10), for the demo catalogue's barcodes. */
final class Ean13 {

    private Ean13() {
    }

    /** Appends the check digit to a 12-digit body. */
    static String withCheckDigit(String twelveDigits) {
        if (twelveDigits.length() != 12 || !twelveDigits.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("EAN-13 body must be 12 digits: " + twelveDigits);
        }
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            int d = twelveDigits.charAt(i) - '0';
            sum += (i % 2 == 0) ? d : d * 3;
        }
        return twelveDigits + (10 - sum % 10) % 10;
    }

    static boolean isValid(String ean) {
        return ean != null && ean.length() == 13 && ean.chars().allMatch(Character::isDigit)
                && withCheckDigit(ean.substring(0, 12)).equals(ean);
    }
}
