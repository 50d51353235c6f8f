package fr.comptoir.centralapi;

/**
 * The platform refused the request (RFC 9457 problem): 409 for a state conflict, 422 for a broken
 * business rule, 401/403 for credentials, 400/404 otherwise. Retrying the same request will not help.
 */
public class CentralRejectedException extends CentralPlatformException {

    private final int status;
    private final String type;
    private final String title;
    private final String detail;

    public CentralRejectedException(int status, String type, String title, String detail) {
        super(status + " " + (title == null ? "" : title) + (detail == null ? "" : ": " + detail), null);
        this.status = status;
        this.type = type;
        this.title = title;
        this.detail = detail;
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }

    public boolean isConflict() {
        return status == 409;
    }
}
