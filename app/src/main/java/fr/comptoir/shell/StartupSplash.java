package fr.comptoir.shell;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The picture the Java runtime shows the moment the jar starts ({@code SplashScreen-Image} in its manifest,
 * {@code splash.png} beside this class), so that the seconds before the window opens are not a blank
 * screen. Closed once the window has drawn its first frame, and at once when the jar runs a command.
 */
public final class StartupSplash {

    private static final Logger LOG = LoggerFactory.getLogger(StartupSplash.class);

    private StartupSplash() {
    }

    /** Closes the splash if the runtime shows one; nothing otherwise (tests, headless machines, no manifest). */
    public static void close() {
        try {
            java.awt.SplashScreen splash = java.awt.SplashScreen.getSplashScreen();
            if (splash != null && splash.isVisible()) {
                splash.close();
            }
        } catch (UnsupportedOperationException | IllegalStateException e) {
            // HeadlessException is an UnsupportedOperationException: no display, so no splash either.
            LOG.debug("No start-up splash to close: {}", e.toString());
        }
    }

    /** Closes the splash once {@code scene} has been through a couple of pulses (its first frame drawn). */
    static void closeAfterFirstFrame(javafx.scene.Scene scene) {
        Runnable[] listener = new Runnable[1];
        int[] pulses = {0};
        listener[0] = () -> {
            if (++pulses[0] >= 2) {
                scene.removePostLayoutPulseListener(listener[0]);
                close();
            }
        };
        scene.addPostLayoutPulseListener(listener[0]);
    }
}
