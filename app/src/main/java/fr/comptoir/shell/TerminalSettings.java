package fr.comptoir.shell;

import fr.comptoir.AppContext;
import fr.comptoir.sale.DiscountPolicy;
import fr.comptoir.uikit.TaskRunner;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.function.Consumer;

/**
 * The settings of this terminal that the window applies (language, inactivity lock, the discount an
 * associate may give alone): read once at start, changed from the Settings screen, each change saved in the
 * journal database in the background. JavaFX thread for the getters and changes.
 */
final class TerminalSettings {

    /** Setting keys (journal database): the language tag, and the inactivity delay as an ISO-8601 duration. */
    static final String LANGUAGE = fr.comptoir.AppContext.LANGUAGE_SETTING;
    static final String LOCK_DELAY = "ui.lockDelay";
    /** The discount an associate may give without a manager, in basis points of what is discounted. */
    static final String DISCOUNT_THRESHOLD = "sale.discountApprovalThresholdBp";
    static final Duration DEFAULT_LOCK_DELAY = Duration.ofMinutes(2);
    /** Whether removing a line from a sale needs a manager, as voiding the whole sale does ("true"/"false"). */
    static final String LINE_VOID_NEEDS_MANAGER = "sale.lineVoidNeedsManager";

    /** What the store's scanners send before and after each code (taken off), "" for nothing. */
    static final String SCANNER_PREFIX = "scanner.prefix";
    static final String SCANNER_SUFFIX = "scanner.suffix";
    /** Whether a scan that adds nothing also sounds ("true"/"false"; off unless a manager turns it on). */
    static final String SCAN_ERROR_SOUND = "scanner.errorSound";
    /** The most cash one return hands back (cents); above it, the card or the online payment. */
    static final String CASH_REFUND_LIMIT = "returns.cashRefundLimitCents";
    static final long DEFAULT_CASH_REFUND_LIMIT = 15_000;
    /** The count difference a till may close with before a manager must accept it (cents; decision 0032). */
    static final String TILL_DIFFERENCE_LIMIT = "till.differenceLimitCents";
    static final long DEFAULT_TILL_DIFFERENCE_LIMIT = 500;
    private static final java.util.List<String> KEYS = java.util.List.of(LANGUAGE, LOCK_DELAY, DISCOUNT_THRESHOLD,
            LINE_VOID_NEEDS_MANAGER, SCANNER_PREFIX, SCANNER_SUFFIX, SCAN_ERROR_SOUND, CASH_REFUND_LIMIT, TILL_DIFFERENCE_LIMIT);

    /** What was stored (key → value, absent when never set), read off the JavaFX thread at start. */
    record Stored(java.util.Map<String, String> values) {
        static Stored readFrom(AppContext ctx) {
            java.util.Map<String, String> values = new java.util.HashMap<>();
            for (String key : KEYS) {
                ctx.settings().get(key).ifPresent(v -> values.put(key, v));
            }
            return new Stored(java.util.Map.copyOf(values));
        }

        String get(String key) {
            return values.get(key);
        }

        String language() {
            return get(LANGUAGE);
        }
    }

    private final AppContext context;
    private final TaskRunner runner;
    private final Consumer<Throwable> onSaveFailed;
    private Duration lockDelay = DEFAULT_LOCK_DELAY;
    private DiscountPolicy discountPolicy = DiscountPolicy.DEFAULT;
    private boolean lineVoidNeedsManager;
    private String scannerPrefix;
    private String scannerSuffix;
    private boolean scanErrorSound;
    private long cashRefundLimitCents;
    private long tillDifferenceLimitCents;

    TerminalSettings(AppContext context, Stored stored, TaskRunner runner, Consumer<Throwable> onSaveFailed) {
        this.context = context;
        this.runner = runner;
        this.onSaveFailed = onSaveFailed;
        this.lockDelay = parseDelay(stored.get(LOCK_DELAY));
        this.discountPolicy = DiscountPolicy.parse(stored.get(DISCOUNT_THRESHOLD));
        this.lineVoidNeedsManager = "true".equals(stored.get(LINE_VOID_NEEDS_MANAGER));
        this.scannerPrefix = java.util.Objects.requireNonNullElse(stored.get(SCANNER_PREFIX), "");
        this.scannerSuffix = java.util.Objects.requireNonNullElse(stored.get(SCANNER_SUFFIX), "");
        this.scanErrorSound = "true".equals(stored.get(SCAN_ERROR_SOUND));
        this.cashRefundLimitCents = parseLimit(stored.get(CASH_REFUND_LIMIT));
        this.tillDifferenceLimitCents = parseLimit(stored.get(TILL_DIFFERENCE_LIMIT), DEFAULT_TILL_DIFFERENCE_LIMIT);
    }

    /** A stored limit that cannot be read, or is negative, falls back to the default. */
    static long parseLimit(String stored) {
        return parseLimit(stored, DEFAULT_CASH_REFUND_LIMIT);
    }

    static long parseLimit(String stored, long fallback) {
        try {
            long cents = stored == null ? fallback : Long.parseLong(stored.strip());
            return cents >= 0 ? cents : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    long tillDifferenceLimitCents() {
        return tillDifferenceLimitCents;
    }

    /** A manager's choice: the count difference a till closes with before a manager must accept it. */
    void changeTillDifferenceLimit(long cents) {
        tillDifferenceLimitCents = cents;
        save(TILL_DIFFERENCE_LIMIT, Long.toString(cents), () -> { });
    }

    long cashRefundLimitCents() {
        return cashRefundLimitCents;
    }

    /** A manager's choice: the most cash one return hands back. */
    void changeCashRefundLimit(long cents) {
        cashRefundLimitCents = cents;
        save(CASH_REFUND_LIMIT, Long.toString(cents), () -> { });
    }

    /** A stored delay that cannot be read, or is shorter than a second, falls back to the default. */
    static Duration parseDelay(String stored) {
        if (stored == null) {
            return DEFAULT_LOCK_DELAY;
        }
        try {
            Duration d = Duration.parse(stored);
            return d.getSeconds() >= 1 ? d : DEFAULT_LOCK_DELAY;
        } catch (DateTimeParseException e) {
            return DEFAULT_LOCK_DELAY;
        }
    }

    Duration lockDelay() {
        return lockDelay;
    }

    DiscountPolicy discountPolicy() {
        return discountPolicy;
    }

    boolean lineVoidNeedsManager() {
        return lineVoidNeedsManager;
    }

    /** A manager's choice: whether removing a line needs a manager too. */
    void changeLineVoidNeedsManager(boolean needed) {
        lineVoidNeedsManager = needed;
        save(LINE_VOID_NEEDS_MANAGER, Boolean.toString(needed), () -> { });
    }

    String scannerPrefix() {
        return scannerPrefix;
    }

    String scannerSuffix() {
        return scannerSuffix;
    }

    boolean scanErrorSound() {
        return scanErrorSound;
    }

    /** A manager's set-up of the store's scanners: what they send before and after each code. */
    void changeScannerFrame(String prefix, String suffix) {
        scannerPrefix = prefix == null ? "" : prefix.strip();
        scannerSuffix = suffix == null ? "" : suffix.strip();
        save(SCANNER_PREFIX, scannerPrefix, () -> { });
        save(SCANNER_SUFFIX, scannerSuffix, () -> { });
    }

    /** A manager's choice: whether a scan that adds nothing also sounds. */
    void changeScanErrorSound(boolean on) {
        scanErrorSound = on;
        save(SCAN_ERROR_SOUND, Boolean.toString(on), () -> { });
    }

    void changeLockDelay(Duration delay, Runnable onSaved) {
        lockDelay = delay;
        save(LOCK_DELAY, delay.toString(), onSaved);
    }

    /** A manager's choice: the discount associates may give alone. */
    void changeDiscountThreshold(int basisPoints) {
        discountPolicy = new DiscountPolicy(basisPoints);
        save(DISCOUNT_THRESHOLD, Integer.toString(basisPoints), () -> { });
    }

    /** Saves the language; {@code then} runs whether or not it could be saved (a failure is also told). */
    void changeLanguage(String languageTag, Runnable then) {
        runner.run(() -> {
            context.settings().put(LANGUAGE, languageTag);
            return null;
        }, x -> then.run(), failure -> {
            onSaveFailed.accept(failure);
            then.run();
        });
    }

    private void save(String key, String value, Runnable onSaved) {
        runner.run(() -> {
            context.settings().put(key, value);
            // Settings are technical events of the till (decision 0031): what changed, to what.
            context.journal().recordTechnical("settings.changed", null, java.util.Map.of("key", key, "value", value));
            return null;
        }, x -> onSaved.run(), onSaveFailed);
    }
}
