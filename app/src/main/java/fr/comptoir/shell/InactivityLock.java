package fr.comptoir.shell;

import javafx.animation.PauseTransition;
import javafx.event.EventHandler;
import javafx.scene.Scene;
import javafx.scene.input.InputEvent;
import javafx.util.Duration;

/** Locks the screen after a period without touch, mouse or keyboard input. JavaFX thread only. */
public final class InactivityLock {

    private final PauseTransition timer;
    private final EventHandler<InputEvent> reset;
    private Scene scene;

    public InactivityLock(java.time.Duration delay, Runnable onLock) {
        timer = new PauseTransition(Duration.millis(delay.toMillis()));
        timer.setOnFinished(e -> onLock.run());
        reset = e -> timer.playFromStart();
    }

    public void arm(Scene scene) {
        disarm();
        this.scene = scene;
        scene.addEventFilter(InputEvent.ANY, reset);
        timer.playFromStart();
    }

    public void disarm() {
        timer.stop();
        if (scene != null) {
            scene.removeEventFilter(InputEvent.ANY, reset);
            scene = null;
        }
    }
}
