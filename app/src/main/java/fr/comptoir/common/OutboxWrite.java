package fr.comptoir.common;

import java.util.Objects;

/**
 * A write for the central platform, as a workflow hands it to the store's journal.
 *
 * @param kind           which operation of the platform it is
 * @param idempotencyKey the key the platform recognises a retry by; the same at every attempt
 * @param orderKey       the record it belongs to (a customer, a sale, a cart): writes of one record are
 *                       delivered in the order they were made, writes of different records independently
 * @param payload        the body, encoded as the contract's JSON
 */
public record OutboxWrite(WriteKind kind, String idempotencyKey, String orderKey, Object payload) {

    public OutboxWrite {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(orderKey, "orderKey");
        Objects.requireNonNull(payload, "payload");
    }
}
