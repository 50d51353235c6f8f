package fr.comptoir.sync;

/**
 * How far the cache has read one feed.
 *
 * @param lastSuccessAt epoch millis of the last page applied, or 0 when never
 */
public record FeedState(String feed, String cursor, long lastSuccessAt, boolean fullSyncDone) {
}
