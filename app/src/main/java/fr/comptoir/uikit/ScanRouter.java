package fr.comptoir.uikit;

import javafx.animation.PauseTransition;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.util.Duration;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;

/**
 * Sends every scan to where the screen on show expects it, whatever has the focus. One per window: it
 * watches the keys of the whole scene through a {@link ScanDetector}; a screen that takes scans (Sell: the
 * basket; Customers: the search; later Pickups and Returns: the order) says so with {@link #route}
 * while it is shown. Typing goes on reaching the focused field as before.
 *
 * <p>Enter never presses a button: on a touch terminal buttons are touched, and an Enter that reaches a
 * focused button comes from a scanner (the end of a code that was too short, or a scan on a screen that
 * takes none). A scan on a screen that takes none is handed to {@code unrouted} (which says so) and
 * changes nothing. JavaFX thread only.
 */
public final class ScanRouter {

    /** Where a screen wants its scans, while its root is in the scene. */
    private record Route(Node screen, Consumer<String> onScan) {
    }

    private final Deque<Route> routes = new ArrayDeque<>();
    private final ScanDetector detector;
    private final Consumer<String> unrouted;
    private final PauseTransition idle = new PauseTransition(Duration.millis(ScanDetector.MAX_GAP_NANOS / 1_000_000 + 10));
    private Scene scene;
    /** Where the keys being held were typed: they go back there, even if the focus moved on meanwhile. */
    private TextInputControl heldFor;
    private final EventHandler<javafx.scene.input.MouseEvent> flushOnTouch = e -> flush();
    private final javafx.beans.value.ChangeListener<Node> flushOnFocus = (obs, old, now) -> flush();

    /**
     * @param detector tells scans from typing (with the store's prefix and suffix, if any)
     * @param unrouted told of a scan made where no screen takes one
     */
    public ScanRouter(ScanDetector detector, Consumer<String> unrouted) {
        this.detector = detector;
        this.unrouted = unrouted;
        idle.setOnFinished(e -> deliver(detector.idle(System.nanoTime())));
    }

    /** The scanners send {@code prefix} before and {@code suffix} after each code ("" for none); taken off. */
    public void frame(String prefix, String suffix) {
        detector.frame(prefix, suffix);
    }

    /** Watches {@code scene}'s keys (and stops watching the one before). */
    public void attach(Scene scene) {
        if (this.scene != null) {
            this.scene.removeEventFilter(KeyEvent.ANY, filter);
            this.scene.removeEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, flushOnTouch);
            this.scene.focusOwnerProperty().removeListener(flushOnFocus);
        }
        this.scene = scene;
        scene.addEventFilter(KeyEvent.ANY, filter);
        // A touch elsewhere or a focus change ends any typing held back: it goes where it was typed first.
        scene.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, flushOnTouch);
        scene.focusOwnerProperty().addListener(flushOnFocus);
    }

    /**
     * Scans go to {@code onScan} while {@code screen} is in the scene and visible (the latest screen that
     * asked wins).
     *
     * @return stops routing scans there (call it when the screen is left for good)
     */
    public Runnable route(Node screen, Consumer<String> onScan) {
        Route r = new Route(screen, onScan);
        routes.push(r);
        return () -> routes.remove(r);
    }

    /**
     * Scans go to {@code onScan} while {@code screen} is shown; the route ends by itself when the screen
     * leaves the scene (screens are built again when they come back).
     */
    public void routeWhileShown(Node screen, Consumer<String> onScan) {
        Runnable stop = route(screen, onScan);
        screen.sceneProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Scene> obs, Scene old, Scene now) {
                if (old != null && now == null) {
                    stop.run();
                    screen.sceneProperty().removeListener(this);
                }
            }
        });
    }

    /** How many screens asked for scans and have not let go: for tests that look for leaks. */
    public int routeCount() {
        return routes.size();
    }

    /** A scan, from the scanner or typed into a test: goes where the screen on show wants it. */
    public void scanned(String code) {
        for (Route r : routes) {
            if (r.screen().getScene() != null && r.screen().getScene() == scene && r.screen().isVisible()) {
                r.onScan().accept(code);
                return;
            }
        }
        unrouted.accept(code);
    }

    private final EventHandler<KeyEvent> filter = this::onKey;

    private void onKey(KeyEvent e) {
        long now = System.nanoTime();
        if (!detector.holding() && scene != null && scene.getFocusOwner() instanceof javafx.scene.control.PasswordField) {
            // A PIN is typed, never scanned: however fast the keys come, they are the PIN field's.
            return;
        }
        if (e.getEventType() == KeyEvent.KEY_TYPED) {
            String ch = e.getCharacter();
            if (ch.isEmpty() || ch.charAt(0) < ' ' || e.isControlDown() || e.isAltDown() || e.isMetaDown()) {
                return;
            }
            if (!detector.holding()) {
                heldFor = scene != null && scene.getFocusOwner() instanceof TextInputControl t ? t : null;
            }
            ScanDetector.Outcome o = detector.typed(ch.charAt(0), now);
            if (!(o instanceof ScanDetector.Outcome.Ignore)) {
                e.consume();
                deliver(o);
                idle.playFromStart();
            }
        } else if (e.getCode() == KeyCode.ENTER) {
            if (e.getEventType() == KeyEvent.KEY_PRESSED) {
                ScanDetector.Outcome o = detector.enter(now);
                if (o instanceof ScanDetector.Outcome.Scan) {
                    e.consume();
                }
                deliver(o);
            }
            if (!e.isConsumed() && scene != null && scene.getFocusOwner() instanceof ButtonBase) {
                e.consume();
            }
        }
    }

    /** Gives back, now, whatever typing is held. */
    private void flush() {
        if (detector.holding()) {
            idle.stop();
            deliver(detector.release());
        }
    }

    private void deliver(ScanDetector.Outcome o) {
        if (o instanceof ScanDetector.Outcome.Scan scan) {
            heldFor = null;
            scanned(scan.code());
        } else if (o instanceof ScanDetector.Outcome.Release release) {
            TextInputControl field = heldFor != null ? heldFor
                    : scene != null && scene.getFocusOwner() instanceof TextInputControl t ? t : null;
            if (field != null && field.isEditable() && !field.isDisabled() && field.getScene() != null) {
                if (field.isFocused()) {
                    field.replaceSelection(release.typed());
                } else {
                    field.appendText(release.typed());
                }
            }
            // What comes next starts a new sequence, typed wherever the focus is then.
            heldFor = detector.holding() && scene != null && scene.getFocusOwner() instanceof TextInputControl t ? t : null;
        }
    }
}
