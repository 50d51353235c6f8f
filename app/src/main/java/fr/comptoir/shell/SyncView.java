package fr.comptoir.shell;

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

        TableView<SyncViewModel.FeedRow> table = new TableView<>(vm.rows());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<SyncViewModel.FeedRow, String> feed = new TableColumn<>(i18n.get("sync.feed"));
        feed.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().label()));
        TableColumn<SyncViewModel.FeedRow, Long> records = new TableColumn<>(i18n.get("sync.records"));
        records.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().records()));
        TableColumn<SyncViewModel.FeedRow, String> last = new TableColumn<>(i18n.get("sync.lastSync"));
        last.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().lastSync()));
        table.getColumns().addAll(java.util.List.of(feed, records, last));
        table.setFixedCellSize(44);
        table.setPrefHeight(44 * 7 + 8);
        VBox.setVgrow(table, Priority.ALWAYS);

        javafx.scene.control.ListView<SyncViewModel.AttentionRow> attentionList = new javafx.scene.control.ListView<>(vm.attentionRows());
        attentionList.setCellFactory(lv -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(SyncViewModel.AttentionRow row, boolean empty) {
                super.updateItem(row, empty);
                setText(empty || row == null ? null : row.what() + " · " + row.when() + "\n" + row.problem());
                setWrapText(true);
            }
        });
        attentionList.setPrefHeight(140);
        Label attentionTitle = Ui.label(i18n.get("sync.attentionList"), "title-4");
        VBox attentionBox = new VBox(8, attentionTitle, attentionList);
        attentionBox.visibleProperty().bind(Bindings.isNotEmpty(vm.attentionRows()));
        attentionBox.managedProperty().bind(attentionBox.visibleProperty());

        root.getChildren().addAll(header, progress, facts, attentionBox, table);
        vm.refresh();
        status.statusProperty().addListener((obs, old, s) -> {
            if (old != null && old.running() && !s.running()) {
                vm.refresh();
            }
        });
    }

    private static void addFact(GridPane grid, int row, String name, Label value) {
        Label n = new Label(name);
        n.setMinWidth(Region.USE_PREF_SIZE);
        n.getStyleClass().add("text-muted");
        grid.add(n, 0, row);
        grid.add(value, 1, row);
    }

    public Parent root() {
        return root;
    }
}
