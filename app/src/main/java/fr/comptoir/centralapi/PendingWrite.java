package fr.comptoir.centralapi;

/**
 * A write waiting in the outbox: what it is ({@code kind}, the {@link fr.comptoir.common.WriteKind#wire() wire
 * name} of a {@link fr.comptoir.common.WriteKind}; kept as text, since a journal may hold a kind this version
 * does not know), its body as the contract's JSON, the idempotency key it keeps across every retry, and how
 * often it was tried.
 */
public record PendingWrite(long id, String kind, String idempotencyKey, String payloadJson, int attempts) {
}
