package fr.comptoir.sale;

import java.util.ArrayList;
import java.util.List;

/**
 * Tells a barcode scanner from a person at the keyboard. Scanners "type" a code's digits a few
 * milliseconds apart and end with Enter; people type far slower. Keys are fed in as they come, with
 * their time; the detector answers, for each key, whether it is held back (may be part of a scan),
 * released (it was typing after all: give these keys to the focused field), or a complete scan.
 * Pure logic, no toolkit: the sale screen feeds it from an event filter.
 */
public final class ScanDetector {

    /** What to do after a key. */
    public sealed interface Outcome {
        /** The key is held back for now. */
        record Held() implements Outcome {
        }

        /** Not a scan: hand these characters to the focused field, in order. */
        record Release(String typed) implements Outcome {
        }

        /** A complete scan. */
        record Scan(String code) implements Outcome {
        }

        /** Nothing to do with this key (not a digit, no scan under way). */
        record Ignore() implements Outcome {
        }
    }

    public static final long MAX_GAP_NANOS = 40_000_000L;
    public static final int MIN_LENGTH = 8;

    private final List<Character> held = new ArrayList<>();
    private long lastAt;

    /** A printable character typed at {@code atNanos}. */
    public Outcome typed(char c, long atNanos) {
        boolean digit = c >= '0' && c <= '9';
        boolean fast = !held.isEmpty() && atNanos - lastAt <= MAX_GAP_NANOS;
        if (!held.isEmpty() && (!fast || !digit)) {
            String released = drain();
            if (digit) {
                held.add(c);
                lastAt = atNanos;
            }
            return new Outcome.Release(digit ? released : released + c);
        }
        if (!digit) {
            return new Outcome.Ignore();
        }
        held.add(c);
        lastAt = atNanos;
        return new Outcome.Held();
    }

    /** Enter at {@code atNanos}: a scan if enough digits came fast enough, else the held keys go back. */
    public Outcome enter(long atNanos) {
        if (held.isEmpty()) {
            return new Outcome.Ignore();
        }
        boolean fast = atNanos - lastAt <= MAX_GAP_NANOS;
        String code = drain();
        if (fast && code.length() >= MIN_LENGTH) {
            return new Outcome.Scan(code);
        }
        return new Outcome.Release(code);
    }

    /** Time passed with no key: a person typed a digit and stopped; release what is held. */
    public Outcome idle(long nowNanos) {
        if (!held.isEmpty() && nowNanos - lastAt > MAX_GAP_NANOS) {
            return new Outcome.Release(drain());
        }
        return new Outcome.Ignore();
    }

    private String drain() {
        StringBuilder b = new StringBuilder();
        held.forEach(b::append);
        held.clear();
        return b.toString();
    }
}
