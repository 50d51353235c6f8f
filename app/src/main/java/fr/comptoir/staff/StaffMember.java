package fr.comptoir.staff;

/**
 * A person who may sign in at a store's terminals.
 *
 * @param pinHash the PIN as a salted PBKDF2 hash ({@link PinHasher} format); never the PIN itself
 */
public record StaffMember(String id, String storeId, String displayName, Role role, String pinHash, boolean active) {
}
