package fr.comptoir.shell;

import javafx.scene.control.Button;
import javafx.scene.control.Label;

/** Small factories for the touch-sized controls every screen uses. */
public final class Ui {

    private Ui() {
    }

    public static Button button(String text, String... styleClasses) {
        Button b = new Button(text);
        b.getStyleClass().addAll(styleClasses);
        b.setMinHeight(56);
        return b;
    }

    public static Label label(String text, String... styleClasses) {
        Label l = new Label(text);
        l.getStyleClass().addAll(styleClasses);
        l.setWrapText(true);
        return l;
    }
}
