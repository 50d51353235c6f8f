package fr.comptoir.staff;

import java.util.List;
import java.util.Optional;

/** The staff members known to this terminal (from the cache), for offline sign-in. */
public interface StaffDirectory {

    /** Active staff of {@code storeId}, by name. */
    List<StaffMember> activeStaff(String storeId);

    Optional<StaffMember> byId(String staffId);
}
