package fr.comptoir.logging;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes out of a log line what must never be in a log: customer contact details (e-mail addresses,
 * phone numbers), secrets (bearer tokens, access tokens, PINs), card numbers and gift card numbers.
 * The code does not log these on purpose; this is the net under it, for messages that carry someone
 * else's words (a platform's refusal quoting an address, an exception's message). Thread-safe.
 */
public final class Redaction {

    private record Rule(Pattern pattern, String replacement) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule(Pattern.compile("(?i)bearer\\s+[A-Za-z0-9._~+/=-]+"), "Bearer <token>"),
            new Rule(Pattern.compile("(?i)(\"?(?:access_?token|token|pin|pinHash|password)\"?\\s*[:=]\\s*\"?)[^\",\\s}]+"), "$1<hidden>"),
            new Rule(Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+"), "<email>"),
            // French numbers in any of their written forms, and international ones with their +.
            new Rule(Pattern.compile("(?<![\\w-])(?:\\+|00)\\d{1,3}[\\s.-]?\\d(?:[\\s.-]?\\d{2}){4}(?!\\d)"), "<phone>"),
            new Rule(Pattern.compile("(?<![\\w-])0[1-9](?:[\\s.-]?\\d{2}){4}(?!\\d)"), "<phone>"),
            // Card numbers (14 to 19 digits, spaced or not); product barcodes (13 digits) stay readable.
            new Rule(Pattern.compile("(?<!\\d)(?:\\d[ -]?){13,18}\\d(?!\\d)"), "<card>"),
            // Gift cards and store credit are bearer values: only their last digits stay.
            new Rule(Pattern.compile("\\b([A-Z]{2})-\\d{4}-(\\d{4})\\b"), "$1-****-$2"));

    private Redaction() {
    }

    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (Rule r : RULES) {
            Matcher m = r.pattern().matcher(out);
            if (m.find()) {
                out = m.replaceAll(r.replacement());
            }
        }
        return out;
    }
}
