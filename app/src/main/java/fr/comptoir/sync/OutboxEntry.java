package fr.comptoir.sync;

/**
 * One outbox row as shown to a person: what it is, how many tries, the last error, and its body (to
 * describe it in words and to correct it).
 */
public record OutboxEntry(long id, String kind, String state, int attempts, String lastError, long createdAt, String payloadJson) {
}
