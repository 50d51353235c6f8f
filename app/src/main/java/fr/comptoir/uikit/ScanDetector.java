package fr.comptoir.uikit;

import java.util.ArrayList;
import java.util.List;

/**
 * Tells a barcode scanner from a person at the keyboard. A keyboard-wedge scanner "types" a code's
 * characters a few milliseconds apart and ends with Enter; people type far slower. Any symbology the
 * store uses goes through: EAN digits, SKU labels and Code 128 with letters and punctuation. Keys are fed
 * in as they come, with their time; the detector answers, for each key, whether it is held back (may be
 * part of a scan), released (it was typing after all: give these keys to the focused field), or a
 * complete scan. Pure logic, no toolkit: {@link ScanRouter} feeds it from the scene's event filter.
 *
 * <p>A scanner configured to send a prefix and / or a suffix around each code (some stores do, to be
 * certain) is supported: the prefix and suffix are taken off the code.
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

        /** Nothing to do with this key (no scan under way, nothing held). */
        record Ignore() implements Outcome {
        }
    }

    /** Longest gap between two characters of one scan. People do not type two keys this close, scanners always do. */
    public static final long MAX_GAP_NANOS = 40_000_000L;
    /** Shortest code taken for a scan: short SKU labels have 4 characters; nobody types 4 keys 40 ms apart. */
    public static final int MIN_LENGTH = 4;

    private final List<Character> held = new ArrayList<>();
    private String prefix;
    private String suffix;
    private long lastAt;

    public ScanDetector() {
        this("", "");
    }

    /** @param prefix what the scanner sends before each code ("" for none); likewise {@code suffix} before its Enter */
    public ScanDetector(String prefix, String suffix) {
        frame(prefix, suffix);
    }

    /** The store's scanner set-up changed (Settings): what it sends before and after each code. */
    public void frame(String prefix, String suffix) {
        this.prefix = prefix == null ? "" : prefix.strip();
        this.suffix = suffix == null ? "" : suffix.strip();
    }

    /** A printable character typed at {@code atNanos}. */
    public Outcome typed(char c, long atNanos) {
        boolean codeChar = c > ' ' && c != 0x7f;
        boolean fast = !held.isEmpty() && atNanos - lastAt <= MAX_GAP_NANOS;
        if (!held.isEmpty() && (!fast || !codeChar)) {
            String released = drain();
            if (codeChar) {
                held.add(c);
                lastAt = atNanos;
            }
            return new Outcome.Release(codeChar ? released : released + c);
        }
        if (!codeChar) {
            return new Outcome.Ignore();
        }
        held.add(c);
        lastAt = atNanos;
        return new Outcome.Held();
    }

    /** Enter at {@code atNanos}: a scan if enough characters came fast enough, else the held keys go back. */
    public Outcome enter(long atNanos) {
        if (held.isEmpty()) {
            return new Outcome.Ignore();
        }
        boolean fast = atNanos - lastAt <= MAX_GAP_NANOS;
        String code = drain();
        if (fast && code.length() >= MIN_LENGTH + prefix.length() + suffix.length() && code.startsWith(prefix) && code.endsWith(suffix)) {
            return new Outcome.Scan(code.substring(prefix.length(), code.length() - suffix.length()));
        }
        return new Outcome.Release(code);
    }

    /** Time passed with no key: a person typed and stopped; release what is held. */
    public Outcome idle(long nowNanos) {
        if (!held.isEmpty() && nowNanos - lastAt > MAX_GAP_NANOS) {
            return new Outcome.Release(drain());
        }
        return new Outcome.Ignore();
    }

    /** Something else happened (a touch, the focus moved): whatever is held was typing; release it now. */
    public Outcome release() {
        return held.isEmpty() ? new Outcome.Ignore() : new Outcome.Release(drain());
    }

    /** Whether keys are being held back as a possible scan. */
    public boolean holding() {
        return !held.isEmpty();
    }

    private String drain() {
        StringBuilder b = new StringBuilder();
        held.forEach(b::append);
        held.clear();
        return b.toString();
    }
}
