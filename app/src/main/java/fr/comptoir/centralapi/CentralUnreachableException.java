package fr.comptoir.centralapi;

/**
 * The platform could not be reached, or something other than the platform answered (a gateway's or a
 * proxy's error page), or it is temporarily overloaded: work offline and try again later.
 */
public class CentralUnreachableException extends CentralPlatformException {
    public CentralUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
