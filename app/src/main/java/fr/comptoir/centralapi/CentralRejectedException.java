package fr.comptoir.centralapi;

/**
 * The central platform refused the request for a reason it stated (an RFC 9457 problem it sent itself).
 * Sending the same request again will not help; what to do depends on {@link #reason()}.
 *
 * <p>Callers decide on {@link #reason()} and {@link #code()}, never on the message text or an HTTP status:
 * those belong to the adapter.
 */
public class CentralRejectedException extends CentralPlatformException {

    /** Why the platform refused, in the terms the app acts on. */
    public enum Reason {
        /** This terminal's credentials are not (or no longer) accepted, or it asked for another store's data. */
        CREDENTIALS,
        /** What the request is about does not exist on the platform (an unknown gift card, order, customer). */
        NOT_FOUND,
        /** The platform's state does not allow it (already handed over, already refunded): see the detail. */
        CONFLICT,
        /** A business rule of the platform refused it (insufficient balance, sale does not add up): see {@link #code()}. */
        BUSINESS_RULE,
        /** The request itself was not acceptable (a malformed body, a missing field). */
        INVALID_REQUEST
    }

    private final Reason reason;
    private final String code;
    private final String title;
    private final String detail;

    /**
     * @param code   the problem's type as a short code (the last segment of its {@code type} URI), or null
     * @param detail the platform's explanation in words, or null
     */
    public CentralRejectedException(Reason reason, String code, String title, String detail) {
        super((title == null || title.isBlank() ? reason.name().toLowerCase(java.util.Locale.ROOT) : title)
                + (detail == null || detail.isBlank() ? "" : ": " + detail), null);
        this.reason = reason;
        this.code = code;
        this.title = title;
        this.detail = detail;
    }

    public Reason reason() {
        return reason;
    }

    /** The problem type's code, e.g. {@code insufficient-balance}; null when the platform gave none. */
    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    /** The platform's explanation, or its title when it gave no detail. */
    public String detail() {
        return detail != null && !detail.isBlank() ? detail : title;
    }
}
