package fr.comptoir.common;

/**
 * The version of the form in which the terminal keeps its own records (journal, fiscal records, outbox
 * payloads): {@link #CURRENT} for what this version writes, {@link #UNNUMBERED} for rows written before
 * formats were numbered. A reader that meets a format above {@link #CURRENT} was written by a later
 * version and must not guess (decision 0025).
 */
public final class RecordFormat {

    /** Rows written before formats were numbered: the same mapping as format 1, properties in any order. */
    public static final int UNNUMBERED = 0;

    /** JSON of the domain record, properties sorted by name, map keys sorted, no insignificant white space. */
    public static final int CURRENT = 1;

    private RecordFormat() {
    }

    /** Whether this version can read a record of {@code format}. */
    public static boolean readable(int format) {
        return format >= UNNUMBERED && format <= CURRENT;
    }
}
