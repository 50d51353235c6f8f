package fr.comptoir.sync;

/** One outbox row as shown to a person: what it is, how many tries, and the last error. */
public record OutboxEntry(long id, String kind, String state, int attempts, String lastError, long createdAt) {
}
