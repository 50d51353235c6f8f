package fr.comptoir.centralapi;

/**
 * What the platform says a fully read feed holds for this terminal: a reader at {@code cursor} must hold
 * exactly {@code count} records. A cheap check that the cache has not drifted.
 */
public record FeedSummary(String feed, long count, String cursor) {
}
