package fr.comptoir.staff;

import java.util.Optional;

/**
 * A manager's approval with their PIN, checked offline against the cached hashes of this store's
 * managers. Blocking (hashing): off the JavaFX thread.
 */
public final class ManagerApproval {

    private final StaffDirectory directory;
    private final String storeId;

    public ManagerApproval(StaffDirectory directory, String storeId) {
        this.directory = directory;
        this.storeId = storeId;
    }

    /** The active manager of this store whose PIN this is, if any. */
    public Optional<StaffMember> approve(String pin) {
        if (pin == null || pin.isBlank()) {
            return Optional.empty();
        }
        return directory.activeStaff(storeId).stream()
                .filter(s -> s.role() == Role.MANAGER && PinHasher.matches(pin, s.pinHash()))
                .findFirst();
    }
}
