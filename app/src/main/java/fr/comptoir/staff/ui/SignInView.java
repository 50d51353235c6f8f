package fr.comptoir.staff.ui;

import fr.comptoir.uikit.I18n;
import fr.comptoir.uikit.Ui;
import fr.comptoir.staff.StaffMember;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * Sign-in and lock screen: staff tiles, then a PIN keypad made for fingers. The physical keyboard
 * works too (digits, Backspace, Enter).
 */
public final class SignInView {

    private final StackPane root = new StackPane();

    public SignInView(SignInViewModel vm, I18n i18n, String lockedMessage, boolean demo) {
        root.getStyleClass().add("screen");

        // Step 1: who are you?
        VBox chooser = new VBox(24);
        chooser.setAlignment(Pos.CENTER);
        chooser.setPadding(new Insets(32));
        Label chooseTitle = Ui.label(i18n.get("signIn.chooseStaff"), "title-1");
        FlowPane tiles = new FlowPane(16, 16);
        tiles.setAlignment(Pos.CENTER);
        tiles.setMaxWidth(1100);
        Runnable fillTiles = () -> {
            tiles.getChildren().clear();
            for (StaffMember m : vm.staff()) {
                Button tile = Ui.button(m.displayName() + "\n" + i18n.get("role." + m.role().name()), "staff-tile");
                tile.setPrefSize(250, 96);
                tile.setWrapText(true);
                tile.setOnAction(e -> vm.choose(m));
                tiles.getChildren().add(tile);
            }
        };
        vm.staff().addListener((javafx.collections.ListChangeListener<StaffMember>) c -> fillTiles.run());
        fillTiles.run();
        chooser.getChildren().add(chooseTitle);
        if (lockedMessage != null) {
            chooser.getChildren().add(Ui.label(lockedMessage, "text-muted"));
        }
        chooser.getChildren().add(tiles);

        // Step 2: the PIN pad.
        VBox pad = new VBox(16);
        pad.setAlignment(Pos.CENTER);
        pad.setPadding(new Insets(24));
        Label who = Ui.label("", "title-2");
        who.textProperty().bind(Bindings.createStringBinding(() -> vm.selectedProperty().get() == null ? ""
                : i18n.get("signIn.enterPin", vm.selectedProperty().get().displayName()), vm.selectedProperty()));
        Label mask = Ui.label("", "pin-mask");
        mask.textProperty().bind(vm.pinMaskProperty());
        mask.setMinHeight(48);
        GridPane keys = new GridPane();
        keys.setHgap(12);
        keys.setVgap(12);
        keys.setAlignment(Pos.CENTER);
        for (int d = 1; d <= 9; d++) {
            keys.add(key(String.valueOf(d), vm, d), (d - 1) % 3, (d - 1) / 3);
        }
        Button clear = Ui.button(i18n.get("signIn.clear"), "pin-key", "pin-key-secondary");
        clear.setPrefSize(104, 72);
        clear.setFocusTraversable(false);
        clear.setOnAction(e -> vm.clear());
        Button ok = Ui.button(i18n.get("signIn.ok"), "pin-key", "pin-key-secondary", "accent");
        ok.setPrefSize(104, 72);
        ok.setFocusTraversable(false);
        ok.setDefaultButton(true);
        ok.setOnAction(e -> vm.submit());
        ok.disableProperty().bind(vm.busyProperty());
        keys.add(clear, 0, 3);
        keys.add(key("0", vm, 0), 1, 3);
        keys.add(ok, 2, 3);
        Label message = Ui.label("", "error-text");
        message.textProperty().bind(vm.messageProperty());
        Button back = Ui.button(i18n.get("signIn.back"), "flat");
        back.setFocusTraversable(false);
        back.setOnAction(e -> vm.back());
        pad.getChildren().addAll(who, mask, keys, message, back);
        if (demo) {
            Label hint = Ui.label(i18n.get("signIn.demoHint"), "text-muted", "text-small");
            pad.getChildren().add(hint);
        }

        Label chooserMessage = Ui.label("", "error-text");
        chooserMessage.textProperty().bind(vm.messageProperty());
        chooser.getChildren().add(chooserMessage);

        // A lockout counts down on screen, second by second, while the screen is shown.
        javafx.animation.Timeline countdown = new javafx.animation.Timeline(
                new javafx.animation.KeyFrame(javafx.util.Duration.seconds(1), e -> vm.tick()));
        countdown.setCycleCount(javafx.animation.Animation.INDEFINITE);
        root.sceneProperty().addListener((obs, old, scene) -> {
            if (scene == null) {
                countdown.stop();
            } else {
                countdown.play();
            }
        });

        chooser.visibleProperty().bind(vm.selectedProperty().isNull());
        pad.visibleProperty().bind(vm.selectedProperty().isNotNull());
        root.getChildren().addAll(chooser, pad);

        // Keys typed on a physical keyboard go to the pad as soon as someone is chosen.
        vm.selectedProperty().addListener((obs, before, now) -> root.requestFocus());
        root.setOnKeyPressed(e -> {
            if (vm.selectedProperty().get() == null) {
                return;
            }
            if (e.getCode().isDigitKey()) {
                vm.digit(e.getText().isEmpty() ? 0 : e.getText().charAt(0) - '0');
            } else if (e.getCode() == KeyCode.BACK_SPACE) {
                vm.backspace();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                vm.back();
            }
        });
    }

    private static Button key(String text, SignInViewModel vm, int digit) {
        Button b = Ui.button(text, "pin-key");
        b.setPrefSize(104, 72);
        b.setFocusTraversable(false);
        b.setOnAction(e -> vm.digit(digit));
        return b;
    }

    public Parent root() {
        return root;
    }
}
