package fr.comptoir.activation;

import fr.comptoir.uikit.I18n;
import fr.comptoir.uikit.StatusBarViewModel;
import fr.comptoir.uikit.Ui;
import fr.comptoir.sync.Connectivity;
import fr.comptoir.sync.SyncStatus;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;

/** The first full sync after activation, with a progress bar: the store is not usable before it ends. */
public final class FirstSyncView {

    private final VBox root = new VBox(20);

    public FirstSyncView(StatusBarViewModel status, I18n i18n) {
        root.getStyleClass().add("screen");
        root.setAlignment(Pos.CENTER);
        root.setPadding(new Insets(48));
        Label title = Ui.label(i18n.get("firstSync.title"), "title-1");
        ProgressBar bar = new ProgressBar();
        bar.setPrefWidth(560);
        bar.setPrefHeight(24);
        bar.progressProperty().bind(Bindings.createDoubleBinding(() -> {
            SyncStatus s = status.statusProperty().get();
            return s.progress() < 0 ? ProgressBar.INDETERMINATE_PROGRESS : s.progress();
        }, status.statusProperty()));
        Label detail = Ui.label("", "text-muted");
        detail.textProperty().bind(Bindings.createStringBinding(() -> {
            SyncStatus s = status.statusProperty().get();
            if (s.connectivity() == Connectivity.OFFLINE) {
                return i18n.get("firstSync.offline");
            }
            if (s.currentFeed() == null) {
                return i18n.get("firstSync.waiting");
            }
            return i18n.get("firstSync.progress", i18n.get("feed." + s.currentFeed()))
                    + (s.progress() >= 0 ? "  " + Math.round(s.progress() * 100) + " %" : "");
        }, status.statusProperty()));
        root.getChildren().addAll(title, bar, detail);
    }

    public Parent root() {
        return root;
    }
}
