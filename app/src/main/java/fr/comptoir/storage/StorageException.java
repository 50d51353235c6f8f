package fr.comptoir.storage;

import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.sql.SQLException;

/**
 * A failure of the local SQLite storage. {@link #kind()} tells what it means for the file: held by
 * another program (wait, or close that program: the file is fine), damaged (an integrity problem), or
 * something else (disk full, permissions, a bug in a statement).
 */
public class StorageException extends RuntimeException {

    /** What a failure says about the file. {@code NEWER}: written by a newer version of Comptoir, left untouched (a downgrade). */
    public enum Kind { BUSY, DAMAGED, NEWER, OTHER }

    private final Kind kind;

    public StorageException(String message, Throwable cause) {
        this(message, cause, classify(cause));
    }

    public StorageException(String message, Throwable cause, Kind kind) {
        super(message, cause);
        this.kind = kind;
    }

    public StorageException(String message) {
        this(message, null, Kind.OTHER);
    }

    public Kind kind() {
        return kind;
    }

    /** Busy and locked are another connection's doing; corrupt and not-a-database are damage. */
    static Kind classify(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof StorageException s) {
                return s.kind();
            }
            if (t instanceof SQLiteException e) {
                SQLiteErrorCode code = e.getResultCode();
                int primary = code == null ? -1 : code.code & 0xff;
                if (primary == SQLiteErrorCode.SQLITE_BUSY.code || primary == SQLiteErrorCode.SQLITE_LOCKED.code) {
                    return Kind.BUSY;
                }
                if (primary == SQLiteErrorCode.SQLITE_CORRUPT.code || primary == SQLiteErrorCode.SQLITE_NOTADB.code) {
                    return Kind.DAMAGED;
                }
                return Kind.OTHER;
            }
            if (t instanceof SQLException e && e.getMessage() != null) {
                String m = e.getMessage();
                if (m.contains("SQLITE_BUSY") || m.contains("database is locked")) {
                    return Kind.BUSY;
                }
                if (m.contains("SQLITE_CORRUPT") || m.contains("SQLITE_NOTADB") || m.contains("malformed")) {
                    return Kind.DAMAGED;
                }
            }
        }
        return Kind.OTHER;
    }
}
