package fr.comptoir.sale.ui;

import fr.comptoir.catalog.LocationStock;
import fr.comptoir.uikit.I18n;
import fr.comptoir.uikit.Ui;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The endless-aisle panel: where the item is, pickup in another store or delivery home. */
public final class AisleView {

    private final VBox root = new VBox(12);

    public AisleView(AisleViewModel vm, I18n i18n, Runnable onCancel) {
        root.getStyleClass().add("screen");
        root.setPadding(new Insets(20));
        root.setMaxWidth(760);
        Label status = Ui.label("", "text-muted");
        status.setId("aisle-status");
        status.textProperty().bind(vm.statusProperty());
        ListView<LocationStock> list = new ListView<>(vm.locations());
        list.setId("aisle-locations");
        list.setPrefHeight(300);
        list.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(LocationStock s, boolean empty) {
                super.updateItem(s, empty);
                if (empty || s == null) {
                    setGraphic(null);
                    return;
                }
                Label name = new Label(s.locationName() + "  ·  " + i18n.get("aisle.available", s.available()));
                Region gap = new Region();
                HBox.setHgrow(gap, Priority.ALWAYS);
                HBox row = new HBox(10, name, gap);
                row.setAlignment(Pos.CENTER_LEFT);
                if (!s.warehouse()) {
                    Button pick = Ui.button(i18n.get("aisle.pickupHere"));
                    pick.setOnAction(e -> vm.pickupAt(s));
                    row.getChildren().add(pick);
                }
                setGraphic(row);
            }
        });
        TextField address = Ui.touchField("aisle-address", i18n.get("aisle.addressPrompt"), vm.addressProperty());
        HBox.setHgrow(address, Priority.ALWAYS);
        Button deliver = Ui.button(i18n.get("aisle.deliver"), "accent");
        deliver.setId("aisle-deliver");
        deliver.setOnAction(e -> vm.deliver());
        Label message = Ui.label("", "error-text");
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.textProperty().bind(vm.messageProperty());
        Button cancel = Ui.button(i18n.get("newCustomer.cancel"));
        cancel.setOnAction(e -> onCancel.run());
        root.getChildren().addAll(Ui.label(i18n.get("aisle.title", vm.line().label()), "title-2"), status, list,
                Ui.label(i18n.get("aisle.orHome"), "title-4"), new HBox(10, address, deliver), message, cancel);
    }

    public Parent root() {
        return root;
    }
}
