package fr.comptoir.sale.ui;

import fr.comptoir.common.Money;
import fr.comptoir.sale.Basket;
import fr.comptoir.sale.BasketLine;
import fr.comptoir.shell.I18n;
import fr.comptoir.shell.Ui;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The Sell screen as it stands before the selling workflow: the basket's lines and total, the attached
 * customer, and a customer search to attach one (typed or scanned loyalty card).
 */
public final class BasketView {

    private final BorderPane root = new BorderPane();

    /** @param customerSearch a search panel whose choice attaches the customer */
    public BasketView(Basket basket, I18n i18n, Node customerSearch) {
        root.getStyleClass().add("screen");
        ObservableList<BasketLine> lines = FXCollections.observableArrayList(basket.lines());
        Label customer = Ui.label("", "title-4");
        customer.setId("basket-customer");
        Label total = Ui.label("", "title-2");
        total.setId("basket-total");
        Runnable refresh = () -> {
            lines.setAll(basket.lines());
            customer.setText(basket.customer() == null ? i18n.get("basket.noCustomer") : i18n.get("basket.customer", basket.customer().fullName()));
            total.setText(i18n.get("basket.total", Money.ofCents(basket.totalCents()).format(i18n.locale()), basket.itemCount()));
        };
        basket.addListener(b -> refresh.run());
        refresh.run();
        ListView<BasketLine> list = new ListView<>(lines);
        list.setId("basket-lines");
        list.setPlaceholder(new Label(i18n.get("basket.empty")));
        list.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(BasketLine l, boolean empty) {
                super.updateItem(l, empty);
                setMinHeight(52);
                setText(empty || l == null ? null : l.quantity() + " × " + l.label() + "   "
                        + Money.ofCents(l.totalCents()).format(i18n.locale())
                        + (l.fromCartId() != null ? "   (" + i18n.get("basket.fromCart") + ")" : ""));
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        Button detach = Ui.button(i18n.get("basket.detach"));
        detach.setOnAction(e -> basket.detachCustomer());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox head = new HBox(12, Ui.label(i18n.get("basket.title"), "title-2"), spacer, customer, detach);
        head.setAlignment(Pos.CENTER_LEFT);
        VBox main = new VBox(12, head, list, total);
        main.setPadding(new Insets(16, 20, 16, 20));
        root.setCenter(main);
        VBox side = new VBox(8, Ui.label(i18n.get("basket.attach"), "title-4"), customerSearch);
        side.setPadding(new Insets(16));
        side.setPrefWidth(380);
        side.getStyleClass().add("master-pane");
        VBox.setVgrow(customerSearch, Priority.ALWAYS);
        root.setRight(side);
    }

    public Parent root() {
        return root;
    }
}
