package fr.comptoir.shell;

import fr.comptoir.uikit.I18n;
import fr.comptoir.uikit.Ui;
import fr.comptoir.DeviceConfig;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Terminal settings: language, screen lock delay, the discount associates may give without a manager
 * (a manager's choice), and what this terminal is.
 */
public final class SettingsView {

    /** The approval threshold now, whether the signed-in person may change it, and where a change goes. */
    public record DiscountSetting(int basisPoints, boolean editable, Consumer<Integer> onChange) {
    }

    /** The most cash one return hands back; only a manager changes it. */
    public record CashRefundSetting(long cents, boolean editable, Consumer<Long> onChange) {
    }

    /** Whether removing a line needs a manager (as voiding the sale does); only a manager changes it. */
    public record LineVoidSetting(boolean needsManager, boolean editable, Consumer<Boolean> onChange) {
    }

    /**
     * What the store's scanners send around each code and whether a scan error sounds; only a manager changes
     * them. {@code onFrame} gets the prefix and the suffix.
     */
    public record ScannerSetting(String prefix, String suffix, boolean errorSound, boolean editable,
                                 java.util.function.BiConsumer<String, String> onFrame, Consumer<Boolean> onSound) {
    }

    private final VBox root = new VBox(20);
    private final Label testScan = new Label();
    /** The settings scroll within their pane: the window's header and status bar always stay in sight. */
    private final javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(root);

    public SettingsView(I18n i18n, DeviceConfig device, Duration lockDelay, Consumer<Locale> onLanguage, Consumer<Duration> onLockDelay,
                        DiscountSetting discount, LineVoidSetting lineVoid, ScannerSetting scanner, CashRefundSetting cashRefund,
                        CashRefundSetting countDifference) {
        root.getStyleClass().add("screen");
        root.setPadding(new Insets(24));

        HBox languages = new HBox(12);
        ToggleGroup lang = new ToggleGroup();
        for (Locale l : I18n.SUPPORTED) {
            ToggleButton b = new ToggleButton(l.getDisplayLanguage(l).substring(0, 1).toUpperCase(l) + l.getDisplayLanguage(l).substring(1));
            b.setFocusTraversable(false);
            b.setMinSize(160, 56);
            b.setToggleGroup(lang);
            b.setSelected(l.getLanguage().equals(i18n.locale().getLanguage()));
            b.setOnAction(e -> {
                if (!l.getLanguage().equals(i18n.locale().getLanguage())) {
                    onLanguage.accept(l);
                }
                b.setSelected(true);
            });
            languages.getChildren().add(b);
        }

        HBox delays = new HBox(12);
        ToggleGroup delay = new ToggleGroup();
        for (int minutes : List.of(1, 2, 5, 10)) {
            ToggleButton b = new ToggleButton(i18n.get("settings.minutes", minutes));
            b.setFocusTraversable(false);
            b.setMinSize(104, 56);
            b.setToggleGroup(delay);
            b.setSelected(lockDelay.toMinutes() == minutes);
            b.setOnAction(e -> {
                onLockDelay.accept(Duration.ofMinutes(minutes));
                b.setSelected(true);
            });
            delays.getChildren().add(b);
        }

        HBox thresholds = amounts(List.of(0L, 5L, 10L, 15L, 20L), p -> p + " %", "settings-discount-", discount.basisPoints() / 100,
                discount.editable(), p -> discount.onChange().accept((int) (p * 100)));
        Label thresholdHelp = muted(discount.editable() ? i18n.get("settings.discountHelp") : i18n.get("settings.discountManagerOnly"));
        thresholdHelp.setWrapText(true);

        HBox lineVoids = twoChoices(i18n.get("settings.lineVoidAnyone"), i18n.get("settings.lineVoidManager"), "settings-line-void-",
                "anyone", "manager", lineVoid.needsManager(), lineVoid.editable(), lineVoid.onChange());

        Node scanners = scannerSection(i18n, scanner);

        HBox cashLimits = amounts(List.of(0L, 50L, 150L, 300L), e -> e + " €", "settings-cash-refund-", cashRefund.cents() / 100,
                cashRefund.editable(), e -> cashRefund.onChange().accept(e * 100));

        HBox differences = amounts(List.of(0L, 2L, 5L, 10L, 20L), e -> e + " €", "settings-count-difference-", countDifference.cents() / 100,
                countDifference.editable(), e -> countDifference.onChange().accept(e * 100));

        GridPane terminal = new GridPane();
        terminal.setHgap(24);
        terminal.setVgap(8);
        terminal.add(muted(i18n.get("settings.store")), 0, 0);
        terminal.add(new Label(device.storeName() + " (" + device.storeId() + ")"), 1, 0);
        terminal.add(muted(i18n.get("settings.device")), 0, 1);
        terminal.add(new Label(device.deviceId()), 1, 1);
        terminal.add(muted(i18n.get("sync.platform")), 0, 2);
        terminal.add(new Label(device.demo() ? i18n.get("sync.demoPlatform") : device.platformUrl()), 1, 2);

        root.getChildren().addAll(Ui.label(i18n.get("settings.title"), "title-1"),
                Ui.label(i18n.get("settings.language"), "title-4"), languages,
                Ui.label(i18n.get("settings.autoLock"), "title-4"), delays,
                Ui.label(i18n.get("settings.discountThreshold"), "title-4"), thresholds, thresholdHelp,
                Ui.label(i18n.get("settings.lineVoid"), "title-4"), lineVoids,
                Ui.label(i18n.get("settings.cashRefundLimit"), "title-4"), cashLimits,
                Ui.label(i18n.get("settings.countDifference"), "title-4"), differences,
                Ui.label(i18n.get("settings.scanner"), "title-4"), scanners,
                Ui.label(i18n.get("settings.terminal"), "title-4"), terminal);
    }

    /** A row of amounts to choose from (a manager's setting): the one in force is chosen; others only when editable. */
    private static HBox amounts(List<Long> values, java.util.function.Function<Long, String> label, String idPrefix, long current, boolean editable,
                                Consumer<Long> onChange) {
        HBox row = new HBox(12);
        ToggleGroup group = new ToggleGroup();
        for (long v : values) {
            ToggleButton b = new ToggleButton(label.apply(v));
            b.setFocusTraversable(false);
            b.setId(idPrefix + v);
            b.setMinSize(88, 56);
            b.setToggleGroup(group);
            b.setSelected(current == v);
            b.setDisable(!editable);
            b.setOnAction(e -> {
                onChange.accept(v);
                b.setSelected(true);
            });
            row.getChildren().add(b);
        }
        return row;
    }

    /** Prefix and suffix the scanners send, the error sound, and a line showing the last code read here. */
    private Node scannerSection(I18n i18n, ScannerSetting scanner) {
        javafx.beans.property.StringProperty prefix = new javafx.beans.property.SimpleStringProperty(scanner.prefix());
        javafx.beans.property.StringProperty suffix = new javafx.beans.property.SimpleStringProperty(scanner.suffix());
        javafx.scene.control.TextField prefixField = Ui.touchField("settings-scanner-prefix", i18n.get("settings.scannerPrefix"), prefix);
        javafx.scene.control.TextField suffixField = Ui.touchField("settings-scanner-suffix", i18n.get("settings.scannerSuffix"), suffix);
        javafx.scene.control.Button save = Ui.button(i18n.get("settings.scannerSave"));
        save.setId("settings-scanner-save");
        Label saved = muted("");
        save.setOnAction(e -> {
            scanner.onFrame().accept(prefix.get(), suffix.get());
            saved.setText(i18n.get("settings.scannerSaved"));
        });
        for (Node n : new Node[]{prefixField, suffixField, save}) {
            n.setDisable(!scanner.editable());
        }
        prefixField.setPrefColumnCount(8);
        suffixField.setPrefColumnCount(8);
        HBox frame = new HBox(12, prefixField, suffixField, save, saved);
        frame.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        HBox sound = twoChoices(i18n.get("settings.scanSoundOff"), i18n.get("settings.scanSoundOn"), "settings-scan-sound-", "off", "on",
                scanner.errorSound(), scanner.editable(), scanner.onSound());
        testScan.setId("settings-test-scan");
        testScan.setWrapText(true);
        testScan.setText(i18n.get("settings.scannerTest"));
        testScan.getStyleClass().add("text-muted");
        Label help = muted(scanner.editable() ? i18n.get("settings.scannerHelp") : i18n.get("settings.discountManagerOnly"));
        help.setWrapText(true);
        return new VBox(10, frame, help, sound, testScan);
    }

    /** A code just read by a scanner while Settings is on show: shown whole, to check the set-up. */
    public void showTestScan(String code, I18n i18n) {
        testScan.setText(i18n.get("settings.scannerRead", code, code.length()));
        testScan.getStyleClass().setAll("label", "text-bold");
    }

    /**
     * A setting with two answers, as two touch-sized toggles: {@code off} for false, {@code on} for true; the ids
     * are {@code idPrefix} + {@code offId} or {@code onId}.
     */
    private static HBox twoChoices(String off, String on, String idPrefix, String offId, String onId, boolean current, boolean editable,
                                   Consumer<Boolean> onChange) {
        HBox row = new HBox(12);
        ToggleGroup group = new ToggleGroup();
        for (boolean value : List.of(false, true)) {
            ToggleButton b = new ToggleButton(value ? on : off);
            b.setFocusTraversable(false);
            b.setId(idPrefix + (value ? onId : offId));
            b.setMinHeight(56);
            b.setToggleGroup(group);
            b.setSelected(current == value);
            b.setDisable(!editable);
            b.setOnAction(e -> {
                onChange.accept(value);
                b.setSelected(true);
            });
            row.getChildren().add(b);
        }
        return row;
    }

    private static Label muted(String s) {
        Label l = new Label(s);
        l.getStyleClass().add("text-muted");
        return l;
    }

    public Parent root() {
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("edge-to-edge");
        return scroll;
    }
}
