package fr.comptoir.customers.ui;

import fr.comptoir.uikit.I18n;
import fr.comptoir.uikit.Ui;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The "new customer" form, shown in place of the customer view. */
public final class NewCustomerView {

    private final VBox root = new VBox(12);
    private final javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(root);

    public NewCustomerView(NewCustomerViewModel vm, I18n i18n, Runnable onCancel) {
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("edge-to-edge");
        root.setPadding(new Insets(16, 20, 16, 20));
        root.getStyleClass().add("screen");
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(10);
        javafx.scene.control.TextField first = field(grid, 0, i18n.get("newCustomer.firstName"), vm.firstNameProperty(), "new-first-name");
        // The form opens ready to type into.
        first.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                javafx.application.Platform.runLater(first::requestFocus);
            }
        });
        field(grid, 1, i18n.get("newCustomer.lastName"), vm.lastNameProperty(), "new-last-name");
        field(grid, 2, i18n.get("newCustomer.email"), vm.emailProperty(), "new-email");
        field(grid, 3, i18n.get("newCustomer.phone"), vm.phoneProperty(), "new-phone");

        Label notice = Ui.label(i18n.get("newCustomer.privacy"), "privacy-notice");
        notice.setPadding(new Insets(12));
        notice.setMinHeight(Region.USE_PREF_SIZE);
        CheckBox shown = check(i18n.get("newCustomer.privacyShown"), vm.privacyShownProperty());
        CheckBox byEmail = check(i18n.get("newCustomer.emailConsent"), vm.emailConsentProperty());
        CheckBox bySms = check(i18n.get("newCustomer.smsConsent"), vm.smsConsentProperty());

        Label error = Ui.label("", "error-text");
        error.textProperty().bind(vm.errorProperty());
        Label duplicates = Ui.label("", "text-warning");
        duplicates.textProperty().bind(vm.duplicateWarningProperty());
        duplicates.setMinHeight(Region.USE_PREF_SIZE);
        error.setMinHeight(Region.USE_PREF_SIZE);
        duplicates.visibleProperty().bind(vm.duplicateWarningProperty().isNotEmpty());
        duplicates.managedProperty().bind(duplicates.visibleProperty());

        Button create = Ui.button(i18n.get("newCustomer.create"), "accent");
        create.textProperty().bind(javafx.beans.binding.Bindings.when(vm.duplicateWarningProperty().isEmpty())
                .then(i18n.get("newCustomer.create")).otherwise(i18n.get("newCustomer.createAnyway")));
        create.disableProperty().bind(vm.busyProperty());
        create.setOnAction(e -> vm.create());
        Button cancel = Ui.button(i18n.get("newCustomer.cancel"));
        cancel.setOnAction(e -> onCancel.run());

        root.getChildren().addAll(Ui.label(i18n.get("newCustomer.title"), "title-2"), grid, notice, shown, byEmail, bySms,
                duplicates, error, new HBox(12, create, cancel));
    }

    private static javafx.scene.control.TextField field(GridPane grid, int row, String label, javafx.beans.property.StringProperty value, String id) {
        javafx.scene.control.TextField f = Ui.touchField(id, null, value);
        Ui.formRow(grid, row, label, f);
        return f;
    }

    private static CheckBox check(String text, javafx.beans.property.BooleanProperty value) {
        CheckBox c = new CheckBox(text);
        // The whole row is the touch target, not only the box.
        c.setMinHeight(52);
        c.setMaxWidth(Double.MAX_VALUE);
        c.setWrapText(true);
        c.selectedProperty().bindBidirectional(value);
        return c;
    }

    /** Scrolls within its pane: a warning about likely duplicates never pushes the window's header or status bar out. */
    public Parent root() {
        return scroll;
    }
}
