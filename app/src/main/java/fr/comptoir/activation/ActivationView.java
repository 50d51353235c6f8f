package fr.comptoir.activation;

import fr.comptoir.uikit.I18n;
import fr.comptoir.uikit.Ui;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/** The first-start screen: the demo store in one touch, or a central platform's address and code. */
public final class ActivationView {

    private final VBox root = new VBox(16);

    /** @param onLanguage the language chosen before activating (the screens are shown again in it) */
    public ActivationView(ActivationViewModel vm, I18n i18n, java.util.function.Consumer<java.util.Locale> onLanguage) {
        root.getStyleClass().addAll("screen", "activation");
        root.setAlignment(Pos.CENTER);
        root.setPadding(new Insets(32));
        root.setMaxWidth(640);

        // The language first, whatever the machine's own (a terminal set up in English for a French store, say).
        javafx.scene.layout.HBox languages = new javafx.scene.layout.HBox(8);
        languages.setAlignment(Pos.CENTER_RIGHT);
        for (java.util.Locale l : java.util.List.of(java.util.Locale.FRENCH, java.util.Locale.ENGLISH)) {
            Button b = Ui.button(l.getDisplayLanguage(l).substring(0, 1).toUpperCase(l) + l.getDisplayLanguage(l).substring(1),
                    l.getLanguage().equals(i18n.locale().getLanguage()) ? "accent" : "flat");
            b.setId("activation-language-" + l.getLanguage());
            b.setOnAction(e -> onLanguage.accept(l));
            languages.getChildren().add(b);
        }
        Label title = Ui.label(i18n.get("activation.title"), "title-1");
        Label intro = Ui.label(i18n.get("activation.intro"), "text-muted");

        Button demo = Ui.button(i18n.get("activation.demo"), "accent", "large-action");
        demo.setMaxWidth(Double.MAX_VALUE);
        demo.setOnAction(e -> vm.useDemoStore());
        Label demoHint = Ui.label(i18n.get("activation.demoHint"), "text-muted", "text-small");

        Label or = Ui.label(i18n.get("activation.or"), "title-4");
        or.setPadding(new Insets(24, 0, 0, 0));
        TextField url = Ui.touchField(null, i18n.get("activation.urlPrompt"), vm.urlProperty());
        TextField code = Ui.touchField(null, i18n.get("activation.codePrompt"), vm.codeProperty());
        code.setOnAction(e -> vm.activate());
        Button activate = Ui.button(i18n.get("activation.activate"));
        activate.setMaxWidth(Double.MAX_VALUE);
        activate.setOnAction(e -> vm.activate());

        Label error = Ui.label("", "error-text");
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setMaxSize(40, 40);
        Label saying = Ui.label("", "title-4");
        saying.setId("activation-progress");
        saying.textProperty().bind(vm.progressProperty());
        javafx.scene.layout.HBox busy = new javafx.scene.layout.HBox(12, spinner, saying);
        busy.setAlignment(Pos.CENTER_LEFT);
        busy.visibleProperty().bind(vm.busyProperty());
        busy.managedProperty().bind(busy.visibleProperty());

        demo.disableProperty().bind(vm.busyProperty());
        activate.disableProperty().bind(vm.busyProperty());

        languages.disableProperty().bind(vm.busyProperty());
        root.getChildren().addAll(languages, title, intro, demo, busy, demoHint, or,
                Ui.label(i18n.get("activation.url"), "field-label"), url,
                Ui.label(i18n.get("activation.code"), "field-label"), code, activate, error);
        // Labels fill the column so that their text lines up on the left with the fields.
        root.getChildren().stream().filter(n -> n instanceof Label).forEach(n -> ((Label) n).setMaxWidth(Double.MAX_VALUE));
        title.setAlignment(Pos.CENTER);
        // Said in full in either language, on as many lines as it takes: a label never shrinks to "…".
        root.getChildren().stream().filter(n -> n instanceof Label)
                .forEach(n -> ((Label) n).setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE));
    }

    public Parent root() {
        VBox outer = new VBox(root);
        outer.setAlignment(Pos.CENTER);
        // A short screen scrolls rather than cut the form off (the error under the button last of all).
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(outer);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        // Centred when it fits, from the top and scrolling when it does not.
        outer.minHeightProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(() -> scroll.getViewportBounds().getHeight(),
                scroll.viewportBoundsProperty()));
        return scroll;
    }
}
