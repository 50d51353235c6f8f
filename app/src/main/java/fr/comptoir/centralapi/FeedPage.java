package fr.comptoir.centralapi;

/**
 * What a feed page said besides its changes.
 *
 * @param nextCursor opaque position to resume from; store it with the page's changes
 * @param remaining  changes left after this page when asked for, else -1
 */
public record FeedPage(String nextCursor, boolean hasMore, int changeCount, long remaining) {
}
