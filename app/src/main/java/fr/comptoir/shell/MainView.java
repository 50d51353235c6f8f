package fr.comptoir.shell;

import fr.comptoir.uikit.I18n;
import fr.comptoir.uikit.Ui;
import fr.comptoir.uikit.StatusBarViewModel;
import fr.comptoir.staff.StaffSession;
import fr.comptoir.sync.Connectivity;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The signed-in window: a navigation rail (Customers, Sell, Pickups, Returns, Till, Sync, Settings), a top bar
 * with the store and who is signed in, and the status bar (online/offline, data age, pending writes).
 */
public final class MainView {

    /** The screens reachable from the rail, in order. */
    public enum Section { CUSTOMERS, SELL, PICKUPS, RETURNS, TILL, SYNC, SETTINGS }

    private final BorderPane root = new BorderPane();
    private final StackPane content = new StackPane();
    private final Map<Section, ToggleButton> navButtons = new LinkedHashMap<>();
    private final Map<Section, Supplier<Node>> screens;
    private Consumer<Section> onSectionShown = s -> { };

    public MainView(I18n i18n, String storeName, StaffSession session, StatusBarViewModel status,
                    Map<Section, Supplier<Node>> screens, Runnable onLock, Runnable onSignOut, String trainingBanner) {
        this.screens = screens;
        root.getStyleClass().add("main-view");

        VBox rail = new VBox(8);
        rail.getStyleClass().add("nav-rail");
        rail.setPadding(new Insets(12));
        ToggleGroup group = new ToggleGroup();
        for (Section s : Section.values()) {
            ToggleButton b = new ToggleButton(i18n.get("nav." + s.name().toLowerCase()));
            b.setFocusTraversable(false);
            b.getStyleClass().add("nav-button");
            b.setToggleGroup(group);
            b.setMaxWidth(Double.MAX_VALUE);
            b.setMinHeight(64);
            b.setOnAction(e -> show(s));
            navButtons.put(s, b);
            if (s == Section.SYNC) {
                Region gap = new Region();
                VBox.setVgrow(gap, Priority.ALWAYS);
                rail.getChildren().add(gap);
            }
            rail.getChildren().add(b);
        }
        rail.setPrefWidth(168);

        Label store = Ui.label(storeName, "title-3");
        Label who = Ui.label(session.staff().displayName() + " · " + i18n.get("role." + session.staff().role().name()), "text-muted");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button lock = Ui.button(i18n.get("shell.lock"));
        lock.setId("shell-lock");
        lock.setOnAction(e -> onLock.run());
        Button signOut = Ui.button(i18n.get("shell.signOut"));
        signOut.setOnAction(e -> onSignOut.run());
        HBox top = new HBox(16, store, who, spacer, lock, signOut);
        top.getStyleClass().add("top-bar");
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(8, 16, 8, 16));

        if (trainingBanner != null) {
            // Training mode: said at the top of every screen, in the warning colour (decision 0032).
            Label banner = Ui.label(trainingBanner, "title-4", "training-banner");
            banner.setId("training-banner");
            banner.setMaxWidth(Double.MAX_VALUE);
            banner.setStyle("-fx-background-color: #fd7e14; -fx-text-fill: white; -fx-padding: 8 16 8 16;");
            root.setTop(new VBox(banner, top));
        } else {
            root.setTop(top);
        }
        root.setLeft(rail);
        root.setCenter(content);
        root.setBottom(statusBar(status));
        show(Section.CUSTOMERS);
    }

    private static Node statusBar(StatusBarViewModel status) {
        Circle dot = new Circle(7);
        dot.getStyleClass().add("status-dot");
        status.statusProperty().addListener((obs, o, s) -> updateDot(dot, s.connectivity()));
        updateDot(dot, status.statusProperty().get().connectivity());
        Label connectivity = new Label();
        connectivity.setId("status-connectivity");
        connectivity.textProperty().bind(status.connectivityText());
        Label age = new Label();
        age.setId("status-data-age");
        age.textProperty().bind(status.dataAgeText());
        Label pending = new Label();
        pending.setId("status-pending");
        pending.textProperty().bind(status.pendingText());
        Label attention = new Label();
        attention.textProperty().bind(status.attentionText());
        attention.visibleProperty().bind(Bindings.createBooleanBinding(() -> status.statusProperty().get().needsAttention() > 0, status.statusProperty()));
        attention.getStyleClass().add("error-text");
        Label problem = new Label();
        problem.setId("status-problem");
        problem.textProperty().bind(status.problemText());
        problem.getStyleClass().add("error-text");
        problem.setMinWidth(0);
        problem.setMaxWidth(Double.MAX_VALUE);
        javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip();
        tip.textProperty().bind(problem.textProperty());
        tip.setWrapText(true);
        tip.setMaxWidth(600);
        problem.setTooltip(tip);
        HBox.setHgrow(problem, javafx.scene.layout.Priority.ALWAYS);
        HBox bar = new HBox(24, new HBox(8, dot, connectivity), age, pending, attention, problem);
        ((HBox) bar.getChildren().get(0)).setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("status-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 16, 8, 16));
        return bar;
    }

    private static void updateDot(Circle dot, Connectivity c) {
        dot.getStyleClass().removeAll("online", "offline", "unknown");
        dot.getStyleClass().add(c.name().toLowerCase());
    }

    public void show(Section section) {
        navButtons.get(section).setSelected(true);
        content.getChildren().setAll(screens.get(section).get());
        onSectionShown.accept(section);
    }

    /** Told which section is shown, so that the window can come back to it (after a language change). */
    public void setOnSectionShown(Consumer<Section> listener) {
        this.onSectionShown = listener;
    }

    public Parent root() {
        return root;
    }
}
