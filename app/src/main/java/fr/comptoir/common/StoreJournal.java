package fr.comptoir.common;

import java.util.List;

/**
 * The store's journal and outbox as the workflows see them: every write meant for the central platform
 * is appended with its outbox entry in one transaction, and writes not yet accepted by the platform can be
 * read back so that screens show edits not delivered yet. Blocking (disk): off the JavaFX thread.
 */
public interface StoreJournal {

    /** Appends a journal record and its outbox entry atomically; returns the journal sequence number. */
    long appendWithOutbox(String journalKind, String staffId, OutboxWrite write);

    /**
     * The JSON payloads of writes of {@code writeKind} the platform has not accepted yet (waiting, or
     * refused and waiting for a person), oldest first.
     */
    List<String> pendingPayloads(WriteKind writeKind);
}
