package fr.comptoir.customers;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What an associate typed (or a scanner sent) in the customer search box, understood as a name, an
 * email, a phone number or a loyalty card number. Pure logic: no SQL here.
 */
public sealed interface CustomerQuery {

    /** Fewer characters than a search needs. */
    record TooShort(int minimum) implements CustomerQuery {
    }

    /** Words of a name, lower-case and without accents ("Hélène de La" → [helene, de, la]). */
    record Name(List<String> words) implements CustomerQuery {
    }

    /** The start (or all) of an email address, lower-case. */
    record Email(String prefix) implements CustomerQuery {
    }

    /**
     * Digits: the start of a phone number (in {@link PhoneNumbers#canonical} form) and the start of a
     * loyalty card number; either may match.
     */
    record Digits(String phonePrefix, String cardPrefix) implements CustomerQuery {
    }

    int MIN_NAME = 2;
    int MIN_DIGITS = 4;

    static CustomerQuery parse(String input) {
        String s = input == null ? "" : input.strip();
        if (s.contains("@")) {
            return s.length() < 3 ? new TooShort(3) : new Email(s.toLowerCase(Locale.ROOT));
        }
        String compact = PhoneNumbers.typedNumber(s);
        if (compact != null) {
            String digits = compact.replace("+", "");
            if (digits.length() < MIN_DIGITS) {
                return new TooShort(MIN_DIGITS);
            }
            return new Digits(phonePrefix(compact), digits);
        }
        List<String> words = Arrays.stream(normalize(s).split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty()).toList();
        int letters = words.stream().mapToInt(String::length).sum();
        if (letters < MIN_NAME) {
            return new TooShort(MIN_NAME);
        }
        return new Name(words);
    }

    /** Lower-case without accents: how names are compared. */
    static String normalize(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }

    /** A partial number in the canonical phone form: "0612" → "33612", "+336" → "336", "0033 6" → "336". */
    private static String phonePrefix(String compact) {
        if (compact.startsWith("+")) {
            return compact.substring(1);
        }
        if (compact.startsWith("00")) {
            return compact.substring(2);
        }
        if (compact.startsWith("0")) {
            return "33" + compact.substring(1);
        }
        return compact;
    }
}
