package fr.comptoir.centralapi;

/** The platform could not be reached or is temporarily failing: work offline and try again later. */
public class CentralUnreachableException extends CentralPlatformException {
    public CentralUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
