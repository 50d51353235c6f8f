package fr.comptoir.shell;

import javafx.beans.property.StringProperty;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;

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

    /**
     * A touch-sized text field bound both ways to {@code value}.
     *
     * @param id for tests and styling, or null
     */
    public static TextField touchField(String id, String prompt, StringProperty value) {
        TextField f = new TextField();
        if (id != null) {
            f.setId(id);
        }
        f.setPromptText(prompt);
        f.getStyleClass().add("touch-field");
        if (value != null) {
            f.textProperty().bindBidirectional(value);
        }
        return f;
    }

    /** A form row: a bold label in column 0, the field growing in column 1. */
    public static void formRow(javafx.scene.layout.GridPane grid, int row, String label, javafx.scene.Node field) {
        javafx.scene.layout.GridPane.setHgrow(field, javafx.scene.layout.Priority.ALWAYS);
        grid.add(label(label, "field-label"), 0, row);
        grid.add(field, 1, row);
    }

    public static Label label(String text, String... styleClasses) {
        Label l = new Label(text);
        l.getStyleClass().addAll(styleClasses);
        l.setWrapText(true);
        return l;
    }
}
