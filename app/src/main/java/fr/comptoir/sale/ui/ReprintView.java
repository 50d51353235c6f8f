package fr.comptoir.sale.ui;

import fr.comptoir.common.Money;
import fr.comptoir.sale.SaleRecord;
import fr.comptoir.uikit.I18n;
import fr.comptoir.uikit.Notice;
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
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

/** The last sales of this till; the one chosen shown as a duplicate, to print or e-mail again. */
public final class ReprintView {

    private final HBox root = new HBox(20);

    public ReprintView(ReprintViewModel vm, I18n i18n, Runnable onBack) {
        root.getStyleClass().add("screen");
        root.setPadding(new Insets(20));
        DateTimeFormatter f = i18n.dateTime();
        ListView<SaleRecord> list = new ListView<>(vm.sales());
        list.setId("recent-sales");
        list.setPlaceholder(Ui.label(i18n.get("reprint.none"), "text-muted"));
        Ui.textCells(list, s -> s.ticketNumber() + "\n" + f.format(Instant.parse(s.completedAt())) + "  ·  "
                + Money.ofCents(s.totalCents()).format(i18n.formats()));
        VBox.setVgrow(list, Priority.ALWAYS);
        list.getSelectionModel().selectedItemProperty().addListener((o, a, s) -> vm.choose(s));
        TextArea receipt = new TextArea();
        receipt.setId("duplicate-receipt");
        receipt.setEditable(false);
        receipt.getStyleClass().add("receipt");
        receipt.textProperty().bind(vm.duplicateProperty());
        VBox.setVgrow(receipt, Priority.ALWAYS);

        Button print = Ui.button(i18n.get("reprint.print"), "accent");
        print.setId("reprint-print");
        TextField to = Ui.touchField("reprint-email-to", i18n.get("reprint.emailPrompt"), vm.emailToProperty());
        HBox.setHgrow(to, Priority.ALWAYS);
        Button email = Ui.button(i18n.get("pay.email"));
        email.setId("reprint-email");
        print.setOnAction(e -> vm.print());
        email.setOnAction(e -> vm.email());
        to.setOnAction(e -> vm.email());
        print.disableProperty().bind(vm.chosenProperty().isNull());
        email.disableProperty().bind(vm.chosenProperty().isNull());
        to.disableProperty().bind(vm.chosenProperty().isNull());
        // Printing on its own row, the e-mail and its button on the next: no label is ever cut, in either language.
        print.setMinWidth(Region.USE_PREF_SIZE);
        email.setMinWidth(Region.USE_PREF_SIZE);
        HBox mail = new HBox(12, to, email);
        mail.setAlignment(Pos.CENTER_LEFT);
        VBox actions = new VBox(10, print, mail);
        Label message = new Label();
        message.setId("reprint-message");
        message.setWrapText(true);
        message.setMaxWidth(Double.MAX_VALUE);
        Notice.show(vm.notice(), message);
        message.managedProperty().bind(message.visibleProperty());

        Button back = Ui.button(i18n.get("pay.back"));
        back.setOnAction(e -> onBack.run());
        VBox left = new VBox(12, Ui.label(i18n.get("reprint.title"), "title-2"), list, back);
        left.setPrefWidth(380);
        left.setMinWidth(340);
        Label hint = Ui.label("", "text-muted");
        hint.textProperty().bind(Bindings.when(vm.chosenProperty().isNull()).then(i18n.get("reprint.chooseFirst")).otherwise(""));
        hint.managedProperty().bind(hint.visibleProperty());
        hint.visibleProperty().bind(vm.chosenProperty().isNull());
        VBox right = new VBox(12, Ui.label(i18n.get("pay.receipt"), "title-3"), hint, receipt, actions, message);
        HBox.setHgrow(right, Priority.ALWAYS);
        root.getChildren().addAll(left, right);
    }

    public Parent root() {
        return root;
    }
}
