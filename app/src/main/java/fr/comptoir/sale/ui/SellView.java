package fr.comptoir.sale.ui;

import fr.comptoir.catalog.VariantInfo;
import fr.comptoir.sale.Basket;
import fr.comptoir.uikit.I18n;
import fr.comptoir.uikit.ScanRouter;
import fr.comptoir.uikit.Ui;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The Sell screen: an entry field for codes and product names, the basket's lines with touch-sized
 * quantity and void buttons, the VAT breakdown and total, and a customer search to attach one. A scan
 * lands in the basket whatever has the focus: the window's {@link ScanRouter} sends it here while the
 * screen is shown.
 */
public final class SellView {

    private final BorderPane root = new BorderPane();

    /** @param onDiscount opens the discount panel for a line (its index) or the whole basket (-1) */
    public SellView(SellViewModel vm, Basket basket, I18n i18n, ScanRouter scans, Node customerSearch, Runnable onPay,
                    java.util.function.IntConsumer onDiscount, java.util.function.IntConsumer onOrderElsewhere, Runnable onReprint,
                    Runnable openDrawer) {
        root.getStyleClass().add("screen");

        TextField entry = Ui.touchField("sell-entry", i18n.get("sell.prompt"), vm.entryProperty());
        entry.setOnAction(e -> vm.submitEntry());
        ListView<SellViewModel.ProductChoice> found = new ListView<>(vm.searchResults());
        found.setId("sell-found");
        found.setPrefHeight(170);
        found.setMinHeight(112);
        Ui.textCells(found, p -> p.name() + "   " + p.price() + "\n" + p.detail());
        found.setOnMouseClicked(e -> {
            SellViewModel.ProductChoice p = found.getSelectionModel().getSelectedItem();
            if (p != null) {
                vm.choose(p);
                entry.requestFocus();
            }
        });
        found.visibleProperty().bind(Bindings.isNotEmpty(vm.searchResults()).and(vm.choosingProperty().isNull()));
        found.managedProperty().bind(found.visibleProperty());

        // Sizes and colours of the product tapped: one row of size buttons per colour, with the units here.
        VBox chooser = new VBox(8);
        chooser.setPadding(new Insets(12));
        javafx.scene.control.ScrollPane chooserPane = new javafx.scene.control.ScrollPane(chooser);
        chooserPane.setId("sell-variant-chooser");
        chooserPane.getStyleClass().add("variant-chooser");
        chooserPane.setFitToWidth(true);
        chooserPane.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        VBox.setVgrow(chooserPane, Priority.ALWAYS);
        chooserPane.visibleProperty().bind(vm.choosingProperty().isNotNull());
        chooserPane.managedProperty().bind(chooserPane.visibleProperty());
        vm.choosingProperty().addListener((obs, old, product) -> {
            chooser.getChildren().clear();
            if (product == null) {
                // The next item may be typed: the entry field takes the keys again.
                entry.requestFocus();
                return;
            }
            Button back = Ui.button(i18n.get("sell.back"), "flat");
            back.setOnAction(e -> vm.cancelChoice());
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            HBox title = new HBox(12, Ui.label(product.name() + "   " + product.price(), "title-4"), gap, back);
            title.setAlignment(Pos.CENTER_LEFT);
            chooser.getChildren().addAll(title, Ui.label(i18n.get("sell.chooseVariant"), "text-muted"));
            product.byColour().forEach((colour, variants) -> {
                javafx.scene.layout.FlowPane sizes = new javafx.scene.layout.FlowPane(8, 8);
                for (VariantInfo v : variants) {
                    Button b = new Button((v.size() == null ? i18n.get("sell.oneSize") : v.size()) + "\n" + i18n.get("sell.sizeHere", v.availableHere()));
                    b.getStyleClass().add("variant-key");
                    if (v.availableHere() == 0) {
                        b.getStyleClass().add("variant-key-none");
                    }
                    b.setMinSize(88, 60);
                    b.setFocusTraversable(false);
                    b.setOnAction(e -> vm.add(v));
                    sizes.getChildren().add(b);
                }
                Label name = Ui.label(colour, "variant-colour");
                name.setMinWidth(110);
                HBox row = new HBox(12, name, sizes);
                row.setAlignment(Pos.CENTER_LEFT);
                HBox.setHgrow(sizes, Priority.ALWAYS);
                chooser.getChildren().add(row);
            });
        });

        Label message = Ui.label("");
        message.setId("sell-message");
        fr.comptoir.uikit.Notice.show(vm.notice(), message);
        message.managedProperty().bind(message.visibleProperty());
        message.setMaxWidth(Double.MAX_VALUE);
        message.setMinHeight(Region.USE_PREF_SIZE);

        Label customer = Ui.label("", "title-4");
        customer.setId("basket-customer");
        Runnable showCustomer = () -> customer.setText(basket.customer() == null ? i18n.get("basket.noCustomer")
                : i18n.get("basket.customer", basket.customer().fullName()));
        Runnable stopShowing = basket.addListener(b -> showCustomer.run());
        showCustomer.run();
        Button detach = Ui.button(i18n.get("basket.detach"));
        detach.setOnAction(e -> basket.detachCustomer());
        detach.setDisable(basket.customer() == null);
        Runnable stopDetach = basket.addListener(b -> detach.setDisable(b.customer() == null));

        ListView<SellViewModel.LineRow> lines = new ListView<>(vm.lines());
        lines.setId("basket-lines");
        lines.setPlaceholder(new Label(i18n.get("basket.empty")));
        lines.setCellFactory(lv -> new LineCell(vm, i18n, onDiscount, onOrderElsewhere));
        VBox.setVgrow(lines, Priority.ALWAYS);
        lines.setMinHeight(100);
        // The line just added or changed comes into sight, with its buttons.
        vm.changedLineProperty().addListener((obs, old, index) -> {
            if (index.intValue() >= 0) {
                lines.scrollTo(index.intValue());
            }
        });
        // While a size and colour are chosen, the chooser takes the basket's room; the totals stay in view.
        lines.visibleProperty().bind(vm.choosingProperty().isNull());
        lines.managedProperty().bind(lines.visibleProperty());

        GridPane vat = new GridPane();
        vat.setHgap(16);
        vat.getStyleClass().add("vat-table");
        Runnable showVat = () -> {
            vat.getChildren().clear();
            String[] head = {i18n.get("sell.vatRate"), i18n.get("sell.vatBase"), i18n.get("sell.vatAmount"), i18n.get("sell.vatTotal")};
            for (int c = 0; c < head.length; c++) {
                vat.add(unclipped(Ui.label(head[c], "text-muted")), c, 0);
            }
            int r = 1;
            for (SellViewModel.VatRow row : vm.vat()) {
                vat.add(unclipped(new Label(row.rate())), 0, r);
                vat.add(unclipped(new Label(row.base())), 1, r);
                vat.add(unclipped(new Label(row.vat())), 2, r);
                vat.add(unclipped(new Label(row.total())), 3, r);
                r++;
            }
        };
        vm.vat().addListener((javafx.collections.ListChangeListener<SellViewModel.VatRow>) c -> showVat.run());
        showVat.run();
        Label total = Ui.label("", "title-2");
        total.setId("basket-total");
        total.textProperty().bind(vm.totalProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Button pay = Ui.button(i18n.get("sell.pay"), "large-action", "accent");
        pay.setId("sell-pay");
        pay.setMinWidth(180);
        pay.disableProperty().bind(Bindings.isEmpty(vm.lines()));
        pay.setOnAction(e -> {
            if (vm.readyToPay()) {
                onPay.run();
            }
        });
        Button discount = Ui.button(i18n.get("sell.discount"));
        discount.setId("sell-discount");
        discount.disableProperty().bind(Bindings.isEmpty(vm.lines()));
        discount.setOnAction(e -> onDiscount.accept(-1));
        // The total on its own row, the VAT per rate beside the buttons: amounts in the thousands fit whole.
        total.setMinWidth(Region.USE_PREF_SIZE);
        // Money already taken for this sale (back from the Payment screen): the basket may only grow.
        Label paidSoFar = Ui.label("", "text-warning");
        paidSoFar.setId("basket-paid");
        paidSoFar.textProperty().bind(vm.paidSoFarProperty());
        paidSoFar.visibleProperty().bind(vm.paidSoFarProperty().isNotEmpty());
        paidSoFar.managedProperty().bind(paidSoFar.visibleProperty());
        paidSoFar.setMinWidth(Region.USE_PREF_SIZE);
        Region totalGap = new Region();
        HBox.setHgrow(totalGap, Priority.ALWAYS);
        HBox totalRow = new HBox(12, paidSoFar, totalGap, total);
        totalRow.setAlignment(Pos.CENTER_RIGHT);
        HBox actionsRow = new HBox(10, vat, gap, discount, pay);
        actionsRow.setAlignment(Pos.BOTTOM_LEFT);
        discount.setMinWidth(Region.USE_PREF_SIZE);
        VBox totals = new VBox(4, totalRow, actionsRow);

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox head = new HBox(12, Ui.label(i18n.get("basket.title"), "title-2"), spacer, customer, detach);
        head.setAlignment(Pos.CENTER_LEFT);
        Button park = Ui.button(i18n.get("sell.park"));
        park.setId("sell-park");
        park.disableProperty().bind(Bindings.isEmpty(vm.lines()));
        park.setOnAction(e -> vm.park());
        Button resume = Ui.button("");
        resume.setId("sell-resume");
        resume.textProperty().bind(Bindings.createStringBinding(() -> i18n.get("sell.resume", vm.parked().size()), vm.parked()));
        resume.disableProperty().bind(Bindings.isEmpty(vm.parked()));
        Button voidSale = Ui.button(i18n.get("sell.void"), "danger");
        voidSale.setId("sell-void");
        voidSale.disableProperty().bind(Bindings.isEmpty(vm.lines()));
        Button reprint = Ui.button(i18n.get("sell.reprint"));
        reprint.setId("sell-reprint");
        reprint.setOnAction(e -> onReprint.run());
        Button drawer = Ui.button(i18n.get("sell.openDrawer"));
        drawer.setId("sell-open-drawer");
        // Wraps onto a second row rather than cutting a label, whatever the language.
        javafx.scene.layout.FlowPane actions = new javafx.scene.layout.FlowPane(10, 10, park, resume, voidSale, reprint, drawer);
        actions.getChildren().forEach(b -> b.getStyleClass().add("compact-action"));
        for (Node n : actions.getChildren()) {
            ((Button) n).setMinWidth(Region.USE_PREF_SIZE);
        }

        ListView<fr.comptoir.sale.ParkedSale> parkedList = new ListView<>(vm.parked());
        parkedList.setId("parked-sales");
        // Touch rows (56 px at least), two and a half in sight (more scroll): a squeezed list would show a strip
        // of half rows, a taller one would push the totals out of a 1280×800 window.
        parkedList.setPrefHeight(2.5 * 60 + 4);
        parkedList.setMinHeight(Region.USE_PREF_SIZE);
        java.time.format.DateTimeFormatter hour = i18n.time();
        Ui.textCells(parkedList, p -> i18n.get("sell.parkedLine", hour.format(java.time.Instant.parse(p.parkedAt())),
                p.customer() == null ? p.parkedBy() : p.customer().fullName(), fr.comptoir.common.Money.ofCents(p.totalCents()).format(i18n.formats())));
        parkedList.setVisible(false);
        parkedList.managedProperty().bind(parkedList.visibleProperty());
        parkedList.setOnMouseClicked(e -> {
            fr.comptoir.sale.ParkedSale p = parkedList.getSelectionModel().getSelectedItem();
            if (p != null) {
                vm.resume(p);
                parkedList.setVisible(false);
            }
        });
        resume.setOnAction(e -> parkedList.setVisible(!parkedList.isVisible()));

        Button confirmVoid = Ui.button(i18n.get("sell.voidConfirm"), "danger");
        confirmVoid.setId("void-confirm");
        VBox voidBox = managerPinBox(i18n, "void-manager-pin", i18n.get("sell.voidExplain"), confirmVoid, voidSale,
                (pin, box) -> vm.voidSale(pin, () -> box.setVisible(false)));
        // The balance of a pickup order is cancelled without a manager: nothing was sold nor handed over.
        javafx.event.EventHandler<javafx.event.ActionEvent> askManager = voidSale.getOnAction();
        voidSale.setOnAction(e -> {
            if (!vm.cancelSettlement()) {
                askManager.handle(e);
            }
        });
        Button confirmDrawer = Ui.button(i18n.get("sell.openDrawer"), "accent");
        VBox drawerBox = managerPinBox(i18n, "drawer-manager-pin", i18n.get("sell.drawerExplain"), confirmDrawer, drawer, (pin, box) -> {
            vm.openDrawer(pin, openDrawer);
            box.setVisible(false);
        });

        // A line waiting for a manager to be removed (when the store asks for one).
        javafx.scene.control.PasswordField linePin = new javafx.scene.control.PasswordField();
        linePin.setId("line-void-manager-pin");
        linePin.setPromptText(i18n.get("discount.managerPin"));
        linePin.getStyleClass().add("touch-field");
        Button confirmLine = Ui.button(i18n.get("sell.lineVoidConfirm"), "danger");
        confirmLine.setId("line-void-confirm");
        Button keepLine = Ui.button(i18n.get("sell.lineVoidKeep"));
        Runnable confirmLineVoid = () -> {
            vm.confirmLineVoid(linePin.getText());
            linePin.clear();
        };
        confirmLine.setOnAction(e -> confirmLineVoid.run());
        linePin.setOnAction(e -> confirmLineVoid.run());
        keepLine.setOnAction(e -> {
            linePin.clear();
            vm.cancelLineVoid();
        });
        HBox lineVoidBox = new HBox(10, linePin, confirmLine, keepLine);
        lineVoidBox.visibleProperty().bind(vm.lineToVoidProperty().greaterThanOrEqualTo(0));
        lineVoidBox.managedProperty().bind(lineVoidBox.visibleProperty());
        lineVoidBox.visibleProperty().addListener((obs, was, now) -> {
            if (now) {
                linePin.requestFocus();
            }
        });

        VBox main = new VBox(10, head, actions, parkedList, voidBox, drawerBox, lineVoidBox, entry, found, chooserPane, message, lines, totals);
        main.setPadding(new Insets(16, 20, 16, 20));
        root.setCenter(main);
        VBox side = new VBox(8, Ui.label(i18n.get("basket.attach"), "title-4"), customerSearch);
        side.setPadding(new Insets(16));
        side.setPrefWidth(340);
        side.getStyleClass().add("master-pane");
        VBox.setVgrow(customerSearch, Priority.ALWAYS);
        root.setRight(side);

        scans.routeWhileShown(root, code -> {
            vm.scanned(code);
            entry.requestFocus();
        });
        root.sceneProperty().addListener((obs, old, scene) -> {
            if (old != null && scene == null) {
                // Left for another screen: never built again, so it lets go of the shared basket.
                stopShowing.run();
                stopDetach.run();
                vm.dispose();
            }
            if (scene != null) {
                entry.requestFocus();
            }
        });
    }

    public Parent root() {
        return root;
    }

    /**
     * An explanation, a manager PIN field and its confirm button, shown and hidden by {@code toggle};
     * Enter in the field confirms too. The PIN is cleared after each try.
     */
    private static VBox managerPinBox(I18n i18n, String pinId, String explanation, Button confirm, Button toggle,
                                      java.util.function.BiConsumer<String, VBox> onConfirm) {
        javafx.scene.control.PasswordField pin = new javafx.scene.control.PasswordField();
        pin.setId(pinId);
        pin.setPromptText(i18n.get("discount.managerPin"));
        pin.getStyleClass().add("touch-field");
        VBox box = new VBox(8, Ui.label(explanation, "text-warning"), new HBox(10, pin, confirm));
        box.setVisible(false);
        box.managedProperty().bind(box.visibleProperty());
        Runnable go = () -> {
            onConfirm.accept(pin.getText(), box);
            pin.clear();
        };
        confirm.setOnAction(e -> go.run());
        pin.setOnAction(e -> go.run());
        toggle.setOnAction(e -> box.setVisible(!box.isVisible()));
        return box;
    }

    private static Label unclipped(Label l) {
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static final class LineCell extends ListCell<SellViewModel.LineRow> {
        private final SellViewModel vm;
        private final I18n i18n;
        private final java.util.function.IntConsumer onDiscount;
        private final java.util.function.IntConsumer onOrder;

        LineCell(SellViewModel vm, I18n i18n, java.util.function.IntConsumer onDiscount, java.util.function.IntConsumer onOrder) {
            this.vm = vm;
            this.i18n = i18n;
            this.onDiscount = onDiscount;
            this.onOrder = onOrder;
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(SellViewModel.LineRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            // The name, then the price with the buttons, then what was taken off and how it is fulfilled,
            // each on the cell's whole width so that nothing is cut.
            Label label = new Label(row.label() + (row.fromCart() ? "  (" + i18n.get("basket.fromCart") + ")" : ""));
            label.setMinWidth(0);
            Label unit = Ui.label(row.unitPrice(), "text-muted");
            unit.setMinWidth(Region.USE_PREF_SIZE);
            Button minus = small("−", () -> vm.decrement(row.index()));
            Label qty = new Label(Integer.toString(row.quantity()));
            qty.setMinWidth(32);
            qty.setAlignment(Pos.CENTER);
            Button plus = small("+", () -> vm.increment(row.index()));
            Label total = Ui.label(row.total(), "title-4");
            total.setMinWidth(Region.USE_PREF_SIZE);
            total.setPrefWidth(110);
            total.setAlignment(Pos.CENTER_RIGHT);
            Button percent = small("%", () -> onDiscount.accept(row.index()));
            Button voidIt = small("✕", () -> vm.voidLine(row.index()));
            voidIt.getStyleClass().add("danger");
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            // An order's balance is paid as it is: no buttons to change it (decision 0029).
            // An item coming back refunds what it was paid: it is taken off (✕), never changed.
            HBox controls = vm.settlesOrder() ? new HBox(10, unit, gap, total)
                    : row.quantity() < 0 ? new HBox(10, unit, gap, qty, total, voidIt)
                    : new HBox(10, unit, gap, minus, qty, plus, total, percent, voidIt);
            controls.setAlignment(Pos.CENTER_LEFT);
            VBox box = new VBox(2, label, controls);
            if (row.discount() != null) {
                Label discount = Ui.label(row.discount(), "text-muted");
                discount.setMinWidth(0);
                box.getChildren().add(discount);
            }
            if (row.fulfilment() != null) {
                box.getChildren().add(Ui.label(row.fulfilment(), "info-text"));
            } else if (row.notHere()) {
                Button order = new Button(i18n.get("aisle.order"));
                order.getStyleClass().add("text-warning");
                order.setMinHeight(44);
                order.setMinWidth(Region.USE_PREF_SIZE);
                order.setFocusTraversable(false);
                order.setOnAction(e -> onOrder.accept(row.index()));
                Label missing = new Label(i18n.get("carts.notHere"));
                missing.getStyleClass().add("text-warning");
                missing.setMinWidth(Region.USE_PREF_SIZE);
                HBox warn = new HBox(8, missing, order);
                warn.setAlignment(Pos.CENTER_LEFT);
                box.getChildren().add(warn);
            }
            setGraphic(box);
            setText(null);
        }

        private static Button small(String text, Runnable action) {
            Button b = new Button(text);
            b.setMinSize(56, 56);
            b.setStyle("-fx-padding: 4px;");
            b.setFocusTraversable(false);
            b.setOnAction(e -> action.run());
            return b;
        }
    }
}
