package fr.comptoir.sync;

import fr.comptoir.centralapi.PendingWrite;

import java.util.List;
import java.util.Optional;

/** The outbox as the sync engine sees it: writes waiting to be delivered, oldest first. */
public interface OutboxStore {

    /** The oldest write still pending, if it is due. Writes are delivered strictly in order. */
    Optional<PendingWrite> nextDue(long nowMillis);

    void markSent(long id, String response, long nowMillis);

    void markRetry(long id, String error, long nextAttemptAt);

    /** The platform refused the write for good: a person must look at it (the "needs attention" list). */
    void markNeedsAttention(long id, String error);

    /** Forgets the backoff of pending writes, e.g. when the platform is reachable again. */
    void makeDueNow();

    long pendingCount();

    long needsAttentionCount();

    List<OutboxEntry> needsAttention();
}
