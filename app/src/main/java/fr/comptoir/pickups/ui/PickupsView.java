package fr.comptoir.pickups.ui;

import fr.comptoir.common.Money;
import fr.comptoir.pickups.Handover;
import fr.comptoir.pickups.Pickup;
import fr.comptoir.pickups.PickupMoney;
import fr.comptoir.pickups.PickupQueue;
import fr.comptoir.pickups.PickupStatus;
import fr.comptoir.uikit.I18n;
import fr.comptoir.uikit.Notice;
import fr.comptoir.uikit.Ui;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * The Pickups screen: the queue on the left (search, tabs with counts, orders), the order on the right (its
 * lines with what is collected, refused or left, how the collector proved the right to collect, the money, the
 * hand-over); for an order to prepare, the shelf and missing units; for an expired one, the return to stock.
 */
public final class PickupsView {

    private final HBox root = new HBox(16);
    private final PickupsViewModel vm;
    private final I18n i18n;
    private final DateTimeFormatter when;

    public PickupsView(PickupsViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
        this.when = i18n.dateTime();
        root.getStyleClass().add("screen");
        root.setPadding(new Insets(16));
        Node queue = queue();
        Node detail = detail();
        HBox.setHgrow(detail, Priority.ALWAYS);
        root.getChildren().addAll(queue, detail);
    }

    private Node queue() {
        TextField search = Ui.touchField("pickups-search", i18n.get("pickups.searchPrompt"), vm.searchProperty());
        // The tabs two by two, as wide as their column: three rows at most, in either language.
        javafx.scene.layout.GridPane tabs = new javafx.scene.layout.GridPane();
        tabs.setHgap(8);
        tabs.setVgap(8);
        for (int c = 0; c < 2; c++) {
            javafx.scene.layout.ColumnConstraints half = new javafx.scene.layout.ColumnConstraints();
            half.setPercentWidth(50);
            tabs.getColumnConstraints().add(half);
        }
        ToggleGroup group = new ToggleGroup();
        for (PickupQueue.Tab t : PickupQueue.Tab.values()) {
            ToggleButton b = Ui.touchOnly(new ToggleButton());
            b.setId("pickups-tab-" + t.name());
            b.textProperty().bind(vm.tabLabel(t));
            b.setToggleGroup(group);
            b.setMinHeight(48);
            b.setMaxWidth(Double.MAX_VALUE);
            b.setSelected(vm.tabProperty().get() == t);
            b.setOnAction(e -> {
                vm.searchProperty().set("");
                vm.showTab(t);
                b.setSelected(true);
            });
            tabs.add(b, t.ordinal() % 2, t.ordinal() / 2);
        }
        // While a search lists its results, no tab looks chosen; cleared, the tab on show is again.
        vm.searchProperty().addListener((obs, was, now) -> {
            if (now == null || now.isBlank()) {
                group.getToggles().stream().filter(t -> ((Node) t).getId().equals("pickups-tab-" + vm.tabProperty().get().name()))
                        .findFirst().ifPresent(group::selectToggle);
            } else {
                group.selectToggle(null);
            }
        });
        Label title = Ui.label("", "title-4");
        title.textProperty().bind(vm.listTitleProperty());
        ListView<PickupQueue.Row> list = new ListView<>(vm.rows());
        list.setId("pickups-list");
        list.setPlaceholder(Ui.label(i18n.get("pickups.empty"), "text-muted"));
        Ui.textCells(list, this::rowText);
        // An order opens when it is touched, never because the list was refreshed under the selection.
        list.setOnMouseClicked(e -> {
            PickupQueue.Row row = list.getSelectionModel().getSelectedItem();
            if (row != null) {
                vm.open(row.orderId(), null);
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        Label age = Ui.label("", "text-muted");
        age.setId("pickups-queue-age");
        age.textProperty().bind(vm.queueAgeProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox head = new HBox(10, Ui.label(i18n.get("nav.pickups"), "title-2"), gap, age);
        head.setAlignment(Pos.BASELINE_LEFT);
        VBox box = new VBox(10, head, search, tabs, title, list);
        box.setPrefWidth(440);
        box.setMinWidth(440);
        box.setMaxWidth(440);
        return box;
    }

    private String rowText(PickupQueue.Row r) {
        String state = i18n.get("pickups.status." + r.status().name());
        String shelf = r.shelf() == null ? "" : " · " + i18n.get("pickups.onShelf", r.shelf());
        String due = r.status() == PickupStatus.TO_PREPARE && r.promisedAt() != null
                ? " · " + i18n.get("pickups.promisedFor", when.format(Instant.parse(r.promisedAt()))) : "";
        return r.orderNumber() + " · " + r.customerName() + "\n" + state + shelf + " · " + i18n.get("pickups.units", r.openUnits(), r.units())
                + due + (r.overdue() ? "\n⚠ " + i18n.get("pickups.overdue") : "");
    }

    private Node detail() {
        Label placeholder = Ui.label(i18n.get("pickups.choose"), "text-muted");
        VBox order = new VBox(12);
        order.setId("pickups-order");
        Label heading = Ui.label("", "title-2");
        heading.setId("pickups-heading");
        Label facts = Ui.label("", "text-muted");
        facts.setId("pickups-facts");
        facts.setWrapText(true);
        facts.setMinHeight(Region.USE_PREF_SIZE);
        VBox lines = new VBox(8);
        lines.setId("pickups-lines");
        Label message = Ui.label("");
        message.setId("pickups-message");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.setMaxWidth(Double.MAX_VALUE);
        Notice.show(vm.notice(), message);
        Label money = Ui.label("", "title-3");
        money.setId("pickups-money");
        money.textProperty().bind(vm.moneyProperty());
        VBox actions = new VBox(10);

        Runnable redraw = () -> {
            Pickup p = vm.selectedProperty().get();
            if (p == null) {
                return;
            }
            heading.setText(p.orderNumber() + " · " + (p.customer() == null ? "" : fr.comptoir.uikit.DisplayText.shown(p.customer().fullName())));
            facts.setText(facts(p));
            lines.getChildren().clear();
            for (int i = 0; i < vm.lines().size(); i++) {
                lines.getChildren().add(line(p, i));
            }
            actions.getChildren().setAll(actionsFor(p));
        };
        vm.selectedProperty().addListener((obs, old, p) -> redraw.run());
        vm.lines().addListener((javafx.collections.ListChangeListener<PickupsViewModel.LineChoice>) c -> {
            Pickup p = vm.selectedProperty().get();
            if (p != null) {
                lines.getChildren().clear();
                for (int i = 0; i < vm.lines().size(); i++) {
                    lines.getChildren().add(line(p, i));
                }
            }
        });
        vm.verifiedProperty().addListener((obs, old, v) -> redraw.run());
        // What the desk just said stays at the top, in sight whatever line a scan or a touch was about.
        order.getChildren().addAll(heading, facts, message, lines, money, actions);
        return Ui.detailPane(placeholder, order, vm.selectedProperty().isNotNull());
    }

    private String facts(Pickup p) {
        StringBuilder s = new StringBuilder(i18n.get("pickups.status." + p.status().name()));
        if (p.shelf() != null) {
            s.append(" · ").append(i18n.get("pickups.onShelf", p.shelf()));
        }
        if (p.expiresAt() != null) {
            s.append(" · ").append(i18n.get("pickups.keptUntil", when.format(Instant.parse(p.expiresAt()))));
        } else if (p.promisedAt() != null) {
            s.append(" · ").append(i18n.get("pickups.promisedFor", when.format(Instant.parse(p.promisedAt()))));
        }
        s.append("\n").append(i18n.get("pickups.paid", money(p.totalCents()), money(p.paidCents())));
        if (p.settledInStoreCents() > 0) {
            s.append(" · ").append(i18n.get("pickups.paidInStore", money(p.settledInStoreCents())));
        }
        if (p.refundedCents() > 0) {
            s.append(" · ").append(i18n.get("pickups.refunded", money(p.refundedCents())));
        }
        if (!p.proxies().isEmpty()) {
            s.append("\n").append(i18n.get("pickups.proxies", String.join(", ", p.proxies())));
        }
        if (p.lastHandover() != null) {
            s.append("\n").append(i18n.get("pickups.lastHandover", when.format(Instant.parse(p.lastHandover().at()))));
        }
        return s.toString();
    }

    /** One line: what it is, what is open, and the steppers of what the desk does with it now. */
    private Node line(Pickup p, int index) {
        PickupsViewModel.LineChoice c = vm.lines().get(index);
        Pickup.PickupLine l = c.line();
        String what = l.name() + (l.colour() == null ? "" : " · " + l.colour()) + (l.size() == null ? "" : " · " + i18n.get("pickups.size", l.size()));
        Label name = Ui.label(what, "text-bold");
        name.setWrapText(true);
        Label state = Ui.label(i18n.get("pickups.lineState", l.quantity(), money(l.lineTotalCents()), l.collected(), l.refused(), l.missing()),
                "text-muted");
        state.setWrapText(true);
        VBox box = new VBox(6, name, state);
        box.getStyleClass().add("info-card");
        box.setPadding(new Insets(10));
        if (p.status().handable() && l.open() > 0) {
            HBox collect = stepper(i18n.get("pickups.collect"), c.collect(), () -> vm.collect(index, -1), () -> vm.collect(index, 1),
                    "pickups-collect-" + index);
            HBox refuse = stepper(i18n.get("pickups.refuse"), c.refuse(), () -> vm.refuse(index, -1, null), () -> vm.refuse(index, 1, null),
                    "pickups-refuse-" + index);
            box.getChildren().addAll(new HBox(24, collect, refuse));
            if (c.refuse() > 0) {
                FlowPane reasons = Ui.choices(java.util.List.of(PickupMoney.RefusalReason.values()), r -> i18n.get("pickups.reason." + r.name()),
                        c.reason(), "pickups-reason-" + index + "-", r -> vm.refuse(index, 0, r));
                Label back = Ui.label(c.restock() == Handover.Restock.DAMAGED ? i18n.get("pickups.setAside") : i18n.get("pickups.backOnSale"),
                        "text-muted");
                box.getChildren().addAll(reasons, back);
            }
        } else if (p.status() == PickupStatus.TO_PREPARE) {
            if (l.location() != null) {
                box.getChildren().add(Ui.label(i18n.get("pickups.location", l.location()), "info-text"));
            }
            HBox found = stepper(i18n.get("pickups.foundUnits"), c.found(), () -> vm.found(index, -1), () -> vm.found(index, 1), "pickups-found-" + index);
            HBox missing = stepper(i18n.get("pickups.missing"), c.missing(), () -> vm.missing(index, -1), () -> vm.missing(index, 1),
                    "pickups-missing-" + index);
            box.getChildren().add(new HBox(24, found, missing));
            if (l.ean() != null) {
                box.getChildren().add(Ui.label(i18n.get("pickups.scanToFind", l.ean()), "text-muted"));
            }
        }
        return box;
    }

    private HBox stepper(String label, int value, Runnable less, Runnable more, String id) {
        Button minus = Ui.button("−");
        minus.setMinSize(48, 48);
        minus.setId(id + "-minus");
        minus.setOnAction(e -> less.run());
        Button plus = Ui.button("+");
        plus.setMinSize(48, 48);
        plus.setId(id);
        plus.setOnAction(e -> more.run());
        Label n = Ui.label(Integer.toString(value), "title-4");
        n.setId(id + "-value");
        n.setMinWidth(28);
        n.setAlignment(Pos.CENTER);
        HBox box = new HBox(8, Ui.label(label), minus, n, plus);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private Node[] actionsFor(Pickup p) {
        Button slip = Ui.button(i18n.get("pickups.printSlip"));
        slip.setOnAction(e -> vm.printPickupSlip());
        Button receipt = Ui.button(i18n.get("pickups.printReceipt"));
        receipt.setId("pickups-print-receipt");
        receipt.setOnAction(e -> vm.printReceiptAgain());
        receipt.visibleProperty().bind(vm.lastReceiptProperty().isNotEmpty());
        receipt.managedProperty().bind(receipt.visibleProperty());
        TextField email = Ui.touchField("pickups-receipt-email", i18n.get("newCustomer.email"), vm.receiptEmailProperty());
        Button send = Ui.button(i18n.get("pickups.emailReceipt"));
        send.setId("pickups-email-receipt");
        send.setMinWidth(Region.USE_PREF_SIZE);
        send.setOnAction(e -> vm.emailReceipt());
        HBox emailRow = new HBox(10, email, send);
        HBox.setHgrow(email, Priority.ALWAYS);
        emailRow.visibleProperty().bind(vm.lastReceiptProperty().isNotEmpty());
        emailRow.managedProperty().bind(emailRow.visibleProperty());
        if (p.status() == PickupStatus.COLLECTED || p.status() == PickupStatus.CANCELLED) {
            return new Node[]{new HBox(10, receipt), emailRow};
        }
        if (p.status() == PickupStatus.TO_PREPARE) {
            TextField shelf = Ui.touchField("pickups-shelf", i18n.get("pickups.shelfPrompt"), vm.shelfProperty());
            Button ready = Ui.button(i18n.get("pickups.markReady"), "accent");
            ready.setId("pickups-ready");
            ready.setOnAction(e -> vm.markReady());
            HBox row = new HBox(10, shelf, ready);
            HBox.setHgrow(shelf, Priority.ALWAYS);
            Label help = Ui.label(i18n.get("pickups.prepareHelp"), "text-muted");
            help.setWrapText(true);
            return new Node[]{help, row};
        }
        if (!p.status().handable()) {
            return new Node[]{};
        }
        // Past its expiry is expired, whether or not the platform has marked it so yet: a manager decides.
        boolean expired = p.status() == PickupStatus.EXPIRED || (p.expiresAt() != null && Instant.now().isAfter(Instant.parse(p.expiresAt())));
        VBox verify = new VBox(8, Ui.label(i18n.get("pickups.verifyTitle"), "title-4"));
        switch (vm.verifiedProperty().get()) {
            case BY_CODE -> verify.getChildren().add(Ui.label(i18n.get("pickups.verifiedByCode"), "text-success"));
            case BY_IDENTITY -> verify.getChildren().add(Ui.label(i18n.get("pickups.verifiedById", vm.collectorNameProperty().get()), "text-success"));
            default -> {
                TextField code = Ui.touchField("pickups-code", i18n.get("pickups.codePrompt"), vm.codeProperty());
                code.setOnAction(e -> vm.checkCode());
                Button check = Ui.button(i18n.get("pickups.checkCode"));
                check.setId("pickups-check-code");
                check.setOnAction(e -> vm.checkCode());
                HBox byCode = new HBox(10, code, check);
                HBox.setHgrow(code, Priority.ALWAYS);
                TextField name = Ui.touchField("pickups-collector", i18n.get("pickups.collector"), vm.collectorNameProperty());
                ToggleButton proxy = Ui.touchOnly(new ToggleButton(i18n.get("pickups.isProxy")));
                proxy.selectedProperty().bindBidirectional(vm.proxyProperty());
                proxy.setMinHeight(48);
                FlowPane docs = new FlowPane(8, 8);
                ToggleGroup g = new ToggleGroup();
                for (Handover.IdDocument d : Handover.IdDocument.values()) {
                    ToggleButton b = Ui.touchOnly(new ToggleButton(i18n.get("pickups.doc." + d.name())));
                    b.setToggleGroup(g);
                    b.setMinHeight(44);
                    b.setSelected(vm.idDocumentProperty().get() == d);
                    b.setOnAction(e -> vm.idDocumentProperty().set(b.isSelected() ? d : null));
                    docs.getChildren().add(b);
                }
                TextField end = Ui.touchField("pickups-doc-end", i18n.get("pickups.docEnd"), vm.idDocumentEndProperty());
                end.setPrefColumnCount(13);
                Button checkId = Ui.button(i18n.get("pickups.checkIdentity"));
                checkId.setOnAction(e -> vm.checkIdentity());
                HBox idRow = new HBox(10, end, checkId);
                verify.getChildren().addAll(byCode, Ui.label(i18n.get("pickups.orIdentity"), "text-muted"), new HBox(10, name, proxy), docs, idRow);
                HBox.setHgrow(name, Priority.ALWAYS);
            }
        }
        PasswordField pin = new PasswordField();
        pin.setId("pickups-manager-pin");
        pin.setPromptText(i18n.get("pickups.managerPin"));
        pin.getStyleClass().add("touch-field");
        pin.textProperty().bindBidirectional(vm.managerPinProperty());
        Button approve = Ui.button(i18n.get("pickups.approve"));
        approve.setOnAction(e -> vm.approveWithManager());
        HBox manager = new HBox(10, pin, approve);
        Button handOver = Ui.button(i18n.get("pickups.handOver"), "large-action", "success");
        handOver.setId("pickups-hand-over");
        handOver.textProperty().bind(Bindings.when(vm.balanceDueProperty()).then(i18n.get("pickups.payAtTill"))
                .otherwise(i18n.get("pickups.handOver")));
        handOver.setMaxWidth(Double.MAX_VALUE);
        handOver.setOnAction(e -> vm.handOver());
        handOver.disableProperty().bind(vm.busyProperty().or(Bindings.createBooleanBinding(
                () -> vm.verifiedProperty().get() == PickupsViewModel.Verified.NO, vm.verifiedProperty())));
        Button notice = Ui.button(i18n.get("pickups.resendNotice"));
        notice.setOnAction(e -> vm.resendNotice());
        FlowPane more = new FlowPane(10, 10, receipt, notice, slip);
        if (expired) {
            Button back = Ui.button(i18n.get("pickups.returnToStock"), "danger");
            back.setId("pickups-return-to-stock");
            back.setOnAction(e -> vm.returnToStock());
            more.getChildren().add(back);
        }
        Label managerHelp = Ui.label(expired ? i18n.get("pickups.expiredHelp") : i18n.get("pickups.managerHelp"), "text-muted");
        managerHelp.setWrapText(true);
        return new Node[]{verify, handOver, emailRow, managerHelp, manager, more};
    }

    private String money(long cents) {
        return Money.ofCents(cents).format(i18n.formats());
    }

    public Parent root() {
        return root;
    }
}
