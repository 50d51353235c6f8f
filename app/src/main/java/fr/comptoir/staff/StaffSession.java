package fr.comptoir.staff;

/** Who is signed in at this terminal. */
public record StaffSession(StaffMember staff, String signedInAt) {

    public boolean isManager() {
        return staff.role() == Role.MANAGER;
    }
}
