package fr.comptoir.sale.ui;

import fr.comptoir.uikit.I18n;
import fr.comptoir.uikit.Ui;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Payment and receipt, in place of the basket while the customer pays. */
public final class PaymentView {

    private final HBox root = new HBox(24);

    public PaymentView(PaymentViewModel vm, I18n i18n, Runnable onBack, Runnable onNewSale) {
        root.getStyleClass().add("screen");
        root.setPadding(new Insets(20));

        Label due = Ui.label("", "title-2");
        due.textProperty().bind(Bindings.concat(i18n.get(vm.isRefund() ? "pay.dueRefund" : "pay.due"), " ", vm.dueProperty()));
        Label remaining = Ui.label("", "title-1");
        remaining.setId("pay-remaining");
        remaining.textProperty().bind(Bindings.concat(i18n.get("pay.remaining"), " ", vm.remainingProperty()));
        TextField amount = Ui.touchField("pay-amount", i18n.get(vm.isRefund() ? "pay.amountPromptRefund" : "pay.amountPrompt"),
                vm.amountEntryProperty());
        // The amount is what the associate types first: it has the keys as soon as the screen shows.
        amount.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                javafx.application.Platform.runLater(amount::requestFocus);
            }
        });
        amount.disableProperty().bind(vm.paidProperty());

        FlowPane quick = new FlowPane(10, 10);
        for (long euros : new long[]{5, 10, 20, 50, 100}) {
            Button b = Ui.button(euros + " €");
            b.setMinWidth(88);
            b.setOnAction(e -> vm.payCash(euros * 100));
            b.disableProperty().bind(vm.paidProperty().or(vm.busyProperty()).or(vm.unresolvedProperty()));
            quick.getChildren().add(b);
        }
        Button cash = Ui.button(i18n.get("pay.cash"), "large-action");
        cash.setId("pay-cash");
        cash.setOnAction(e -> vm.payCash());
        Button card = Ui.button(i18n.get("pay.card"), "large-action", "accent");
        card.setId("pay-card");
        card.setOnAction(e -> vm.payCard());
        for (Button b : new Button[]{cash, card}) {
            b.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(b, Priority.ALWAYS);
            b.disableProperty().bind(vm.paidProperty().or(vm.busyProperty()).or(vm.unresolvedProperty()));
        }
        TextField giftNumber = Ui.touchField("pay-gift-number", i18n.get("pay.giftCardPrompt"), vm.giftCardNumberProperty());
        HBox.setHgrow(giftNumber, Priority.ALWAYS);
        Button gift = Ui.button(i18n.get("pay.giftCard"));
        gift.setId("pay-gift");
        gift.setOnAction(e -> vm.payGiftCard());
        gift.disableProperty().bind(vm.paidProperty().or(vm.busyProperty()).or(vm.unresolvedProperty()));
        giftNumber.disableProperty().bind(vm.paidProperty());
        HBox giftRow = new HBox(10, giftNumber, gift);
        // A refund: no quick cash keys nor gift card; what was bought online can go back to its online payment.
        Button online = Ui.button(i18n.get("pay.refundOnline"), "large-action");
        online.setId("pay-online");
        online.setMaxWidth(Double.MAX_VALUE);
        online.setOnAction(e -> vm.refundOnline());
        online.disableProperty().bind(vm.paidProperty().or(vm.busyProperty()).or(vm.unresolvedProperty()));
        online.setVisible(vm.isRefund() && vm.offersOnlineRefund());
        online.setManaged(online.isVisible());
        Button credit = Ui.button(i18n.get("pay.refundStoreCredit"));
        credit.setId("pay-store-credit");
        credit.setMaxWidth(Double.MAX_VALUE);
        credit.setOnAction(e -> vm.refundStoreCredit());
        credit.disableProperty().bind(vm.paidProperty().or(vm.busyProperty()).or(vm.unresolvedProperty()));
        credit.setVisible(vm.isRefund());
        credit.setManaged(credit.isVisible());
        quick.setVisible(!vm.isRefund());
        quick.setManaged(quick.isVisible());
        giftRow.setVisible(!vm.isRefund());
        giftRow.setManaged(giftRow.isVisible());
        Label message = Ui.label("");
        message.setId("pay-message");
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.setMaxWidth(Double.MAX_VALUE);
        fr.comptoir.uikit.Notice.show(vm.notice(), message);
        ListView<String> payments = new ListView<>(vm.payments());
        payments.setPrefHeight(120);
        // A payment whose outcome is unknown: the associate checks the terminal (or the network), then asks again.
        Button checkAgain = Ui.button(i18n.get("pay.checkAgain"), "accent");
        checkAgain.setId("pay-check-again");
        checkAgain.setOnAction(e -> vm.checkAgain());
        checkAgain.visibleProperty().bind(vm.unresolvedProperty());
        checkAgain.managedProperty().bind(checkAgain.visibleProperty());
        checkAgain.disableProperty().bind(vm.busyProperty());

        Button complete = Ui.button(i18n.get(vm.isRefund() ? "pay.completeRefund" : "pay.complete"), "large-action", "success");
        complete.setId("pay-complete");
        complete.setMaxWidth(Double.MAX_VALUE);
        complete.setOnAction(e -> vm.complete());
        complete.disableProperty().bind(vm.paidProperty().not().or(vm.busyProperty()).or(vm.receiptProperty().isNotEmpty()));
        Button back = Ui.button(i18n.get("pay.back"));
        back.setOnAction(e -> onBack.run());
        // Back to the basket even once part is paid (to add an item): what was paid stays counted and the basket
        // cannot go below it (decision 0027). Not while a payment's outcome is unknown, nor once recorded.
        back.disableProperty().bind(vm.busyProperty().or(vm.unresolvedProperty()).or(vm.receiptProperty().isNotEmpty()));

        // Cash taken by mistake (a quick-cash key touched instead of Card) is handed back here, before the sale is
        // recorded; the sale can then go back to its basket.
        Button removeCash = Ui.button(i18n.get("pay.removeCash"), "danger");
        removeCash.setId("pay-remove-cash");
        removeCash.setOnAction(e -> vm.removeCash());
        removeCash.visibleProperty().bind(vm.cashTakenProperty().greaterThan(0).and(vm.receiptProperty().isEmpty()));
        removeCash.managedProperty().bind(removeCash.visibleProperty());
        removeCash.disableProperty().bind(vm.busyProperty());
        // More cash back than the store's limit: a manager's PIN lifts it for this ticket.
        javafx.scene.control.PasswordField pin = new javafx.scene.control.PasswordField();
        pin.setId("pay-manager-pin");
        pin.setPromptText(i18n.get("discount.managerPin"));
        pin.getStyleClass().add("touch-field");
        pin.textProperty().bindBidirectional(vm.managerPinProperty());
        pin.setOnAction(e -> vm.approveCash());
        Button approve = Ui.button(i18n.get("pay.approveCash"));
        approve.setId("pay-approve-cash");
        approve.setOnAction(e -> vm.approveCash());
        HBox approval = new HBox(10, pin, approve);
        approval.visibleProperty().bind(vm.cashApprovalNeededProperty());
        approval.managedProperty().bind(approval.visibleProperty());
        VBox left = new VBox(12, due, remaining, amount, quick, new HBox(12, cash, card), online, credit, giftRow, message, approval, checkAgain,
                payments, complete,
                new HBox(12, back, removeCash));
        left.setPrefWidth(560);

        TextArea receipt = new TextArea();
        receipt.setId("receipt");
        receipt.setEditable(false);
        receipt.getStyleClass().add("receipt");
        receipt.textProperty().bind(vm.receiptProperty());
        VBox.setVgrow(receipt, Priority.ALWAYS);
        Button next = Ui.button(i18n.get("pay.newSale"), "accent");
        next.setId("pay-new-sale");
        next.setOnAction(e -> onNewSale.run());
        next.visibleProperty().bind(vm.receiptProperty().isNotEmpty());
        TextField emailTo = Ui.touchField("receipt-email", i18n.get("newCustomer.email"), vm.emailProperty());
        HBox.setHgrow(emailTo, Priority.ALWAYS);
        Button sendEmail = Ui.button(i18n.get("pay.email"));
        sendEmail.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        sendEmail.setId("receipt-send-email");
        sendEmail.setOnAction(e -> vm.emailReceipt());
        sendEmail.disableProperty().bind(vm.emailSentProperty());
        HBox emailRow = new HBox(10, emailTo, sendEmail);
        emailRow.visibleProperty().bind(vm.receiptProperty().isNotEmpty());
        emailRow.managedProperty().bind(emailRow.visibleProperty());
        VBox right = new VBox(12, Ui.label(i18n.get("pay.receipt"), "title-3"), receipt, emailRow, next);
        right.setAlignment(Pos.TOP_LEFT);
        right.setPrefWidth(440);
        HBox.setHgrow(right, Priority.ALWAYS);
        root.getChildren().addAll(left, right);
    }

    public Parent root() {
        return root;
    }
}
