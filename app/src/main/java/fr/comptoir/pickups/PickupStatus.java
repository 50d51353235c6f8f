package fr.comptoir.pickups;

/** Where a click-and-collect order stands at its pickup store. */
public enum PickupStatus {
    /** Placed, to be picked and put away. */
    TO_PREPARE,
    /** Prepared and on its shelf; the customer was told. */
    READY,
    /** Some lines handed over (or refused), others still to collect. */
    PARTLY_COLLECTED,
    /** Everything handed over or refused. */
    COLLECTED,
    /** Not collected in time; waits to be returned to stock. */
    EXPIRED,
    /** Cancelled (returned to stock after expiry, or by the platform): nothing to hand over. */
    CANCELLED;

    /** Whether the desk may hand something over in this state (expired needs a manager). */
    public boolean handable() {
        return this == READY || this == PARTLY_COLLECTED || this == EXPIRED;
    }
}
