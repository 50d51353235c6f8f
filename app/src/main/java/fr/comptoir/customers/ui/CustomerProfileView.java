package fr.comptoir.customers.ui;

import fr.comptoir.customers.CustomerNote;
import fr.comptoir.uikit.I18n;
import fr.comptoir.uikit.Ui;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** The customer view (360°), built for a finger: large tabs, one thing per card. */
public final class CustomerProfileView {

    private final VBox root = new VBox(12);

    public CustomerProfileView(CustomerProfileViewModel vm, I18n i18n) {
        root.setPadding(new Insets(16, 20, 16, 20));
        root.getStyleClass().addAll("screen", "customer-profile");

        Label name = Ui.label("", "title-1");
        name.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> fr.comptoir.uikit.DisplayText.shown(vm.headingProperty().get()), vm.headingProperty()));
        Label loyalty = Ui.label("", "text-muted");
        loyalty.textProperty().bind(vm.loyaltyProperty());
        Label age = Ui.label("", "text-muted", "text-small");
        age.setId("customer-data-age");
        age.textProperty().bind(vm.dataAgeProperty());
        Button attach = Ui.button(i18n.get("customer.attach"), "accent");
        attach.setOnAction(e -> vm.attachToBasket());
        attach.disableProperty().bind(vm.customerProperty().isNull());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(16, new VBox(4, name, loyalty, age), spacer, attach);
        header.setAlignment(Pos.CENTER_LEFT);

        Label message = Ui.label("", "info-text");
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.textProperty().bind(vm.messageProperty());
        message.visibleProperty().bind(vm.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());

        GridPane cards = new GridPane();
        cards.setHgap(12);
        for (int i = 0; i < 3; i++) {
            javafx.scene.layout.ColumnConstraints col = new javafx.scene.layout.ColumnConstraints();
            // Contact takes the room an e-mail address needs on one line; consent is two short lines.
            col.setPercentWidth(i == 0 ? 36 : i == 1 ? 28 : 36);
            cards.getColumnConstraints().add(col);
        }
        cards.add(card(i18n.get("customer.contact"), vm.contactProperty()), 0, 0);
        cards.add(card(i18n.get("customer.consentTitle"), vm.consentProperty()), 1, 0);
        cards.add(card(i18n.get("customer.spendTitle"), Bindings.concat(vm.spendProperty(), "\n", vm.favouritesProperty())), 2, 0);

        TabPane tabs = new TabPane(
                tab(i18n.get("customer.tab.orders"), orders(vm, i18n)),
                tab(i18n.get("customer.tab.carts"), carts(vm, i18n)),
                tab(i18n.get("customer.tab.notes"), notes(vm, i18n)),
                tab(i18n.get("customer.tab.preferences"), preferences(vm, i18n)),
                tab(i18n.get("customer.tab.spend"), spendChart(vm, i18n)));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        // From the first moment, the file says it is coming (a busy terminal takes a second or two to read it).
        javafx.scene.control.ProgressIndicator spinner = new javafx.scene.control.ProgressIndicator();
        spinner.setMaxSize(36, 36);
        HBox loading = new HBox(12, spinner, Ui.label(i18n.get("customer.loading"), "title-4"));
        loading.setId("customer-loading");
        loading.setAlignment(Pos.CENTER_LEFT);
        loading.visibleProperty().bind(vm.customerProperty().isNull().and(vm.messageProperty().isEmpty()));
        loading.managedProperty().bind(loading.visibleProperty());
        header.visibleProperty().bind(vm.headingProperty().isNotEmpty());
        header.managedProperty().bind(header.visibleProperty());
        for (javafx.scene.Node n : java.util.List.of(cards, tabs)) {
            n.visibleProperty().bind(vm.customerProperty().isNotNull());
            n.managedProperty().bind(n.visibleProperty());
        }
        root.getChildren().addAll(header, loading, message, cards, tabs);
    }

    private static Tab tab(String title, Node content) {
        Tab t = new Tab(title, content);
        t.setClosable(false);
        return t;
    }

    private static Node card(String title, javafx.beans.value.ObservableValue<String> text) {
        Label body = Ui.label("", "card-body");
        Ui.bindWrapped(body, text);
        body.setMinHeight(Region.USE_PREF_SIZE);
        Label heading = Ui.label(title, "card-title");
        heading.setWrapText(true);
        heading.setMinHeight(Region.USE_PREF_SIZE);
        VBox box = new VBox(6, heading, body);
        box.getStyleClass().add("info-card");
        box.setPadding(new Insets(12));
        box.setMaxWidth(Double.MAX_VALUE);
        box.setMaxHeight(Double.MAX_VALUE);
        box.setMinHeight(150);
        return box;
    }

    private static Node orders(CustomerProfileViewModel vm, I18n i18n) {
        ListView<CustomerProfileViewModel.OrderRow> list = new ListView<>(vm.orders());
        list.setId("customer-orders");
        list.setPlaceholder(Ui.label(i18n.get("orders.none"), "text-muted"));
        // Every order with all its lines in its own row: the list scrolls, so every line of every order is in reach.
        Ui.textCells(list, o -> o.date() + "  ·  " + o.channel() + "  ·  " + o.status() + "  ·  " + o.total() + "\n" + o.where()
                + "  ·  " + o.number() + o.lines().stream().map(l -> "\n     " + l).collect(java.util.stream.Collectors.joining()));
        VBox.setVgrow(list, Priority.ALWAYS);
        VBox box = new VBox(8, list);
        box.setPadding(new Insets(8, 0, 0, 0));
        return box;
    }

    private static Node carts(CustomerProfileViewModel vm, I18n i18n) {
        Label status = Ui.label("", "text-muted");
        status.setId("carts-status");
        status.textProperty().bind(vm.cartsStatusProperty());
        VBox list = new VBox(12);
        Runnable fill = () -> {
            list.getChildren().clear();
            for (CustomerProfileViewModel.CartRow row : vm.carts()) {
                GridPane lines = new GridPane();
                lines.setHgap(16);
                lines.setVgap(6);
                int r = 0;
                for (CustomerProfileViewModel.CartLineRow l : row.lines()) {
                    lines.add(new Label(l.quantity() + " × " + l.label()), 0, r);
                    Label price = new Label(l.priceChanged() ? i18n.get("carts.priceChanged", l.priceThen(), l.priceNow()) : l.priceNow());
                    if (l.priceChanged()) {
                        price.getStyleClass().add("text-warning");
                    }
                    lines.add(price, 1, r);
                    lines.add(Ui.label(l.availability(), "text-muted"), 2, r);
                    r++;
                }
                Button go = Ui.button(row.continued() ? i18n.get("carts.inBasket") : i18n.get("carts.continue"), "accent");
                go.setDisable(row.continued());
                go.disableProperty().bind(vm.busyProperty().or(Bindings.createBooleanBinding(row::continued)));
                go.setOnAction(e -> vm.continueInStore(row));
                VBox card = new VBox(8, Ui.label(row.title(), "card-title"), lines, go);
                card.getStyleClass().add("info-card");
                card.setPadding(new Insets(12));
                list.getChildren().add(card);
            }
        };
        vm.carts().addListener((ListChangeListener<CustomerProfileViewModel.CartRow>) c -> fill.run());
        fill.run();
        ScrollPane scroll = new ScrollPane(list);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        VBox box = new VBox(8, status, scroll);
        box.setPadding(new Insets(8, 0, 0, 0));
        return box;
    }

    private static Node notes(CustomerProfileViewModel vm, I18n i18n) {
        TextArea draft = new TextArea();
        draft.setPromptText(i18n.get("notes.prompt"));
        draft.setPrefRowCount(2);
        draft.setWrapText(true);
        draft.textProperty().bindBidirectional(vm.noteDraftProperty());
        Button add = Ui.button(i18n.get("notes.add"));
        add.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        add.setOnAction(e -> vm.addNote());
        HBox.setHgrow(draft, Priority.ALWAYS);
        HBox entry = new HBox(12, draft, add);
        entry.setAlignment(Pos.CENTER_LEFT);
        DateTimeFormatter f = i18n.dateTime();
        ListView<CustomerNote> list = new ListView<>(vm.notes());
        Ui.textCells(list, n -> (n.authorName() == null ? "" : n.authorName() + " · ") + f.format(Instant.parse(n.createdAt())) + "\n" + n.text());
        VBox.setVgrow(list, Priority.ALWAYS);
        VBox box = new VBox(8, entry, list);
        box.setPadding(new Insets(8, 0, 0, 0));
        return box;
    }

    private static Node preferences(CustomerProfileViewModel vm, I18n i18n) {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(8);
        String[] keys = {"preferences.sizes", "preferences.categories", "preferences.brands"};
        javafx.beans.property.StringProperty[] props = {vm.sizesProperty(), vm.categoriesProperty(), vm.brandsProperty()};
        for (int i = 0; i < keys.length; i++) {
            Ui.formRow(grid, i, i18n.get(keys[i]), Ui.touchField(null, null, props[i]));
        }
        Button save = Ui.button(i18n.get("preferences.save"));
        save.setOnAction(e -> vm.savePreferences());
        // Rows in the page itself, not lists in a scrolling page: one scroll for the whole tab, every row in reach.
        VBox wishlist = new VBox(6);
        wishlist.setId("wishlist");
        rowsOf(vm.wishlist(), wishlist, item -> actionRow(item.label(), i18n.get("wishlist.remove"), () -> vm.removeFromWishlist(item)),
                Ui.label(i18n.get("wishlist.empty"), "text-muted"));
        TextField product = Ui.touchField("wishlist-product", i18n.get("wishlist.prompt"), vm.productQueryProperty());
        VBox found = new VBox(6);
        found.setId("wishlist-found");
        rowsOf(vm.productResults(), found, v -> actionRow(v.label(), i18n.get("wishlist.add"), () -> vm.addToWishlist(v)), null);
        found.visibleProperty().bind(Bindings.isNotEmpty(vm.productResults()));
        found.managedProperty().bind(found.visibleProperty());
        VBox box = new VBox(10, grid, save, Ui.label(i18n.get("wishlist.title"), "title-4"), wishlist, product, found);
        box.setPadding(new Insets(8, 0, 0, 0));
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        return scroll;
    }

    /** Keeps {@code box} showing one row per item of {@code items} (or {@code empty} when there is none). */
    private static <T> void rowsOf(javafx.collections.ObservableList<T> items, VBox box, java.util.function.Function<T, Node> row, Node empty) {
        Runnable fill = () -> {
            box.getChildren().setAll(items.stream().map(row).toList());
            if (items.isEmpty() && empty != null) {
                box.getChildren().setAll(empty);
            }
        };
        items.addListener((javafx.collections.ListChangeListener<T>) c -> fill.run());
        fill.run();
    }

    /** A list row: a text, then a button at the right end. */
    private static Node actionRow(String text, String action, Runnable onAction) {
        Button button = Ui.button(action);
        button.setOnAction(e -> onAction.run());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox row = new HBox(8, new Label(text), gap, button);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private static Node spendChart(CustomerProfileViewModel vm, I18n i18n) {
        CategoryAxis x = new CategoryAxis();
        NumberAxis y = new NumberAxis();
        y.setLabel("€");
        BarChart<String, Number> chart = new BarChart<>(x, y);
        chart.setLegendVisible(false);
        chart.setAnimated(false);
        chart.setTitle(i18n.get("customer.spendChart"));
        Runnable fill = () -> {
            XYChart.Series<String, Number> series = new XYChart.Series<>();
            for (Map.Entry<String, Long> e : vm.spendByQuarterProperty().get().entrySet()) {
                series.getData().add(new XYChart.Data<>(e.getKey(), e.getValue() / 100.0));
            }
            chart.getData().setAll(java.util.List.of(series));
        };
        vm.spendByQuarterProperty().addListener((obs, o, n) -> fill.run());
        fill.run();
        return chart;
    }

    public Parent root() {
        return root;
    }
}
