package fr.comptoir.sync;

import fr.comptoir.centralapi.ChangeHandler;
import fr.comptoir.centralapi.Feed;
import fr.comptoir.centralapi.FeedPage;

import java.util.List;
import java.util.Map;

/** The re-fetchable cache as the sync engine sees it: where each feed stands, and pages applied atomically. */
public interface FeedCache {

    /** Fetches one page, feeding its changes into the cache as they arrive. */
    @FunctionalInterface
    interface PageFetch<T> {
        FeedPage fetch(String cursor, ChangeHandler<T> handler);
    }

    FeedState state(Feed<?> feed);

    List<FeedState> states();

    /**
     * Applies one page in one transaction together with its new cursor: if {@code fetch} fails midway,
     * none of the page is kept and the cursor stays where it was.
     */
    <T> FeedPage applyPage(Feed<T> feed, PageFetch<T> fetch, long nowMillis);

    /**
     * Forgets where the feed was read up to, so that the next pull reads it again from the start (the
     * platform said the cursor expired, e.g. after a restore). Records are overwritten as they come, and
     * once the last page has come, those not sent again are removed (decision 0016).
     */
    void restart(Feed<?> feed);

    /** How many records the cache holds per feed. */
    Map<String, Long> counts();

    /** How many of the feed's records came from the platform (not counting those made here and not delivered yet). */
    long platformRecordCount(Feed<?> feed);
}
