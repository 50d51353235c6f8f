package fr.comptoir.returns.ui;

import fr.comptoir.common.Money;
import fr.comptoir.orders.Order;
import fr.comptoir.returns.ReturnCounter;
import fr.comptoir.returns.ReturnableLine;
import fr.comptoir.sale.ReturnOf;
import fr.comptoir.uikit.I18n;
import fr.comptoir.uikit.Notice;
import fr.comptoir.uikit.Ui;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The Returns screen: on the left the search (a scanned receipt, an order or ticket number, a customer) and the
 * orders found; on the right the order, each line with what may still come back, the units coming back, why
 * and in what condition, and the refund, sent to the till in one touch. Built in Java (decision 0006).
 */
public final class ReturnsView {

    private final HBox root = new HBox(16);
    private final ReturnsViewModel vm;
    private final I18n i18n;
    private final DateTimeFormatter day;

    public ReturnsView(ReturnsViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
        this.day = i18n.date();
        root.getStyleClass().add("screen");
        root.setPadding(new Insets(16));
        Node detail = detail();
        HBox.setHgrow(detail, Priority.ALWAYS);
        root.getChildren().addAll(search(), detail);
    }

    public Node root() {
        return root;
    }

    private Node search() {
        TextField field = Ui.touchField("returns-search", i18n.get("returns.searchPrompt"), vm.searchProperty());
        field.setOnAction(e -> vm.find());
        Button find = Ui.button(i18n.get("returns.find"), "accent");
        find.setId("returns-find");
        find.setMinWidth(Region.USE_PREF_SIZE);
        find.setOnAction(e -> vm.find());
        HBox.setHgrow(field, Priority.ALWAYS);
        Label title = Ui.label("", "title-4");
        title.textProperty().bind(vm.listTitleProperty());
        ListView<ReturnsViewModel.Found> list = new ListView<>(vm.found());
        list.setId("returns-orders");
        list.setPlaceholder(Ui.label(i18n.get("returns.howToFind"), "text-muted"));
        Ui.textCells(list, this::orderText);
        list.setOnMouseClicked(e -> {
            ReturnsViewModel.Found f = list.getSelectionModel().getSelectedItem();
            if (f != null) {
                vm.open(f.order().id());
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        Label age = Ui.label("", "text-muted");
        age.textProperty().bind(vm.dataAgeProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox head = new HBox(10, Ui.label(i18n.get("nav.returns"), "title-2"), gap, age);
        head.setAlignment(Pos.BASELINE_LEFT);
        Button withoutReceipt = Ui.button(i18n.get("returns.withoutReceipt"));
        withoutReceipt.setId("returns-without-receipt");
        withoutReceipt.setMaxWidth(Double.MAX_VALUE);
        withoutReceipt.setOnAction(e -> vm.startWithoutReceipt());
        VBox box = new VBox(10, head, new HBox(10, field, find), withoutReceipt, title, list);
        box.setPrefWidth(440);
        box.setMinWidth(440);
        box.setMaxWidth(440);
        return box;
    }

    private String orderText(ReturnsViewModel.Found f) {
        Order o = f.order();
        return o.number() + " · " + i18n.get("returns.channel." + o.channel().name())
                + (f.customerName() == null ? "" : " · " + fr.comptoir.uikit.DisplayText.shown(f.customerName())) + "\n"
                + day.format(Instant.parse(o.placedAt())) + " · " + money(o.totalCents()) + " · " + i18n.get("returns.lines", o.lines().size());
    }

    private Node detail() {
        Label placeholder = Ui.label(i18n.get("returns.choose"), "text-muted");
        placeholder.setWrapText(true);
        Label heading = Ui.label("", "title-2");
        heading.setId("returns-heading");
        Label facts = Ui.label("", "text-muted");
        facts.setWrapText(true);
        facts.setMinHeight(Region.USE_PREF_SIZE);
        Label message = Ui.label("");
        message.setId("returns-message");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.setMaxWidth(Double.MAX_VALUE);
        Notice.show(vm.notice(), message);
        VBox lines = new VBox(8);
        lines.setId("returns-lines");
        Label refund = Ui.label("", "title-3");
        refund.setId("returns-refund");
        refund.textProperty().bind(vm.refundProperty());

        Label why = Ui.label(i18n.get("returns.managerExplain"), "text-warning");
        why.setWrapText(true);
        why.setMinHeight(Region.USE_PREF_SIZE);
        VBox manager = new VBox(8, why, managerPin("returns-manager-pin"));
        manager.visibleProperty().bind(vm.needsManagerProperty());
        manager.managedProperty().bind(manager.visibleProperty());

        Button toTill = Ui.button(i18n.get("returns.toTill"), "large-action", "success");
        toTill.setId("returns-to-till");
        toTill.setMaxWidth(Double.MAX_VALUE);
        toTill.setOnAction(e -> vm.toTill());
        toTill.disableProperty().bind(vm.refundProperty().isEmpty().or(vm.needsManagerProperty()));

        Runnable redraw = () -> {
            ReturnCounter.ReturnableOrder o = vm.selectedProperty().get();
            if (o == null) {
                return;
            }
            heading.setText(o.order().number() + " · " + i18n.get("returns.channel." + o.order().channel().name()));
            facts.setText(i18n.get("returns.facts", day.format(Instant.parse(o.order().placedAt())), money(o.order().totalCents()),
                    day.format(o.windowEndsAt())));
            lines.getChildren().clear();
            for (int i = 0; i < vm.lines().size(); i++) {
                lines.getChildren().add(line(i));
            }
        };
        vm.selectedProperty().addListener((obs, old, o) -> redraw.run());
        vm.lines().addListener((javafx.collections.ListChangeListener<ReturnsViewModel.LineChoice>) c -> redraw.run());
        VBox order = new VBox(12, heading, facts, lines, refund, manager, toTill);
        order.visibleProperty().bind(vm.selectedProperty().isNotNull());
        order.managedProperty().bind(order.visibleProperty());
        Node item = withoutReceipt();
        item.visibleProperty().bind(vm.withoutReceiptProperty());
        item.managedProperty().bind(item.visibleProperty());
        // What the counter just said stays at the top, in sight whatever is on show (or nothing yet).
        javafx.scene.control.ScrollPane pane = Ui.detailPane(placeholder, new VBox(12, order, item),
                vm.selectedProperty().isNotNull().or(vm.withoutReceiptProperty()));
        VBox.setVgrow(pane, javafx.scene.layout.Priority.ALWAYS);
        return new VBox(8, message, pane);
    }

    /** An item brought back without a receipt: a manager first, then the item scanned, how many, why, its condition. */
    private Node withoutReceipt() {
        Label title = Ui.label(i18n.get("returns.withoutReceiptTitle"), "title-2");
        Label what = Ui.label("", "text-bold");
        what.setId("returns-item");
        what.setWrapText(true);
        what.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> vm.itemProperty().get() == null
                ? i18n.get("returns.scanTheItem") : i18n.get("returns.itemCredit", fr.comptoir.uikit.DisplayText.shown(vm.itemProperty().get().label()),
                money(vm.itemProperty().get().noReceiptCreditCents())), vm.itemProperty()));
        Button minus = Ui.button("−");
        minus.setMinSize(48, 48);
        minus.setOnAction(e -> vm.itemUnits(-1));
        Button plus = Ui.button("+");
        plus.setMinSize(48, 48);
        plus.setOnAction(e -> vm.itemUnits(1));
        Label n = Ui.label("", "title-4");
        n.setMinWidth(28);
        n.setAlignment(Pos.CENTER);
        n.textProperty().bind(vm.itemUnitsProperty().asString());
        HBox stepper = new HBox(8, Ui.label(i18n.get("returns.comingBack")), minus, n, plus);
        stepper.setAlignment(Pos.CENTER_LEFT);
        VBox reasons = new VBox();
        VBox condition = new VBox();
        Runnable choices = () -> {
            reasons.getChildren().setAll(Ui.choices(List.of(ReturnOf.Reason.values()), r -> i18n.get("returns.reason." + r.name()),
                    vm.itemReasonProperty().get(), "returns-item-reason-", vm::itemReason));
            condition.getChildren().setAll(Ui.choices(List.of(ReturnOf.Restock.values()), r -> i18n.get("returns.restock." + r.name()),
                    vm.itemRestockProperty().get(), "returns-item-restock-", vm::itemRestock));
        };
        choices.run();
        vm.itemReasonProperty().addListener((obs, was, now) -> choices.run());
        vm.itemRestockProperty().addListener((obs, was, now) -> choices.run());
        HBox manager = managerPin("returns-item-manager-pin");
        manager.visibleProperty().bind(vm.needsManagerProperty());
        manager.managedProperty().bind(manager.visibleProperty());
        Button credit = Ui.button(i18n.get("returns.creditAtTill"), "large-action", "success");
        credit.setId("returns-credit-at-till");
        credit.setMaxWidth(Double.MAX_VALUE);
        credit.setOnAction(e -> vm.creditWithoutReceipt());
        credit.disableProperty().bind(vm.needsManagerProperty().or(vm.itemProperty().isNull()));
        return new VBox(12, title, manager, what, stepper, Ui.label(i18n.get("returns.why"), "text-muted"), reasons,
                Ui.label(i18n.get("returns.condition"), "text-muted"), condition, credit);
    }

    /** One line: what it is, what came back and may still, and the choices for what comes back now. */
    private Node line(int index) {
        ReturnsViewModel.LineChoice c = vm.lines().get(index);
        ReturnableLine l = c.line();
        Label name = Ui.label(fr.comptoir.uikit.DisplayText.shown(l.line().name()), "text-bold");
        name.setWrapText(true);
        Label state = Ui.label(i18n.get("returns.lineState", l.bought(), money(l.line().paid()), l.returned(), l.returnable()), "text-muted");
        state.setWrapText(true);
        VBox box = new VBox(6, name, state);
        box.getStyleClass().add("info-card");
        box.setPadding(new Insets(10));
        if (l.refusal() != null) {
            Label refusal = Ui.label(i18n.get("returns.refusal." + l.refusal().name()), "text-warning");
            refusal.setWrapText(true);
            box.getChildren().add(refusal);
        }
        if (l.returnable() == 0) {
            return box;
        }
        Button minus = Ui.button("−");
        minus.setMinSize(48, 48);
        minus.setId("returns-less-" + index);
        minus.setOnAction(e -> vm.units(index, -1));
        Button plus = Ui.button("+");
        plus.setMinSize(48, 48);
        plus.setId("returns-more-" + index);
        plus.setOnAction(e -> vm.units(index, 1));
        Label n = Ui.label(Integer.toString(c.units()), "title-4");
        n.setId("returns-units-" + index);
        n.setMinWidth(28);
        n.setAlignment(Pos.CENTER);
        HBox stepper = new HBox(8, Ui.label(i18n.get("returns.comingBack")), minus, n, plus);
        stepper.setAlignment(Pos.CENTER_LEFT);
        box.getChildren().add(stepper);
        if (c.units() > 0) {
            FlowPane reasons = Ui.choices(List.of(ReturnOf.Reason.values()), r -> i18n.get("returns.reason." + r.name()), c.reason(),
                    "returns-reason-" + index + "-", r -> vm.reason(index, r));
            FlowPane condition = Ui.choices(List.of(ReturnOf.Restock.values()), r -> i18n.get("returns.restock." + r.name()), c.restock(),
                    "returns-restock-" + index + "-", r -> vm.restock(index, r));
            box.getChildren().addAll(Ui.label(i18n.get("returns.why"), "text-muted"), reasons, Ui.label(i18n.get("returns.condition"), "text-muted"),
                    condition, Ui.label(i18n.get("returns.lineRefund", money(l.refund(c.units()))), "text-bold"));
        }
        return box;
    }

    /** A manager's PIN and its Approve button (Enter approves too). */
    private HBox managerPin(String id) {
        PasswordField pin = new PasswordField();
        pin.setId(id);
        pin.setPromptText(i18n.get("returns.managerPin"));
        pin.getStyleClass().add("touch-field");
        pin.textProperty().bindBidirectional(vm.managerPinProperty());
        pin.setOnAction(e -> vm.approveWithManager());
        Button approve = Ui.button(i18n.get("returns.approve"));
        approve.setOnAction(e -> vm.approveWithManager());
        return new HBox(10, pin, approve);
    }

    private String money(long cents) {
        return Money.ofCents(cents).format(i18n.formats());
    }
}
