package fr.comptoir.sync;

import java.util.List;

/**
 * The writes the central platform refused, or that kept failing, and what a manager may do with each:
 * send it again as it is, correct it and send it again, or discard it with a reason. Every decision is
 * journaled with the manager who approved it. Blocking (disk): off the JavaFX thread.
 */
public interface NeedsAttention {

    List<OutboxEntry> entries();

    /** Back to the queue as it is (the cause was fixed on the platform's side, or was temporary). */
    void retry(long id, String approvedBy, String staffId);

    /**
     * Back to the queue with a corrected body. It goes under a new idempotency key: the platform never
     * applied the refused one, and would refuse the same key with another body.
     */
    void correct(long id, String correctedPayloadJson, String approvedBy, String staffId);

    /** Never to be sent: the platform will not receive it. {@code reason} is kept in the journal. */
    void discard(long id, String reason, String approvedBy, String staffId);
}
