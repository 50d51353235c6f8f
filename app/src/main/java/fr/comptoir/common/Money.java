package fr.comptoir.common;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

/** An amount of euros held as a whole number of cents; never a floating-point number. */
public record Money(long cents) implements Comparable<Money> {

    public static final Money ZERO = new Money(0);
    private static final Currency EUR = Currency.getInstance("EUR");

    /**
     * The cents of an amount typed by a person ("12", "12,5", "12.50 €"), or null when it is not one: at most
     * six digits of euros and two of cents, never negative.
     */
    public static Long parseCents(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip().replace("€", "").replace(" ", "").replace("\u00a0", "").replace("\u202f", "").replace(',', '.');
        if (!t.matches("\\d{1,6}(\\.\\d{1,2})?")) {
            return null;
        }
        return new BigDecimal(t).movePointRight(2).longValueExact();
    }

    public static Money ofCents(long cents) {
        return new Money(cents);
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(cents, other.cents));
    }

    public BigDecimal toBigDecimal() {
        return BigDecimal.valueOf(cents, 2);
    }

    /** Formats as the locale writes euros, e.g. "12,50 €" in French and "€12.50" in English. */
    public String format(Locale locale) {
        NumberFormat f = NumberFormat.getCurrencyInstance(locale);
        f.setCurrency(EUR);
        return f.format(toBigDecimal());
    }

    @Override
    public int compareTo(Money o) {
        return Long.compare(cents, o.cents);
    }
}
