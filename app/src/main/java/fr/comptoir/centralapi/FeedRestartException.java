package fr.comptoir.centralapi;

/**
 * The platform no longer knows the position a feed was read up to (its data was restored or rebuilt):
 * the feed must be read again from the start.
 */
public final class FeedRestartException extends CentralPlatformException {
    public FeedRestartException(String message) {
        super(message, null);
    }
}
