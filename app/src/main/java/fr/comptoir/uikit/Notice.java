package fr.comptoir.uikit;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.control.Label;

/**
 * What a screen last told the person, and what kind of news it is: a confirmation ("added"), a warning
 * (it worked, but look), or an error (nothing changed). Each kind has its own look ({@link #show}), so an
 * unknown code never looks like an added item. A view model owns one and says things through it; its view
 * shows it. JavaFX thread only.
 */
public final class Notice {

    public enum Kind { CONFIRMATION, WARNING, ERROR }

    private final StringProperty text = new SimpleStringProperty("");
    private final ObjectProperty<Kind> kind = new SimpleObjectProperty<>(Kind.CONFIRMATION);

    public void confirm(String message) {
        say(Kind.CONFIRMATION, message);
    }

    public void warn(String message) {
        say(Kind.WARNING, message);
    }

    public void error(String message) {
        say(Kind.ERROR, message);
    }

    public void clear() {
        say(Kind.CONFIRMATION, "");
    }

    private void say(Kind k, String message) {
        kind.set(k);
        text.set(message == null ? "" : message);
    }

    /** The text (a view binds to it; tests read it). */
    public StringProperty textProperty() {
        return text;
    }

    public ReadOnlyObjectProperty<Kind> kindProperty() {
        return kind;
    }

    public Kind kind() {
        return kind.get();
    }

    /** Shows the notice in {@code label}, styled by kind (style classes notice-confirmation, notice-warning, notice-error). */
    public static void show(Notice notice, Label label) {
        label.textProperty().bind(notice.textProperty());
        label.getStyleClass().add("notice");
        label.visibleProperty().bind(notice.textProperty().isNotEmpty());
        Runnable style = () -> {
            label.getStyleClass().removeAll("notice-confirmation", "notice-warning", "notice-error");
            label.getStyleClass().add("notice-" + notice.kind().name().toLowerCase(java.util.Locale.ROOT));
        };
        notice.kindProperty().addListener((obs, old, now) -> style.run());
        style.run();
    }
}
