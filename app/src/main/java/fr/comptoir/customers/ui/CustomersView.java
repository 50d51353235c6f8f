package fr.comptoir.customers.ui;

import fr.comptoir.customers.Customer;
import fr.comptoir.customers.CustomerMatch;
import fr.comptoir.uikit.I18n;
import fr.comptoir.uikit.Ui;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;


import java.util.function.Function;

/**
 * The Customers screen: search as you type on the left, the chosen customer's view on the right.
 */
public final class CustomersView {

    private final BorderPane root = new BorderPane();
    private final CustomerSearchViewModel search;
    private final Function<Customer, Node> openProfile;
    private final TextField box;
    private final I18n i18n;
    private final StackPane detail = new StackPane();

    /**
     * @param openProfile builds the customer view of a customer (shown at once with what the list knew)
     * @param onCreate    opens the "new customer" form
     */
    public CustomersView(CustomerSearchViewModel search, I18n i18n, Function<Customer, Node> openProfile, Runnable onCreate) {
        this.search = search;
        this.i18n = i18n;
        this.openProfile = openProfile;
        root.getStyleClass().add("screen");
        box = Ui.touchField("customer-search", i18n.get("customers.prompt"), search.queryProperty());
        // A loyalty card scanned (or a full email typed) ends with Enter: open the one exact match.
        box.setOnAction(e -> search.chooseSingleExact(c -> detail.getChildren().setAll(openProfile.apply(c))));
        Label message = Ui.label("", "text-muted");
        message.textProperty().bind(search.messageProperty());
        message.visibleProperty().bind(search.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());

        ListView<CustomerMatch> list = new ListView<>(search.results());
        list.setCellFactory(lv -> new ResultCell(i18n));
        VBox.setVgrow(list, Priority.ALWAYS);
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, m) -> {
            if (m != null) {
                detail.getChildren().setAll(openProfile.apply(m.customer()));
            }
        });
        Button create = Ui.button(i18n.get("customers.create"));
        create.setMaxWidth(Double.MAX_VALUE);
        create.setOnAction(e -> onCreate.run());

        VBox left = new VBox(12, Ui.label(i18n.get("nav.customers"), "title-2"), box, message, list, create);
        left.setPadding(new Insets(16));
        left.setPrefWidth(400);
        left.setMinWidth(340);
        left.getStyleClass().add("master-pane");
        detail.getChildren().setAll(placeholder(i18n));
        root.setLeft(left);
        root.setCenter(detail);
        box.sceneProperty().addListener((obs, o, scene) -> {
            if (scene != null) {
                box.requestFocus();
            }
        });
    }

    /** A code scanned while the screen is shown (a loyalty card): searched, and its one holder opened. */
    public void scanned(String code) {
        search.queryProperty().set(code);
        box.requestFocus();
        box.end();
        search.chooseSingleExact(c -> detail.getChildren().setAll(openProfile.apply(c)));
    }

    /** Back to "choose a customer" (a creation cancelled). */
    public void showPlaceholder() {
        detail.getChildren().setAll(placeholder(i18n));
    }

    /** Shows a customer right away (after creating one, for instance). */
    public void show(Node profile) {
        detail.getChildren().setAll(profile);
    }

    private static Node placeholder(I18n i18n) {
        VBox box = new VBox(Ui.label(i18n.get("customers.choose"), "text-muted"));
        box.setPadding(new Insets(24));
        return box;
    }

    public Parent root() {
        return root;
    }

    private static final class ResultCell extends ListCell<CustomerMatch> {
        private final I18n i18n;

        ResultCell(I18n i18n) {
            this.i18n = i18n;
            // Name, e-mail, then phone and card: three lines, whatever the list measured before the row was filled.
            setMinHeight(94);
            setPrefHeight(94);
            // Never wider than the list: long emails are cut with an ellipsis rather than scrolled.
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(CustomerMatch m, boolean empty) {
            super.updateItem(m, empty);
            if (empty || m == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label name = new Label(fr.comptoir.uikit.DisplayText.shown(m.customer().fullName()));
            name.getStyleClass().add("title-4");
            // The e-mail on a line of its own, the phone and card on the next: a phone is never cut.
            Label sub = new Label(m.customer().email() == null ? "" : m.customer().email());
            sub.getStyleClass().add("text-muted");
            sub.setMinWidth(0);
            sub.setManaged(m.customer().email() != null && !m.customer().email().isBlank());
            sub.setVisible(sub.isManaged());
            Label phone = new Label(String.join(" · ", java.util.stream.Stream.of(
                            fr.comptoir.customers.PhoneNumbers.display(m.customer().phone()), m.customer().loyaltyCard())
                    .filter(s -> s != null && !s.isBlank()).toList()));
            phone.getStyleClass().add("text-muted");
            phone.setMinWidth(0);
            name.setMinWidth(0);
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            HBox top = new HBox(8, name, spacer);
            if (m.source() == CustomerMatch.Source.CENTRAL) {
                Label badge = new Label(i18n.get("customers.fromCentral"));
                badge.getStyleClass().add("badge");
                top.getChildren().add(badge);
            }
            setGraphic(new VBox(2, top, sub, phone));
            setText(null);
        }
    }

}
