package fr.comptoir.stores;

import java.util.List;
import java.util.Map;

/**
 * A store's rules for taking items back, as the platform publishes them with the store: how many days after
 * the purchase per channel (WEB, APP, STORE), and the product categories that are never taken back (food,
 * underwear, personalised items). Outside them, a manager approves or the return is refused.
 *
 * @param windowDays days to return, by channel name; a channel not named has {@link #DEFAULT_DAYS}
 */
public record ReturnPolicy(Map<String, Integer> windowDays, List<String> nonReturnableCategories) {

    /** The window of a channel the platform did not name, and of a store that publishes no policy. */
    public static final int DEFAULT_DAYS = 30;

    /** What applies when the platform publishes nothing: 30 days everywhere, every category returnable. */
    public static final ReturnPolicy DEFAULT = new ReturnPolicy(Map.of(), List.of());

    public ReturnPolicy {
        windowDays = windowDays == null ? Map.of() : Map.copyOf(windowDays);
        nonReturnableCategories = nonReturnableCategories == null ? List.of() : List.copyOf(nonReturnableCategories);
    }

    public int windowDays(String channel) {
        return windowDays.getOrDefault(channel, DEFAULT_DAYS);
    }

    /** Whether items of {@code category} ("Épicerie fine", or a path "Femme > Lingerie") may come back. */
    public boolean returnable(String category) {
        if (category == null) {
            return true;
        }
        return nonReturnableCategories.stream().noneMatch(c -> category.equals(c) || category.startsWith(c + " > "));
    }
}
