package fr.comptoir.centralapi;

/**
 * The platform answered, in its own words, that it failed while handling this request (an internal
 * error). Unlike {@link CentralUnreachableException} the platform is up: other requests may succeed, and
 * this one may succeed later. A write that keeps failing this way is eventually set aside for a person.
 */
public final class CentralFailedException extends CentralPlatformException {
    public CentralFailedException(String message) {
        super(message, null);
    }
}
