package fr.comptoir.sale.ui;

import fr.comptoir.sale.DiscountReason;
import fr.comptoir.uikit.I18n;
import fr.comptoir.uikit.Ui;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The discount panel: amount or percentage, a reason, and a manager's PIN when needed. */
public final class DiscountView {

    private final VBox root = new VBox(14);

    public DiscountView(DiscountViewModel vm, I18n i18n, String title, Runnable onCancel) {
        root.getStyleClass().add("screen");
        root.setPadding(new Insets(20));
        root.setMaxWidth(720);
        Label base = Ui.label(i18n.get("discount.base", vm.baseText()), "text-muted");
        TextField amount = Ui.touchField("discount-amount", i18n.get("discount.amountPrompt"), vm.amountProperty());
        FlowPane percents = new FlowPane(10, 10);
        for (int p : new int[]{5, 10, 15, 20, 30, 50}) {
            Button b = Ui.button(p + " %");
            b.setMinWidth(88);
            b.setOnAction(e -> vm.percent(p));
            percents.getChildren().add(b);
        }
        TextField newPrice = Ui.touchField("discount-new-price", i18n.get("discount.newPricePrompt"), null);
        Button override = Ui.button(i18n.get("discount.override"));
        override.setOnAction(e -> vm.newUnitPrice(newPrice.getText()));
        newPrice.setOnAction(e -> vm.newUnitPrice(newPrice.getText()));
        HBox.setHgrow(newPrice, javafx.scene.layout.Priority.ALWAYS);
        HBox overrideRow = new HBox(10, newPrice, override);
        overrideRow.setVisible(vm.forLine());
        overrideRow.setManaged(vm.forLine());
        FlowPane reasons = new FlowPane(10, 10);
        ToggleGroup group = new ToggleGroup();
        for (DiscountReason r : DiscountReason.values()) {
            ToggleButton t = new ToggleButton(i18n.get("reason." + r.name()));
            t.setFocusTraversable(false);
            t.setMinHeight(56);
            t.setToggleGroup(group);
            t.setOnAction(e -> vm.reasonProperty().set(t.isSelected() ? r : null));
            reasons.getChildren().add(t);
        }
        Label approval = Ui.label(i18n.get("discount.approvalNeeded"), "text-warning");
        PasswordField pin = new PasswordField();
        pin.setId("discount-manager-pin");
        pin.setPromptText(i18n.get("discount.managerPin"));
        pin.getStyleClass().add("touch-field");
        pin.textProperty().bindBidirectional(vm.managerPinProperty());
        VBox approvalBox = new VBox(8, approval, pin);
        // Its room is kept even while hidden: choosing a percentage never moves Apply under the finger.
        approvalBox.visibleProperty().bind(vm.needsApprovalProperty());
        Label message = Ui.label("", "error-text");
        message.setId("discount-message");
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.textProperty().bind(vm.messageProperty());
        Button apply = Ui.button(i18n.get("discount.apply"), "accent");
        apply.setId("discount-apply");
        apply.disableProperty().bind(vm.busyProperty());
        apply.setOnAction(e -> vm.apply());
        pin.setOnAction(e -> vm.apply());
        Button cancel = Ui.button(i18n.get("newCustomer.cancel"));
        cancel.setOnAction(e -> onCancel.run());
        vm.reasonProperty().addListener((o, a, r) -> group.getToggles().forEach(t ->
                t.setSelected(((ToggleButton) t).getText().equals(r == null ? null : i18n.get("reason." + r.name())))));
        root.getChildren().addAll(Ui.label(title, "title-2"), base, amount, percents, overrideRow, Ui.label(i18n.get("discount.reason"), "title-4"),
                reasons, approvalBox, message, new HBox(12, apply, cancel));
    }

    public Parent root() {
        return root;
    }
}
