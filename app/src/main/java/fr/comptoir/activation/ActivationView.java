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

    public ActivationView(ActivationViewModel vm, I18n i18n) {
        root.getStyleClass().addAll("screen", "activation");
        root.setAlignment(Pos.CENTER);
        root.setPadding(new Insets(32));
        root.setMaxWidth(640);

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
        ProgressIndicator busy = new ProgressIndicator();
        busy.setMaxSize(48, 48);
        busy.visibleProperty().bind(vm.busyProperty());
        busy.managedProperty().bind(busy.visibleProperty());

        demo.disableProperty().bind(vm.busyProperty());
        activate.disableProperty().bind(vm.busyProperty());

        root.getChildren().addAll(title, intro, demo, demoHint, or,
                Ui.label(i18n.get("activation.url"), "field-label"), url,
                Ui.label(i18n.get("activation.code"), "field-label"), code, activate, busy, error);
        // Labels fill the column so that their text lines up on the left with the fields.
        root.getChildren().stream().filter(n -> n instanceof Label).forEach(n -> ((Label) n).setMaxWidth(Double.MAX_VALUE));
        title.setAlignment(Pos.CENTER);
    }

    public Parent root() {
        VBox outer = new VBox(root);
        outer.setAlignment(Pos.CENTER);
        return outer;
    }
}
