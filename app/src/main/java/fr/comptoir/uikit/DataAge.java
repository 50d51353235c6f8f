package fr.comptoir.uikit;

import java.time.Duration;

/** Says how old cached data is, in the words of the status bar. */
public final class DataAge {

    private DataAge() {
    }

    /** @param asOfMillis when the data was last brought up to date; 0 when never */
    public static String describe(I18n i18n, long asOfMillis, long nowMillis) {
        if (asOfMillis <= 0) {
            return i18n.get("age.never");
        }
        Duration age = Duration.ofMillis(Math.max(0, nowMillis - asOfMillis));
        if (age.toMinutes() < 1) {
            return i18n.get("age.justNow");
        }
        if (age.toHours() < 1) {
            return i18n.get("age.minutes", age.toMinutes());
        }
        if (age.toDays() < 1) {
            return i18n.get("age.hours", age.toHours());
        }
        return i18n.get("age.days", age.toDays());
    }
}
