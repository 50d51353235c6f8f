package fr.comptoir.centralapi;

/**
 * A write waiting in the outbox: what it is ({@code kind}, one of {@link WriteKinds}), its body as the
 * contract's JSON, the idempotency key it keeps across every retry, and how often it was tried.
 */
public record PendingWrite(long id, String kind, String idempotencyKey, String payloadJson, int attempts) {
}
