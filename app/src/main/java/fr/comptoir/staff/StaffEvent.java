package fr.comptoir.staff;

/**
 * Something a staff member did at a terminal that the store's journal keeps and the central platform
 * learns about: signing in, signing out, the screen locking, a wrong PIN, a lockout after too many.
 *
 * @param occurredAt ISO-8601 instant
 */
public record StaffEvent(String eventId, Type type, String staffId, String storeId, String deviceId, String occurredAt) {

    public enum Type { SIGNED_IN, SIGNED_OUT, LOCKED, PIN_REFUSED, LOCKED_OUT }
}
