package fr.comptoir.centralapi;

/** The kinds of write the outbox carries, each mapped to one operation of the Commerce API. */
public final class WriteKinds {

    /** A staff event of the store (sign-in, sign-out, lock): {@code POST /v1/stores/{storeId}/events}. */
    public static final String STAFF_EVENT = "staff-event";

    private WriteKinds() {
    }
}
