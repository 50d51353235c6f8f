package fr.comptoir.customers;

/**
 * Phone numbers reduced to one comparable form, so that "06 12 34 56 78", "0612345678" and
 * "+33 6 12 34 56 78" are the same number: French national numbers become "33" + the nine digits.
 */
public final class PhoneNumbers {

    private PhoneNumbers() {
    }

    /**
     * What was typed, if it is a number (digits, an optional leading "+", and the spaces, dots, dashes, slashes
     * and brackets people put in phone numbers): those left out, e.g. "+33 6 12" gives "+33612"; else null.
     */
    public static String typedNumber(String typed) {
        String compact = typed == null ? "" : typed.strip().replaceAll("[\\s.\\-()/]", "");
        return !compact.isEmpty() && compact.matches("\\+?[0-9]+") ? compact : null;
    }

    /** The digits of {@code phone} in international form without "+", or null when there are none. */
    public static String canonical(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("[^0-9]", "");
        if (digits.isEmpty()) {
            return null;
        }
        if (phone.strip().startsWith("00")) {
            digits = digits.substring(2);
        } else if (digits.length() == 10 && digits.startsWith("0")) {
            digits = "33" + digits.substring(1);
        }
        return digits;
    }

    /**
     * How a phone number is shown: a French number the French way ("06 12 34 56 78") however it was typed;
     * any other number as it was given.
     */
    public static String display(String phone) {
        String c = canonical(phone);
        if (c == null || c.length() != 11 || !c.startsWith("33")) {
            return phone;
        }
        String national = "0" + c.substring(2);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < national.length(); i += 2) {
            b.append(i == 0 ? "" : " ").append(national, i, i + 2);
        }
        return b.toString();
    }
}
