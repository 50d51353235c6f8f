package fr.comptoir.sale.ui;

import fr.comptoir.common.Money;
import fr.comptoir.sale.SaleRecord;
import fr.comptoir.uikit.I18n;
import fr.comptoir.uikit.Ui;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.function.Function;

/** The last sales of this till, and a reprint of any of them marked as a duplicate. */
public final class ReprintView {

    private final HBox root = new HBox(20);

    public ReprintView(List<SaleRecord> sales, Function<SaleRecord, String> duplicateOf, I18n i18n, Runnable onBack) {
        root.getStyleClass().add("screen");
        root.setPadding(new Insets(20));
        DateTimeFormatter f = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(i18n.locale()).withZone(ZoneId.systemDefault());
        ListView<SaleRecord> list = new ListView<>(FXCollections.observableArrayList(sales));
        list.setId("recent-sales");
        list.setPlaceholder(Ui.label(i18n.get("reprint.none"), "text-muted"));
        Ui.textCells(list, s -> s.ticketNumber() + "\n" + f.format(Instant.parse(s.completedAt())) + "  ·  "
                + Money.ofCents(s.totalCents()).format(i18n.locale()));
        VBox.setVgrow(list, Priority.ALWAYS);
        TextArea receipt = new TextArea();
        receipt.setId("duplicate-receipt");
        receipt.setEditable(false);
        receipt.getStyleClass().add("receipt");
        VBox.setVgrow(receipt, Priority.ALWAYS);
        list.getSelectionModel().selectedItemProperty().addListener((o, a, s) -> receipt.setText(s == null ? "" : duplicateOf.apply(s)));
        Button back = Ui.button(i18n.get("pay.back"));
        back.setOnAction(e -> onBack.run());
        VBox left = new VBox(12, Ui.label(i18n.get("reprint.title"), "title-2"), list, back);
        left.setPrefWidth(420);
        VBox right = new VBox(12, Ui.label(i18n.get("pay.receipt"), "title-3"), receipt);
        HBox.setHgrow(right, Priority.ALWAYS);
        root.getChildren().addAll(left, right);
    }

    public Parent root() {
        return root;
    }
}
