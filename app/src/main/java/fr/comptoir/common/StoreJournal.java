package fr.comptoir.common;

import java.util.List;

/**
 * The store's journal and outbox as the workflows see them: every write meant for the central platform
 * is appended with its outbox entry in one transaction, and pending writes can be read back so that
 * screens show edits not yet delivered. Blocking (disk): off the JavaFX thread.
 */
public interface StoreJournal {

    /** Appends a journal record and its outbox entry atomically; returns the journal sequence number. */
    long appendWithOutbox(String journalKind, String staffId, String writeKind, String idempotencyKey, Object payload);

    /** The JSON payloads of writes of {@code writeKind} not delivered yet, oldest first. */
    List<String> pendingPayloads(String writeKind);
}
