package fr.comptoir.shell;

import fr.comptoir.uikit.Ui;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.layout.VBox;

/** A screen of a later version: only its title for now. */
public final class PlaceholderView {

    private PlaceholderView() {
    }

    public static Node of(String title) {
        VBox box = new VBox(Ui.label(title, "title-1"));
        box.setAlignment(Pos.TOP_LEFT);
        box.setPadding(new Insets(24));
        box.getStyleClass().add("screen");
        return box;
    }
}
