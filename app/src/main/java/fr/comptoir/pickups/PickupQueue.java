package fr.comptoir.pickups;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * This store's pickup queue as the cache holds it: the tabs of the desk with their counts, a search over every
 * key a customer may give, and whole orders. Works offline. Blocking (disk): off the JavaFX thread.
 */
public interface PickupQueue {

    /** The desk's tabs, each a view of the queue. */
    enum Tab {
        /** Placed, to pick and put away, the promised time first. */
        TO_PREPARE,
        /** Ready on their shelf. */
        READY,
        /** Some lines collected, others waiting. */
        PARTLY_COLLECTED,
        /** Handed over today. */
        COLLECTED_TODAY,
        /** Not prepared by their promised time, not collected by their expiry, or expired. */
        OVERDUE
    }

    /** One order in a list: what the desk needs to recognise and sort it. */
    record Row(String orderId, String orderNumber, String customerName, PickupStatus status, String promisedAt,
               String expiresAt, String shelf, int units, int openUnits, boolean overdue) {
    }

    /** How many orders each tab holds at {@code now}. */
    Map<Tab, Integer> counts(Instant now);

    /** A tab's orders, most urgent first (at most {@code limit}). */
    List<Row> tab(Tab tab, Instant now, int limit);

    /**
     * The orders that match what was typed or scanned, those the desk can hand over first. A pickup code finds
     * the orders of its bucket: the caller checks the code itself ({@link PickupCode#matches}).
     */
    List<Row> search(PickupQuery query, Instant now, int limit);

    /** One order, whole. */
    Optional<Pickup> pickup(String orderId);

    /** Writes an order as the desk changed it (ready, handed over), until the platform's record replaces it. */
    void applyLocal(Pickup pickup);
}
