package fr.comptoir.shell;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;

/**
 * For {@code comptoir bench start} (issue 15): with {@code -Dcomptoir.startupProbe=true}, the app prints when
 * its first useful screen (activation or sign-in) has been laid out, counted from the JVM's start, then
 * quits. Without the property it does nothing.
 */
final class StartupProbe {

    static final String PROPERTY = "comptoir.startupProbe";

    private StartupProbe() {
    }

    static void watch(Scene scene) {
        if (!Boolean.getBoolean(PROPERTY)) {
            return;
        }
        boolean[] done = {false};
        scene.addPostLayoutPulseListener(() -> {
            if (done[0]) {
                return;
            }
            String screen = shown(scene, "#activation-language-fr") ? "activation" : shown(scene, ".staff-tile") ? "sign-in" : null;
            if (screen != null) {
                done[0] = true;
                long since = System.currentTimeMillis() - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
                System.out.println("Comptoir start: " + screen + " screen laid out " + since + " ms after the JVM started");
                System.out.flush();
                Platform.exit();
            }
        });
    }

    private static boolean shown(Scene scene, String selector) {
        Node n = scene.getRoot().lookup(selector);
        return n != null && n.isVisible() && n.getScene() != null && n.getLayoutBounds().getWidth() > 0;
    }
}
