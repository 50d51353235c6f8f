package fr.comptoir.storage;

/**
 * The journal (the store's own work, not yet all delivered) cannot be used as it is, and Comptoir will
 * not start on a new one by itself: a person decides, with the recovery commands the message names.
 */
public final class JournalUnavailableException extends StorageException {

    /** Why the journal cannot be used. */
    public enum Reason {
        /** The terminal was activated, and its journal file is gone. */
        MISSING,
        /** The terminal was activated, and its journal file holds no activation (replaced by a new, empty one). */
        EMPTY,
        /** The journal file is damaged. */
        DAMAGED,
        /** Another program holds the journal file. */
        BUSY
    }

    private final Reason reason;

    public JournalUnavailableException(Reason reason, String message, Throwable cause) {
        super(message, cause, reason == Reason.BUSY ? Kind.BUSY : reason == Reason.DAMAGED ? Kind.DAMAGED : Kind.OTHER);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
