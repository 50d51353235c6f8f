package fr.comptoir.centralapi;

/** Receives the changes of a feed page in feed order, while the page is being read. */
public interface ChangeHandler<T> {

    /** The record was created or changed; {@code item} is its whole new state. */
    void upsert(T item);

    /** The record was deleted (a tombstone, or found missing by a reconciliation). */
    void delete(String id);
}
