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

    public NewCustomerView(NewCustomerViewModel vm, I18n i18n, Runnable onCancel) {
        root.setPadding(new Insets(16, 20, 16, 20));
        root.getStyleClass().add("screen");
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(10);
        field(grid, 0, i18n.get("newCustomer.firstName"), vm.firstNameProperty(), "new-first-name");
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

    private static void field(GridPane grid, int row, String label, javafx.beans.property.StringProperty value, String id) {
        Ui.formRow(grid, row, label, Ui.touchField(id, null, value));
    }

    private static CheckBox check(String text, javafx.beans.property.BooleanProperty value) {
        CheckBox c = new CheckBox(text);
        c.setMinHeight(44);
        c.selectedProperty().bindBidirectional(value);
        return c;
    }

    public Parent root() {
        return root;
    }
}
