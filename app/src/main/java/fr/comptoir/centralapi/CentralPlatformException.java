package fr.comptoir.centralapi;

/** Something went wrong talking to the central platform; see the subclasses for what to do about it. */
public abstract class CentralPlatformException extends RuntimeException {
    protected CentralPlatformException(String message, Throwable cause) {
        super(message, cause);
    }
}
