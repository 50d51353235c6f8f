package fr.comptoir.centralapi;

/**
 * Where an adapter keeps the progress of a write it delivers in several steps, for a platform without
 * idempotency keys (Medusa v2: create the order, then capture its payment, then adjust stock). After each
 * step the platform has applied, the adapter saves a checkpoint of its own making; the outbox keeps it with
 * the write (durably, before this call returns), and the next try gets it back in
 * {@link PendingWrite#checkpoint()} and resumes after that step instead of doing it again. An adapter whose
 * platform takes each write in one idempotent request (the Comptoir Commerce API) never calls it.
 */
@FunctionalInterface
public interface WriteProgress {

    /** For callers that deliver outside the outbox (tests, one-off checks): progress is not kept. */
    WriteProgress NOT_KEPT = checkpoint -> {
    };

    /** Keeps {@code checkpoint} (the adapter's own text, e.g. the id of the order created) with the write. */
    void save(String checkpoint);
}
