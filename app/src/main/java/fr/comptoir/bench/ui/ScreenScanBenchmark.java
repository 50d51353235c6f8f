package fr.comptoir.bench.ui;

import atlantafx.base.theme.PrimerLight;
import fr.comptoir.catalog.CatalogReader;
import fr.comptoir.sale.Basket;
import fr.comptoir.sale.BasketLine;
import fr.comptoir.sale.ScanLookup;
import fr.comptoir.sale.ui.SellView;
import fr.comptoir.sale.ui.SellViewModel;
import fr.comptoir.uikit.Ui;
import fr.comptoir.uikit.FxTaskRunner;
import fr.comptoir.uikit.I18n;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Scan to line on screen, on the real Sell screen in a real window: the scanner's keystrokes go into
 * the scene as a scanner types them (digits then Enter), through the scan detector, the look-up on a
 * background thread and the basket, until the JavaFX pulse that has laid out the new line. Needs a
 * display (under Xvfb on a server).
 */
public final class ScreenScanBenchmark {

    private final CatalogReader catalog;
    private final String storeId;
    private final PrintWriter out;

    private Scene scene;
    private Basket basket;
    private volatile CompletableFuture<Long> pending;
    private long startedAt;
    private int expectedItems;

    private int navigations;

    public ScreenScanBenchmark(CatalogReader catalog, String storeId, PrintWriter out) {
        this.catalog = catalog;
        this.storeId = storeId;
        this.out = out;
    }

    /**
     * Before measuring, leaves the Sell screen for another and comes back {@code n} times, as a shift does:
     * the figures then show whether screens that were left still weigh on each scan.
     */
    public ScreenScanBenchmark afterNavigations(int n) {
        this.navigations = n;
        return this;
    }

    public void run(List<String> eans, int scans) throws Exception {
        CountDownLatch ready = new CountDownLatch(1);
        try {
            Platform.startup(ready::countDown);
        } catch (UnsupportedOperationException | IllegalStateException e) {
            out.println("The screen benchmark needs a display (on a server: xvfb-run): " + e.getMessage());
            out.flush();
            return;
        }
        ready.await();
        try (FxTaskRunner runner = new FxTaskRunner()) {
            CompletableFuture<Void> shown = new CompletableFuture<>();
            Platform.runLater(() -> {
                try {
                    show(runner);
                    shown.complete(null);
                } catch (RuntimeException e) {
                    shown.completeExceptionally(e);
                }
            });
            shown.get(30, TimeUnit.SECONDS);
            SplittableRandom rnd = new SplittableRandom(11);
            for (int i = 0; i < 50; i++) {
                scanAndWait(eans.get(rnd.nextInt(eans.size())));
            }
            long[] micros = new long[scans];
            for (int i = 0; i < scans; i++) {
                if (i % 20 == 0) {
                    CompletableFuture<Void> cleared = new CompletableFuture<>();
                    Platform.runLater(() -> {
                        basket.clear();
                        cleared.complete(null);
                    });
                    cleared.get(10, TimeUnit.SECONDS);
                }
                micros[i] = scanAndWait(eans.get(rnd.nextInt(eans.size()))) / 1000;
            }
            java.util.Arrays.sort(micros);
            out.printf("%nScan to line on screen (real Sell screen, %s, after %d navigations), %,d scans%n", describe(), navigations, scans);
            out.printf("p50 %.1f ms   p99 %.1f ms   max %.1f ms%n", pct(micros, 50), pct(micros, 99), micros[micros.length - 1] / 1000.0);
            out.println("From the scanner's first keystroke to the end of the layout pulse showing the line.");
            out.flush();
        } finally {
            Platform.exit();
        }
    }

    private static String describe() {
        return System.getProperty("monocle.platform") != null ? "headless" : "window 1280×800";
    }

    private void show(FxTaskRunner runner) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        I18n i18n = new I18n(Locale.FRENCH);
        basket = new Basket();
        ScanLookup lookup = new ScanLookup(catalog, storeId);
        SellViewModel vm = new SellViewModel(basket, lookup::lookup, text -> catalog.searchByProduct(text, storeId, 12), card -> Optional.empty(),
                runner, i18n);
        javafx.scene.layout.StackPane holder = new javafx.scene.layout.StackPane();
        scene = new Scene(holder, 1280, 800);
        fr.comptoir.uikit.ScanRouter scans = new fr.comptoir.uikit.ScanRouter(new fr.comptoir.uikit.ScanDetector(), code -> { });
        scans.attach(scene);
        for (int i = 0; i <= navigations; i++) {
            // Each visit builds the screen again, as the app does; the one before leaves the scene.
            SellViewModel visit = i == navigations ? vm : new SellViewModel(basket, lookup::lookup,
                    text -> catalog.searchByProduct(text, storeId, 12), card -> Optional.empty(), runner, i18n);
            holder.getChildren().setAll(new SellView(visit, basket, i18n, scans, new Label(), () -> { }, x -> { }, x -> { }, () -> { }, () -> { }).root());
            if (i < navigations) {
                holder.getChildren().setAll(new Label("another screen"));
            }
        }
        scene.getStylesheets().add(Ui.class.getResource("comptoir.css").toExternalForm());
        scene.addPostLayoutPulseListener(this::afterLayout);
        Stage stage = new Stage();
        stage.setTitle("Comptoir — scan benchmark");
        stage.setScene(scene);
        stage.show();
    }

    /** Runs on the JavaFX thread after each pulse's layout: the line is laid out, to be drawn. */
    private void afterLayout() {
        CompletableFuture<Long> p = pending;
        if (p != null && items() == expectedItems) {
            pending = null;
            p.complete(System.nanoTime() - startedAt);
        }
    }

    private int items() {
        return basket.lines().stream().mapToInt(BasketLine::quantity).sum();
    }

    private long scanAndWait(String ean) throws Exception {
        CompletableFuture<Long> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            expectedItems = items() + 1;
            pending = done;
            startedAt = System.nanoTime();
            Node target = scene.getFocusOwner() != null ? scene.getFocusOwner() : scene.getRoot();
            for (char c : ean.toCharArray()) {
                Event.fireEvent(target, new KeyEvent(KeyEvent.KEY_TYPED, String.valueOf(c), "", KeyCode.UNDEFINED, false, false, false, false));
            }
            Event.fireEvent(target, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.ENTER, false, false, false, false));
        });
        return done.get(10, TimeUnit.SECONDS);
    }

    private static double pct(long[] sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(i, sorted.length - 1))] / 1000.0;
    }
}
