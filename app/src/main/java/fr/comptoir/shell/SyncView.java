package fr.comptoir.shell;

import fr.comptoir.uikit.I18n;
import fr.comptoir.uikit.Ui;
import fr.comptoir.uikit.StatusBarViewModel;
import fr.comptoir.sync.SyncStatus;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.beans.property.ReadOnlyObjectWrapper;

/** The Sync screen for store managers and head-office IT: connection, data per feed, pending writes. */
public final class SyncView {

    private final VBox root = new VBox(16);

    public SyncView(SyncViewModel vm, StatusBarViewModel status, I18n i18n, String platformDescription) {
        root.getStyleClass().add("screen");
        root.setPadding(new Insets(24));

        Label title = Ui.label(i18n.get("sync.title"), "title-1");
        Button now = Ui.button(i18n.get("sync.now"), "accent");
        now.setOnAction(e -> vm.syncNow());
        now.disableProperty().bind(Bindings.createBooleanBinding(() -> status.statusProperty().get().running(), status.statusProperty()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(16, title, spacer, now);
        header.setAlignment(Pos.CENTER_LEFT);

        ProgressBar progress = new ProgressBar();
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.visibleProperty().bind(Bindings.createBooleanBinding(() -> status.statusProperty().get().running(), status.statusProperty()));
        progress.managedProperty().bind(progress.visibleProperty());
        progress.progressProperty().bind(Bindings.createDoubleBinding(() -> {
            SyncStatus s = status.statusProperty().get();
            return s.progress() < 0 ? ProgressBar.INDETERMINATE_PROGRESS : s.progress();
        }, status.statusProperty()));

        GridPane facts = new GridPane();
        facts.setHgap(24);
        facts.setVgap(8);
        facts.getStyleClass().add("facts");
        addFact(facts, 0, i18n.get("sync.platform"), new Label(platformDescription));
        Label connection = new Label();
        connection.textProperty().bind(status.connectivityText());
        addFact(facts, 1, i18n.get("sync.connection"), connection);
        Label pending = new Label();
        pending.textProperty().bind(Bindings.createStringBinding(() -> Long.toString(status.statusProperty().get().pendingWrites()), status.statusProperty()));
        addFact(facts, 2, i18n.get("sync.pending"), pending);
        Label attention = new Label();
        attention.textProperty().bind(Bindings.createStringBinding(() -> Long.toString(status.statusProperty().get().needsAttention()), status.statusProperty()));
        addFact(facts, 3, i18n.get("sync.attention"), attention);
        Label error = new Label();
        error.setWrapText(true);
        error.textProperty().bind(Bindings.createStringBinding(() -> {
            SyncStatus s = status.statusProperty().get();
            if (s.lastError() == null) {
                return i18n.get("sync.none");
            }
            // Offline is expected in a store: say what it means in the terminal's language, then the technical cause.
            return s.connectivity() == fr.comptoir.sync.Connectivity.OFFLINE
                    ? i18n.get("sync.offlineExplained") + "\n" + s.lastError()
                    : s.lastError();
        }, status.statusProperty()));
        addFact(facts, 4, i18n.get("sync.lastError"), error);
        Label waiting = new Label();
        waiting.setWrapText(true);
        waiting.setId("sync-delivery-problem");
        waiting.textProperty().bind(Bindings.createStringBinding(() -> {
            SyncStatus s = status.statusProperty().get();
            return s.pendingWrites() == 0 || s.deliveryProblem() == null ? i18n.get("sync.none") : s.deliveryProblem();
        }, status.statusProperty()));
        addFact(facts, 5, i18n.get("sync.waitingBecause"), waiting);

        TableView<SyncViewModel.FeedRow> table = new TableView<>(vm.rows());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        TableColumn<SyncViewModel.FeedRow, String> feed = new TableColumn<>(i18n.get("sync.feed"));
        feed.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().label()));
        TableColumn<SyncViewModel.FeedRow, Long> records = new TableColumn<>(i18n.get("sync.records"));
        records.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().records()));
        TableColumn<SyncViewModel.FeedRow, String> last = new TableColumn<>(i18n.get("sync.lastSync"));
        last.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().lastSync()));
        table.getColumns().addAll(java.util.List.of(feed, records, last));
        // Read-only rows (nothing to touch): compact. Under the facts, across the screen: no heading, platform
        // name or date is cut, in either language.
        table.setFixedCellSize(34);
        table.setPrefHeight(34 * 12 + 40);
        table.setMinHeight(34 * 4);
        feed.setPrefWidth(300);
        feed.setMaxWidth(360);
        records.setPrefWidth(200);
        records.setMaxWidth(220);
        last.setMinWidth(220);
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox overview = new VBox(16, facts, table);
        VBox.setVgrow(overview, Priority.ALWAYS);

        VBox attentionBox = attentionPanel(vm, i18n);
        attentionBox.visibleProperty().bind(Bindings.isNotEmpty(vm.attentionRows()).or(vm.messageProperty().isNotEmpty()));
        attentionBox.managedProperty().bind(attentionBox.visibleProperty());

        VBox.setVgrow(attentionBox, Priority.ALWAYS);
        root.getChildren().addAll(header, progress, overview, attentionBox);
        vm.refresh();
        status.statusProperty().addListener((obs, old, s) -> {
            if (old != null && old.running() && !s.running()) {
                vm.refresh();
            }
        });
    }

    /** The refused writes, and what a manager may do with the one chosen. */
    private static VBox attentionPanel(SyncViewModel vm, I18n i18n) {
        javafx.scene.control.ListView<SyncViewModel.AttentionRow> list = new javafx.scene.control.ListView<>(vm.attentionRows());
        list.setId("sync-attention");
        Ui.textCells(list, row -> row.what() + " · " + row.when() + "\n" + row.problem());
        list.setPrefHeight(200);
        list.setMinHeight(150);
        list.setMinWidth(360);
        HBox.setHgrow(list, Priority.ALWAYS);
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> vm.selectedProperty().set(row));
        vm.selectedProperty().addListener((obs, old, row) -> {
            if (row == null) {
                list.getSelectionModel().clearSelection();
            }
        });

        Label chosen = new Label();
        chosen.setWrapText(true);
        chosen.setMinHeight(Region.USE_PREF_SIZE);
        chosen.getStyleClass().add("text-bold");
        chosen.textProperty().bind(Bindings.createStringBinding(() -> vm.selectedProperty().get() == null ? i18n.get("sync.attentionHint")
                : vm.selectedProperty().get().what(), vm.selectedProperty()));
        javafx.beans.binding.BooleanBinding none = vm.selectedProperty().isNull();
        javafx.beans.binding.BooleanBinding canCorrect = Bindings.createBooleanBinding(() -> vm.selectedProperty().get() != null
                && !vm.selectedProperty().get().correctable().isEmpty(), vm.selectedProperty());

        javafx.scene.control.TextField email = Ui.touchField("sync-correct-email", i18n.get("sync.correctEmail"), vm.correction("email"));
        javafx.scene.control.TextField phone = Ui.touchField("sync-correct-phone", i18n.get("sync.correctPhone"), vm.correction("phone"));
        for (javafx.scene.control.TextField f : new javafx.scene.control.TextField[]{email, phone}) {
            String field = f == email ? "email" : "phone";
            f.visibleProperty().bind(Bindings.createBooleanBinding(() -> vm.selectedProperty().get() != null
                    && vm.selectedProperty().get().correctable().containsKey(field), vm.selectedProperty()));
            f.managedProperty().bind(f.visibleProperty());
        }
        javafx.scene.control.TextField reason = Ui.touchField("sync-discard-reason", i18n.get("sync.discardReason"), vm.discardReasonProperty());
        javafx.scene.control.PasswordField pin = new javafx.scene.control.PasswordField();
        pin.setId("sync-manager-pin");
        pin.setPromptText(i18n.get("sync.managerPin"));
        pin.getStyleClass().add("touch-field");
        pin.textProperty().bindBidirectional(vm.managerPinProperty());

        Button retry = Ui.button(i18n.get("sync.retry"), "accent");
        retry.setId("sync-retry");
        retry.setOnAction(e -> vm.resolve(SyncViewModel.Action.RETRY));
        Button correct = Ui.button(i18n.get("sync.correct"));
        correct.setId("sync-correct");
        correct.setOnAction(e -> vm.resolve(SyncViewModel.Action.CORRECT));
        correct.visibleProperty().bind(canCorrect);
        correct.managedProperty().bind(correct.visibleProperty());
        Button discard = Ui.button(i18n.get("sync.discard"), "danger");
        discard.setId("sync-discard");
        discard.setMinWidth(Region.USE_PREF_SIZE);
        discard.setOnAction(e -> vm.resolve(SyncViewModel.Action.DISCARD));
        for (javafx.scene.Node n : new javafx.scene.Node[]{retry, correct, discard, reason, pin}) {
            n.disableProperty().bind(none);
        }
        HBox fields = new HBox(10, email, phone);
        for (javafx.scene.control.TextField f : new javafx.scene.control.TextField[]{email, phone}) {
            HBox.setHgrow(f, Priority.ALWAYS);
        }
        fields.visibleProperty().bind(canCorrect);
        fields.managedProperty().bind(fields.visibleProperty());
        HBox sendRow = new HBox(10, retry, correct);
        HBox.setHgrow(reason, Priority.ALWAYS);
        HBox discardRow = new HBox(10, reason, discard);
        Label message = Ui.label("", "info-text");
        message.setId("sync-attention-message");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.textProperty().bind(vm.messageProperty());

        VBox actionsBox = new VBox(10, chosen, fields, pin, sendRow, discardRow, message);
        actionsBox.setPrefWidth(480);
        actionsBox.setMinWidth(420);
        HBox body = new HBox(16, list, actionsBox);
        return new VBox(8, Ui.label(i18n.get("sync.attentionList"), "title-4"), body);
    }

    private static void addFact(GridPane grid, int row, String name, Label value) {
        Label n = new Label(name);
        n.setMinWidth(Region.USE_PREF_SIZE);
        n.getStyleClass().add("text-muted");
        grid.add(n, 0, row);
        grid.add(value, 1, row);
    }

    /** The screen, scrolling when a small window cannot show it whole. */
    public Parent root() {
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(root);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.getStyleClass().add("edge-to-edge");
        return scroll;
    }
}
