package fr.comptoir.sync;

import fr.comptoir.centralapi.PendingWrite;

import java.util.List;
import java.util.Optional;

/**
 * The outbox as the sync engine sees it: writes waiting to be delivered. Writes of one record (a
 * customer, a sale, a cart) are delivered in the order they were made; writes of different records do
 * not wait for one another.
 */
public interface OutboxStore {

    /**
     * Writes that may be sent now, oldest first: for each record, its oldest write not yet accepted, when it
     * is due and no earlier write of that record waits for a person.
     */
    List<PendingWrite> due(long nowMillis, int limit);

    void markSent(long id, String response, long nowMillis);

    /**
     * Keeps how far a multi-step write went (see {@link fr.comptoir.centralapi.WriteProgress}), durably before it
     * returns; the write's next try gets it back. Never held across network I/O: one short transaction.
     */
    void saveCheckpoint(long id, String checkpoint);

    /** The write could not be delivered this time: counts the try, keeps the reason, and waits until {@code nextAttemptAt}. */
    void markRetry(long id, String error, long nextAttemptAt);

    /** The platform refused the write for good, or it kept failing: a person must look at it (the "needs attention" list). */
    void markNeedsAttention(long id, String error);

    /** Forgets the backoff of pending writes, e.g. when the platform is reachable again. */
    void makeDueNow();

    long pendingCount();

    long needsAttentionCount();

    List<OutboxEntry> needsAttention();

    /** Why the oldest write still waiting has not been delivered (its last error); empty when none waits or it was not tried yet. */
    Optional<String> oldestPendingProblem();
}
