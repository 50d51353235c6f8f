package fr.comptoir.till.ui;

import fr.comptoir.till.CashMovement;
import fr.comptoir.till.Denomination;
import fr.comptoir.uikit.I18n;
import fr.comptoir.uikit.Notice;
import fr.comptoir.uikit.Ui;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.List;

/** The Till screen (see {@link TillViewModel}). Built in Java (decision 0006). */
public final class TillView {

    private final VBox root = new VBox(16);
    private final StackPane body = new StackPane();
    private final TillViewModel vm;
    private final I18n i18n;

    public TillView(TillViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
        root.getStyleClass().add("screen");
        root.setPadding(new Insets(16));
        Label title = Ui.label(i18n.get("till.title"), "title-2");
        Label status = Ui.label("", "title-4");
        status.setId("till-status");
        status.textProperty().bind(vm.statusProperty());
        Label notice = Ui.label("");
        notice.setId("till-notice");
        Notice.show(vm.notice(), notice);
        notice.managedProperty().bind(notice.textProperty().isNotEmpty());
        VBox.setVgrow(body, Priority.ALWAYS);
        root.getChildren().addAll(title, status, notice, body);
        vm.stepProperty().addListener((obs, o, s) -> show(s));
        show(vm.stepProperty().get());
    }

    public Node root() {
        return root;
    }

    private void show(TillViewModel.Step step) {
        body.getChildren().setAll(switch (step) {
            case OVERVIEW -> overview();
            case FLOAT -> count(false);
            case MOVE -> move();
            case COUNT -> count(true);
            case REPORT -> report();
        });
    }

    /** Training mode: off, a manager's PIN starts it; on, nothing else of the till is offered until it ends. */
    private Node training() {
        boolean on = vm.trainingSupervisor() != null;
        PasswordField pin = new PasswordField();
        pin.setId("training-pin");
        pin.setPromptText(i18n.get("returns.managerPin"));
        pin.getStyleClass().add("touch-field");
        pin.setMaxWidth(240);
        pin.textProperty().bindBidirectional(vm.trainingPinProperty());
        pin.setOnAction(e -> vm.switchTraining());
        Button go = button("training-switch", on ? "training.end" : "training.start", vm::switchTraining, on ? "accent" : "");
        go.disableProperty().bind(vm.busyProperty());
        return new VBox(12, Ui.label(i18n.get("training.header"), "title-4"),
                Ui.label(on ? i18n.get("training.onHelp", vm.trainingSupervisor()) : i18n.get("training.offHelp"), "text-muted"),
                new HBox(12, pin, go));
    }

    private Node overview() {
        if (vm.trainingSupervisor() != null) {
            return training();
        }
        Button open = button("till-open", "till.openTill", vm::startOpen, "accent");
        open.visibleProperty().bind(vm.openProperty().not());
        open.managedProperty().bind(open.visibleProperty());
        Button in = button("till-cash-in", "till.cashIn", () -> vm.startMove(CashMovement.Direction.IN));
        Button out = button("till-cash-out", "till.cashOut", () -> vm.startMove(CashMovement.Direction.OUT));
        Button close = button("till-close", "till.closeTill", vm::startClose, "accent");
        for (Button b : List.of(in, out, close)) {
            b.visibleProperty().bind(vm.openProperty());
            b.managedProperty().bind(b.visibleProperty());
        }
        FlowPane session = new FlowPane(12, 12, open, in, out, close);
        Button x = button("till-x", "till.x", vm::x);
        FlowPane reports = new FlowPane(12, 12, x);
        VBox box = new VBox(16, Ui.label(i18n.get("till.sessionHeader"), "title-4"), session, Ui.label(i18n.get("till.reportsHeader"), "title-4"),
                reports);
        if (vm.manager()) {
            reports.getChildren().addAll(button("till-z", "till.z", vm::z, "accent"), button("till-month", "till.closeMonth", vm::closeMonth),
                    button("till-year", "till.closeYear", vm::closeYear), button("till-archive", "till.exportArchive", vm::exportArchive));
            box.getChildren().add(Ui.label(i18n.get("till.managerHelp"), "text-muted"));
        } else {
            box.getChildren().add(Ui.label(i18n.get("till.zIsForManagers"), "text-muted"));
        }
        if (vm.trainingOffered()) {
            box.getChildren().add(training());
        }
        return scroll(box);
    }

    private Node count(boolean closing) {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(8);
        // Notes in the first column, coins in two more: the whole drawer in sight without scrolling.
        grid.add(Ui.label(i18n.get("till.notes"), "text-muted"), 0, 0, 2, 1);
        grid.add(Ui.label(i18n.get("till.coins"), "text-muted"), 2, 0, 4, 1);
        int notes = 1;
        int coins = 0;
        for (Denomination d : Denomination.values()) {
            TextField f = Ui.touchField("till-count-" + d.name(), "0", vm.countProperty(d));
            f.setPrefColumnCount(3);
            f.setMinWidth(72);
            int col = d.note() ? 0 : coins < 4 ? 2 : 4;
            int row = d.note() ? notes++ : 1 + coins++ % 4;
            Label name = Ui.label(denomination(d), "field-label");
            name.setMinWidth(Region.USE_PREF_SIZE);
            grid.add(name, col, row);
            grid.add(f, col + 1, row);
        }
        Label total = Ui.label("", "title-3");
        total.setId("till-count-total");
        total.textProperty().bind(vm.countTotalProperty());
        grid.setMinWidth(Region.USE_PREF_SIZE);
        VBox side = new VBox(12, total);
        side.setMinWidth(280);
        HBox.setHgrow(side, Priority.ALWAYS);
        VBox box = new VBox(12, Ui.label(i18n.get(closing ? "till.countDrawer" : "till.countFloat"), "title-4"), new HBox(24, grid, side));
        if (closing) {
            TextField card = Ui.touchField("till-card-counted", i18n.get("till.cardCountedPrompt"), vm.cardCountedProperty());
            card.setMaxWidth(320);
            Button counted = button("till-counted", "till.counted", vm::countDone, "accent");
            Label expected = Ui.label("", "title-4");
            expected.setId("till-expected");
            expected.textProperty().bind(vm.expectedProperty());
            PasswordField pin = new PasswordField();
            pin.setId("till-manager-pin");
            pin.setPromptText(i18n.get("returns.managerPin"));
            pin.getStyleClass().add("touch-field");
            pin.textProperty().bindBidirectional(vm.managerPinProperty());
            pin.visibleProperty().bind(vm.needsManagerProperty());
            pin.managedProperty().bind(pin.visibleProperty());
            Button confirm = button("till-close-confirm", "till.closeConfirm", vm::confirmClose, "accent");
            confirm.disableProperty().bind(vm.countedProperty().not().or(vm.busyProperty()));
            side.getChildren().addAll(Ui.label(i18n.get("till.cardCounted"), "field-label"), card, new HBox(12, counted, back()), expected,
                    pin, confirm);
        } else {
            Button confirm = button("till-open-confirm", "till.openConfirm", vm::confirmOpen, "accent");
            confirm.disableProperty().bind(vm.busyProperty());
            side.getChildren().add(new HBox(12, confirm, back()));
        }
        return scroll(box);
    }

    /** "500 €", "2 €", "0,50 €": as printed on the note or coin. */
    private String denomination(Denomination d) {
        String amount = fr.comptoir.common.Money.ofCents(d.cents()).format(i18n.formats());
        return d.cents() % 100 == 0 ? amount.replaceAll("[,.]00", "") : amount;
    }

    private Node move() {
        boolean in = vm.directionProperty().get() == CashMovement.Direction.IN;
        List<CashMovement.Reason> reasons = in ? List.of(CashMovement.Reason.CHANGE_TOP_UP, CashMovement.Reason.OTHER)
                : List.of(CashMovement.Reason.SAFE_DROP, CashMovement.Reason.BANK_DEPOSIT, CashMovement.Reason.PETTY_CASH, CashMovement.Reason.OTHER);
        FlowPane choices = Ui.choices(reasons, r -> i18n.get("till.reason." + r.name()), vm.reasonProperty().get(), "till-reason-",
                vm.reasonProperty()::set);
        TextField amount = Ui.touchField("till-amount", i18n.get("till.amountPrompt"), vm.amountProperty());
        amount.setMaxWidth(240);
        amount.setOnAction(e -> vm.confirmMove());
        TextField note = Ui.touchField("till-note", i18n.get("till.notePrompt"), vm.noteProperty());
        Button confirm = button("till-move-confirm", in ? "till.cashInConfirm" : "till.cashOutConfirm", vm::confirmMove, "accent");
        confirm.disableProperty().bind(vm.busyProperty());
        return new VBox(12, Ui.label(i18n.get(in ? "till.cashIn" : "till.cashOut"), "title-4"), choices, amount, note, new HBox(12, confirm, back()));
    }

    private Node report() {
        TextArea text = new TextArea();
        text.setId("till-report");
        text.setEditable(false);
        text.getStyleClass().add("receipt");
        text.textProperty().bind(vm.reportProperty());
        text.setPrefColumnCount(44);
        text.setMaxWidth(520);
        VBox.setVgrow(text, Priority.ALWAYS);
        Button print = button("till-print", "till.printAgain", vm::printAgain);
        VBox box = new VBox(12, text, new HBox(12, print, back()));
        box.setAlignment(Pos.TOP_LEFT);
        return box;
    }

    private Button back() {
        return button("till-back", "till.back", vm::back);
    }

    private Button button(String id, String key, Runnable action, String... styles) {
        Button b = Ui.button(i18n.get(key), styles);
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    private static Node scroll(Node content) {
        ScrollPane s = new ScrollPane(content);
        s.setFitToWidth(true);
        return s;
    }
}
