package fr.comptoir.uikit;

import javafx.beans.property.StringProperty;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;

/** Small factories for the touch-sized controls every screen uses. */
public final class Ui {

    private Ui() {
    }

    /**
     * A touch-sized button. It never takes the focus: a tap leaves the focus where the person was typing
     * (the entry field), and a scanner's Enter can never press it (see {@link ScanRouter}).
     */
    public static Button button(String text, String... styleClasses) {
        Button b = new Button(text);
        b.getStyleClass().addAll(styleClasses);
        b.setMinHeight(56);
        b.setFocusTraversable(false);
        return b;
    }

    /** Like {@link #button}, for buttons made elsewhere (toggles, keys): tapped, never focused. */
    public static <B extends javafx.scene.control.ButtonBase> B touchOnly(B b) {
        b.setFocusTraversable(false);
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

    /**
     * Shows {@code text} in a wrapping {@code label}, an e-mail address too wide for it broken after its "@"
     * rather than in the middle of a word, and emoji left out ({@link DisplayText}).
     */
    public static void bindWrapped(Label label, javafx.beans.value.ObservableValue<String> text) {
        javafx.scene.text.Text measure = new javafx.scene.text.Text();
        label.setWrapText(true);
        label.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            measure.setFont(label.getFont());
            double width = label.getWidth() - label.snappedLeftInset() - label.snappedRightInset();
            return DisplayText.breakAddresses(DisplayText.shown(text.getValue()), width, line -> {
                measure.setText(line);
                return measure.getLayoutBounds().getWidth();
            });
        }, text, label.widthProperty(), label.fontProperty()));
    }

    /**
     * Rows of text, one item each, at least a touch target high, as wide as the list: "\n" starts a
     * new line and a line too long for the list wraps. {@code text} is not called for empty rows.
     */
    public static <T> void textCells(javafx.scene.control.ListView<T> list, java.util.function.Function<T, String> text) {
        list.setCellFactory(lv -> {
            // A Text node wraps at the width it is given and is then as tall as its lines; a wrapping cell
            // label is measured before it knows its width and shows one line cut short.
            javafx.scene.text.Text shown = new javafx.scene.text.Text();
            shown.getStyleClass().add("cell-text");
            shown.wrappingWidthProperty().bind(lv.widthProperty().subtract(40));
            javafx.scene.control.ListCell<T> cell = new javafx.scene.control.ListCell<>() {
                @Override
                protected void updateItem(T item, boolean empty) {
                    super.updateItem(item, empty);
                    setText(null);
                    shown.setText(empty || item == null ? "" : DisplayText.shown(text.apply(item)));
                    setGraphic(empty || item == null ? null : shown);
                    // The row is as tall as its text once styled (a graphic's new lines do not resize a cell).
                    applyCss();
                    if (!empty && item != null) {
                        // An address too wide for the row breaks after its "@", not in the middle of a word.
                        javafx.scene.text.Text measure = new javafx.scene.text.Text();
                        measure.setFont(shown.getFont());
                        shown.setText(DisplayText.breakAddresses(shown.getText(), shown.getWrappingWidth(), line -> {
                            measure.setText(line);
                            return measure.getLayoutBounds().getWidth();
                        }));
                    }
                    setPrefHeight(empty || item == null ? USE_COMPUTED_SIZE : shown.getLayoutBounds().getHeight() + 16);
                }
            };
            cell.getStyleClass().add("text-row");
            cell.setMinHeight(56);
            return cell;
        });
        // Rows are measured when they are made: measured again once the list knows (or changes) its width.
        list.widthProperty().addListener((obs, before, now) -> list.refresh());
    }

    /**
     * The right-hand pane of a desk screen (Pickups, Returns): {@code placeholder} while nothing is chosen,
     * {@code content} once something is, scrolling up and down within the pane.
     */
    public static javafx.scene.control.ScrollPane detailPane(javafx.scene.Node placeholder, javafx.scene.Node content,
                                                             javafx.beans.value.ObservableBooleanValue chosen) {
        content.visibleProperty().bind(chosen);
        content.managedProperty().bind(content.visibleProperty());
        placeholder.visibleProperty().bind(javafx.beans.binding.Bindings.not(chosen));
        placeholder.managedProperty().bind(placeholder.visibleProperty());
        javafx.scene.layout.VBox box = new javafx.scene.layout.VBox(12, placeholder, content);
        box.setPadding(new javafx.geometry.Insets(0, 8, 0, 0));
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("edge-to-edge");
        return scroll;
    }

    /**
     * One touch toggle per value, one of them chosen ({@code selected}), wrapping onto more rows as needed;
     * touching one calls {@code onChoose}. Ids are {@code idPrefix + value}.
     */
    public static <T> javafx.scene.layout.FlowPane choices(java.util.List<T> values, java.util.function.Function<T, String> label, T selected,
                                                          String idPrefix, java.util.function.Consumer<T> onChoose) {
        javafx.scene.layout.FlowPane pane = new javafx.scene.layout.FlowPane(8, 8);
        javafx.scene.control.ToggleGroup group = new javafx.scene.control.ToggleGroup();
        for (T v : values) {
            javafx.scene.control.ToggleButton b = touchOnly(new javafx.scene.control.ToggleButton(label.apply(v)));
            b.setId(idPrefix + v);
            b.setMinHeight(44);
            b.setToggleGroup(group);
            b.setSelected(java.util.Objects.equals(selected, v));
            b.setOnAction(e -> onChoose.accept(v));
            pane.getChildren().add(b);
        }
        return pane;
    }
}
