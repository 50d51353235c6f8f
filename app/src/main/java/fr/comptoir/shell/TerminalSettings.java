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
    static final String LANGUAGE = "ui.language";
    static final String LOCK_DELAY = "ui.lockDelay";
    /** The discount an associate may give without a manager, in basis points of what is discounted. */
    static final String DISCOUNT_THRESHOLD = "sale.discountApprovalThresholdBp";
    static final Duration DEFAULT_LOCK_DELAY = Duration.ofMinutes(2);
    /** Whether removing a line from a sale needs a manager, as voiding the whole sale does ("true"/"false"). */
    static final String LINE_VOID_NEEDS_MANAGER = "sale.lineVoidNeedsManager";

    /** What was stored, read off the JavaFX thread at start. */
    record Stored(String language, String lockDelay, String discountThreshold, String lineVoidNeedsManager) {
        static Stored readFrom(AppContext ctx) {
            return new Stored(ctx.settings().get(LANGUAGE).orElse(null), ctx.settings().get(LOCK_DELAY).orElse(null),
                    ctx.settings().get(DISCOUNT_THRESHOLD).orElse(null), ctx.settings().get(LINE_VOID_NEEDS_MANAGER).orElse(null));
        }
    }

    private final AppContext context;
    private final TaskRunner runner;
    private final Consumer<Throwable> onSaveFailed;
    private Duration lockDelay = DEFAULT_LOCK_DELAY;
    private DiscountPolicy discountPolicy = DiscountPolicy.DEFAULT;
    private boolean lineVoidNeedsManager;

    TerminalSettings(AppContext context, Stored stored, TaskRunner runner, Consumer<Throwable> onSaveFailed) {
        this.context = context;
        this.runner = runner;
        this.onSaveFailed = onSaveFailed;
        this.lockDelay = parseDelay(stored.lockDelay());
        this.discountPolicy = DiscountPolicy.parse(stored.discountThreshold());
        this.lineVoidNeedsManager = "true".equals(stored.lineVoidNeedsManager());
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
            return null;
        }, x -> onSaved.run(), onSaveFailed);
    }
}
