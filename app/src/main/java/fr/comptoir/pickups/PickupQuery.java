package fr.comptoir.pickups;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What the desk typed or scanned in the pickups search field, understood once: a customer's QR code, a
 * pickup code, an e-mail, digits (part of an order number or a phone number in any format) or words (a
 * name, part of an order number). Pure logic: the search itself is {@link PickupQueue#search}.
 */
public sealed interface PickupQuery {

    /** Fewer characters than a search needs. */
    record TooShort(int minimum) implements PickupQuery {
    }

    /** A scanned QR code: the order, and the code to check. */
    record Qr(String orderNumber, String code) implements PickupQuery {
    }

    /**
     * Digits: part of an order number or of a phone number ({@code phoneDigits}: leading 0, +33 or 0033
     * taken off, so "06 12 34" finds 33612345678), or, with exactly six, a pickup code ({@code codeBucket}).
     */
    record Digits(String digits, String phoneDigits, String codeBucket) implements PickupQuery {
    }

    /** The start of an e-mail address, lower case. */
    record Email(String prefix) implements PickupQuery {
    }

    /** Words of a name (lower case, no accents), also tried as part of an order number. */
    record Words(List<String> words, String numberPart) implements PickupQuery {
    }

    int MIN_TEXT = 2;
    int MIN_DIGITS = 3;

    static PickupQuery parse(String input) {
        String s = input == null ? "" : input.strip();
        java.util.Optional<PickupCode.Scanned> qr = PickupCode.parseQr(s);
        if (qr.isPresent()) {
            return new Qr(qr.get().orderNumber(), qr.get().code());
        }
        if (s.contains("@")) {
            return s.length() < 3 ? new TooShort(3) : new Email(s.toLowerCase(Locale.ROOT));
        }
        String compact = fr.comptoir.customers.PhoneNumbers.typedNumber(s);
        if (compact != null) {
            String digits = compact.replace("+", "");
            if (digits.length() < MIN_DIGITS) {
                return new TooShort(MIN_DIGITS);
            }
            String phone = compact.startsWith("+33") ? compact.substring(3) : compact.startsWith("0033") ? compact.substring(4)
                    : compact.startsWith("0") ? compact.substring(1) : digits;
            return new Digits(digits, phone, digits.length() == 6 ? PickupCode.bucket(digits) : null);
        }
        String folded = fold(s);
        List<String> words = Arrays.stream(folded.split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty()).toList();
        if (words.stream().mapToInt(String::length).sum() < MIN_TEXT) {
            return new TooShort(MIN_TEXT);
        }
        return new Words(words, folded.replaceAll("\\s+", ""));
    }

    /** Lower case without accents: how names and order numbers are compared (as customers' names are). */
    static String fold(String s) {
        return s == null ? "" : fr.comptoir.customers.CustomerQuery.normalize(s);
    }
}
