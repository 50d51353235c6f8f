package fr.comptoir.shell;

import fr.comptoir.AppContext;
import fr.comptoir.DeviceConfig;
import fr.comptoir.activation.FirstSyncView;
import fr.comptoir.staff.StaffSession;
import fr.comptoir.sync.SyncStatus;
import fr.comptoir.uikit.I18n;
import fr.comptoir.uikit.StatusBarViewModel;
import fr.comptoir.uikit.TaskRunner;
import fr.comptoir.uikit.Ui;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Moves the one window between the app's stages: starting, activation, first sync, sign-in (and
 * lock), and the signed-in main view. Owns the status bar model and the inactivity lock.
 * JavaFX thread only; everything blocking goes through the {@link TaskRunner}.
 */
public final class AppWindow {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AppWindow.class);

    /** The setting key of the inactivity delay (an ISO-8601 duration), for tests that shorten it. */
    public static final String LOCK_DELAY = TerminalSettings.LOCK_DELAY;

    private final StackPane root = new StackPane();
    private final Scene scene;
    private final Supplier<AppContext> contextFactory;
    private final TaskRunner runner;
    private final TaskRunner network;
    private AppContext context;
    private I18n i18n = new I18n(I18n.systemDefault());
    private StatusBarViewModel status;
    private InactivityLock inactivityLock;
    private TerminalSettings settings;
    private ShellScreens shellScreens;
    /** Why the provisioning file did not activate this terminal at start, said on the activation screen; or null. */
    private ShellScreens.ProvisioningFailure provisioningFailure;
    private StaffSession session;
    private final TillBasket till = new TillBasket();
    private Timeline ageClock;
    private MainView.Section currentSection = MainView.Section.CUSTOMERS;
    /** The signed-in main view on show, for features that lead to another section. */
    private MainView mainView;
    /** Every scan of the window goes where the screen on show expects it; nowhere else. */
    private final fr.comptoir.uikit.ScanRouter scans = new fr.comptoir.uikit.ScanRouter(new fr.comptoir.uikit.ScanDetector(), this::unroutedScan);

    /** @param network runs calls to the central platform made for a screen (threads of their own) */
    public AppWindow(Supplier<AppContext> contextFactory, TaskRunner runner, TaskRunner network) {
        this.contextFactory = contextFactory;
        this.runner = runner;
        this.network = network;
        root.getStyleClass().add("app-root");
        scene = new Scene(root, 1280, 800);
        scene.getStylesheets().add(Ui.class.getResource("comptoir.css").toExternalForm());
        scans.attach(scene);
    }

    /** A scan where no screen takes one (sign-in, Sync, Settings): said, and nothing changes. */
    private void unroutedScan(String code) {
        LOG.info("A scan was made on a screen that takes none; ignored");
        if (status != null && session != null) {
            status.notice(i18n.get("scan.notHere"));
        }
    }

    /** The window's scans, for tests. */
    public fr.comptoir.uikit.ScanRouter scans() {
        return scans;
    }

    public Scene scene() {
        return scene;
    }

    public AppContext context() {
        return context;
    }

    /** Opens the data in the background, then shows activation or goes on to sync and sign-in. */
    public void start() {
        showBusy(i18n.get("app.starting"));
        record Started(AppContext context, TerminalSettings.Stored stored, ShellScreens.ProvisioningFailure provisioning) {
        }
        runner.run(() -> {
            AppContext ctx = contextFactory.get();
            FiscalStartCheck.require(ctx);
            ShellScreens.ProvisioningFailure provisioning = ctx.device().isEmpty() ? ShellScreens.provision(ctx) : null;
            if (ctx.device().isPresent()) {
                ctx.connect();
            }
            return new Started(ctx, TerminalSettings.Stored.readFrom(ctx), provisioning);
        }, started -> {
            context = started.context();
            FiscalStartCheck.verifyFullyInBackground(context, refused -> setContent(FiscalStartCheck.failurePane(i18n, refused)));
            if (started.stored().language() != null) {
                i18n = new I18n(Locale.forLanguageTag(started.stored().language()));
            }
            settings = new TerminalSettings(context, started.stored(), runner, this::journalFailed);
            scans.frame(settings.scannerPrefix(), settings.scannerSuffix());
            shellScreens = new ShellScreens(context, runner);
            provisioningFailure = started.provisioning();
            if (context.device().isEmpty()) {
                showActivation();
            } else {
                connected();
            }
        }, failure -> setContent(FiscalStartCheck.failurePane(i18n, failure)));
    }

    private void showBusy(String text) {
        ProgressIndicator p = new ProgressIndicator();
        p.setMaxSize(64, 64);
        VBox box = new VBox(24, p, Ui.label(text, "title-3"));
        box.setAlignment(Pos.CENTER);
        setContent(box);
    }

    private void showActivation() {
        setContent(shellScreens.activation(i18n, this::connected, locale -> {
            i18n = new I18n(locale);
            settings.changeLanguage(locale.getLanguage(), this::showActivation);
        }, provisioningFailure));
    }

    /** Activated and connected: start syncing; sign-in once the store's data is here. */
    private void connected() {
        status = new StatusBarViewModel(i18n, Platform::runLater);
        context.sync().addListener(status::accept);
        ageClock = new Timeline(new KeyFrame(Duration.seconds(15), e -> status.tick(System.currentTimeMillis())));
        ageClock.setCycleCount(Timeline.INDEFINITE);
        ageClock.play();
        runner.run(() -> context.sync().status(), s -> {
            status.accept(s);
            if (s.initialSyncDone()) {
                showSignIn(null);
            } else {
                showFirstSync();
            }
            context.sync().start();
        }, failure -> showBusy(failure.getMessage()));
    }

    private void showFirstSync() {
        setContent(new FirstSyncView(status, i18n).root());
        ChangeListener<SyncStatus> whenDone = new ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends SyncStatus> obs, SyncStatus old, SyncStatus s) {
                if (s.initialSyncDone() && !s.running()) {
                    status.statusProperty().removeListener(this);
                    showSignIn(null);
                }
            }
        };
        status.statusProperty().addListener(whenDone);
    }

    /** @param locked the session whose screen locked, or null for a plain sign-in */
    private void showSignIn(StaffSession locked) {
        if (inactivityLock != null) {
            inactivityLock.disarm();
        }
        Parent view = shellScreens.signIn(i18n, locked, s -> {
            session = s;
            recoverBasketThenShowMain();
        }, this::journalFailed);
        setContent(view);
        view.requestFocus();
    }

    /** At the first sign-in after a start, the sale in progress when the app stopped comes back, on Sell. */
    private void recoverBasketThenShowMain() {
        till.recoverOnce(context, runner, i18n, text -> status.notice(text), restored -> {
            if (restored) {
                currentSection = MainView.Section.SELL;
            }
            showMain();
        });
    }

    private void showMain() {
        DeviceConfig device = context.device().orElseThrow();
        Map<MainView.Section, Supplier<Node>> screens = new EnumMap<>(MainView.Section.class);
        SessionFeatures features = new SessionFeatures(context, session, till.basket(), till.autosave(), settings::discountPolicy, status, this::online,
                runner, network, i18n, scans, () -> {
                    if (mainView != null) {
                        mainView.show(MainView.Section.SELL);
                    }
                }).onRebuild(this::showMain);
        fr.comptoir.customers.ui.CustomersFeature customers = features.customers();
        fr.comptoir.sale.ui.SellFeature sell = features.sell(customers);
        sell.setLineVoidRule(settings::lineVoidNeedsManager);
        sell.setCashRefundLimit(settings::cashRefundLimitCents);
        sell.setScanErrorSignal(() -> {
            if (settings.scanErrorSound()) {
                fr.comptoir.uikit.ErrorTone.play();
            }
        });
        screens.put(MainView.Section.CUSTOMERS, customers::screen);
        screens.put(MainView.Section.SELL, () -> till.sellScreen(sell));
        screens.put(MainView.Section.PICKUPS, features::pickups);
        screens.put(MainView.Section.RETURNS, features::returns);
        screens.put(MainView.Section.TILL, features::till);
        StaffSession signedIn = session;
        screens.put(MainView.Section.SYNC, () -> shellScreens.sync(i18n, status, signedIn));
        screens.put(MainView.Section.SETTINGS, () -> shellScreens.settings(i18n, settings, signedIn.isManager(), this::changeLanguage,
                this::changeLockDelay, scans));
        MainView main = new MainView(i18n, device.storeName(), session, status, screens, this::lock, this::signOut,
                context.training().session().map(t -> i18n.get("training.banner", t.managerName())).orElse(null));
        mainView = main;
        setContent(main.root());
        main.show(currentSection);
        main.setOnSectionShown(section -> currentSection = section);
        inactivityLock = new InactivityLock(settings.lockDelay(), this::lock);
        inactivityLock.arm(scene);
    }

    private boolean online() {
        return status.statusProperty().get().connectivity() == fr.comptoir.sync.Connectivity.ONLINE;
    }

    private void changeLanguage(Locale locale) {
        i18n = new I18n(locale);
        StatusBarViewModel old = status;
        status = new StatusBarViewModel(i18n, Platform::runLater);
        status.statusProperty().set(old.statusProperty().get());
        context.sync().addListener(status::accept);
        settings.changeLanguage(locale.getLanguage(), this::showMain);
    }

    private void changeLockDelay(java.time.Duration delay) {
        settings.changeLockDelay(delay, () -> {
            inactivityLock.disarm();
            inactivityLock = new InactivityLock(delay, this::lock);
            inactivityLock.arm(scene);
        });
    }

    private void lock() {
        StaffSession locked = session;
        session = null;
        if (locked == null) {
            return;
        }
        runner.run(() -> {
            context.signIn().locked(locked);
            return null;
        }, x -> { }, this::journalFailed);
        showSignIn(locked);
    }

    private void signOut() {
        StaffSession s = session;
        session = null;
        currentSection = MainView.Section.CUSTOMERS;
        runner.run(() -> {
            context.signIn().signOut(s);
            return null;
        }, x -> { }, this::journalFailed);
        showSignIn(null);
    }

    /** A sign-in, lock or setting that could not be written: logged by the runner, and told on the status bar. */
    private void journalFailed(Throwable failure) {
        if (status != null) {
            status.notice(i18n.get("app.journalFailed", failure.getMessage()));
        }
    }

    /** Stops the timers (inactivity lock, data-age clock) when the app closes. JavaFX thread. */
    public void close() {
        if (inactivityLock != null) {
            inactivityLock.disarm();
        }
        if (ageClock != null) {
            ageClock.stop();
        }
        till.close();
    }

    private void setContent(Parent content) {
        root.getChildren().setAll(content);
    }
}
