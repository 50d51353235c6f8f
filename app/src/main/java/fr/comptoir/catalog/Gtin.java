package fr.comptoir.catalog;

/**
 * GS1 barcodes (EAN-13, EAN-8, UPC-A): shape and check digit. Pure logic.
 */
public final class Gtin {

    private Gtin() {
    }

    /** True for 8, 12 or 13 digits whose last is the right GS1 check digit. */
    public static boolean isValid(String code) {
        if (code == null || !(code.length() == 8 || code.length() == 12 || code.length() == 13)
                || !code.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        return checkDigit(code.substring(0, code.length() - 1)) == code.charAt(code.length() - 1) - '0';
    }

    /** The GS1 check digit of {@code body} (weights 3 and 1 from the right). */
    public static int checkDigit(String body) {
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            int d = body.charAt(body.length() - 1 - i) - '0';
            sum += (i % 2 == 0) ? d * 3 : d;
        }
        return (10 - sum % 10) % 10;
    }

    /** Appends the check digit: 12 digits give an EAN-13. */
    public static String withCheckDigit(String body) {
        if (!body.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("A GTIN body is digits only: " + body);
        }
        return body + checkDigit(body);
    }
}
