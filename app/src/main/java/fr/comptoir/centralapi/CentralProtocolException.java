package fr.comptoir.centralapi;

/**
 * The platform answered something the contract does not allow (malformed or truncated JSON, a missing
 * field). Nothing from that answer is applied; the request may be tried again later.
 */
public class CentralProtocolException extends CentralPlatformException {
    public CentralProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
