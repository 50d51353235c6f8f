package fr.comptoir.common;

/**
 * Turns small values (preferences, carts, outbox payloads) into JSON text for a column and back.
 * Implemented by the Commerce API's Jackson configuration, so that stored JSON is the contract's.
 */
public interface JsonCodec {

    String encode(Object value);

    <T> T decode(String json, Class<T> type);
}
