package fr.comptoir.storage;

/** A failure of the local SQLite storage (disk full, damaged file, bug in a statement). */
public class StorageException extends RuntimeException {
    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }

    public StorageException(String message) {
        super(message);
    }
}
