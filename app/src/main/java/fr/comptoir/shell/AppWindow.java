package fr.comptoir.shell;

import fr.comptoir.AppContext;
import fr.comptoir.DeviceConfig;
import fr.comptoir.activation.ActivationView;
import fr.comptoir.activation.ActivationViewModel;
import fr.comptoir.activation.FirstSyncView;
import fr.comptoir.staff.StaffSession;
import fr.comptoir.staff.ui.SignInView;
import fr.comptoir.staff.ui.SignInViewModel;
import fr.comptoir.sync.SyncStatus;
import fr.comptoir.uikit.DataAge;
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

    /** Setting keys (journal database): the language tag, and the inactivity delay as an ISO-8601 duration. */
    public static final String LANGUAGE = "ui.language";
    public static final String LOCK_DELAY = "ui.lockDelay";
    /** The discount an associate may give without a manager, in basis points of what is discounted. */
    public static final String DISCOUNT_THRESHOLD = "sale.discountApprovalThresholdBp";
    private static final java.time.Duration DEFAULT_LOCK_DELAY = java.time.Duration.ofMinutes(2);

    private final StackPane root = new StackPane();
    private final Scene scene;
    private final Supplier<AppContext> contextFactory;
    private final TaskRunner runner;
    private final TaskRunner network;
    private AppContext context;
    private I18n i18n = new I18n(I18n.systemDefault());
    private StatusBarViewModel status;
    private InactivityLock inactivityLock;
    private fr.comptoir.sale.BasketAutosave autosave;
    /** Said once on the Sell screen (the restored sale). */
    private String sellNotice;
    /** The restored sale already had payments: its Sell screen opens on its payment, once. */
    private boolean resumePayment;
    private java.time.Duration lockDelay = DEFAULT_LOCK_DELAY;
    private fr.comptoir.sale.DiscountPolicy discountPolicy = fr.comptoir.sale.DiscountPolicy.DEFAULT;
    private StaffSession session;
    private final fr.comptoir.sale.Basket basket = new fr.comptoir.sale.Basket();
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
        record Started(AppContext context, String language, String lockDelay, String discountThreshold) {
        }
        runner.run(() -> {
            AppContext ctx = contextFactory.get();
            if (ctx.device().isPresent()) {
                ctx.connect();
            }
            return new Started(ctx, ctx.settings().get(LANGUAGE).orElse(null), ctx.settings().get(LOCK_DELAY).orElse(null),
                    ctx.settings().get(DISCOUNT_THRESHOLD).orElse(null));
        }, started -> {
            context = started.context();
            if (started.language() != null) {
                i18n = new I18n(Locale.forLanguageTag(started.language()));
            }
            lockDelay = parseDelay(started.lockDelay());
            discountPolicy = fr.comptoir.sale.DiscountPolicy.parse(started.discountThreshold());
            if (context.device().isEmpty()) {
                showActivation();
            } else {
                connected();
            }
        }, failure -> showBusy(i18n.get("app.startFailed", failure.getMessage())));
    }

    /** A stored delay that cannot be read, or is shorter than a second, falls back to the default. */
    static java.time.Duration parseDelay(String stored) {
        if (stored == null) {
            return DEFAULT_LOCK_DELAY;
        }
        try {
            java.time.Duration d = java.time.Duration.parse(stored);
            return d.getSeconds() >= 1 ? d : DEFAULT_LOCK_DELAY;
        } catch (java.time.format.DateTimeParseException e) {
            return DEFAULT_LOCK_DELAY;
        }
    }

    private void showBusy(String text) {
        ProgressIndicator p = new ProgressIndicator();
        p.setMaxSize(64, 64);
        VBox box = new VBox(24, p, Ui.label(text, "title-3"));
        box.setAlignment(Pos.CENTER);
        setContent(box);
    }

    private void showActivation() {
        ActivationViewModel vm = new ActivationViewModel(new ActivationViewModel.Activator() {
            @Override
            public DeviceConfig activate(String url, String code) {
                DeviceConfig d = context.activate(url, code);
                context.connect();
                return d;
            }

            @Override
            public DeviceConfig activateDemo() {
                DeviceConfig d = context.activateDemo();
                context.connect();
                return d;
            }
        }, runner, i18n, d -> connected());
        setContent(new ActivationView(vm, i18n, locale -> {
            i18n = new I18n(locale);
            runner.run(() -> {
                context.settings().put(LANGUAGE, locale.getLanguage());
                return null;
            }, x -> showActivation(), failure -> {
                LOG.error("The language could not be saved", failure);
                showActivation();
            });
        }).root());
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
        DeviceConfig device = context.device().orElseThrow();
        SignInViewModel vm = new SignInViewModel(() -> context.staffDirectory().activeStaff(device.storeId()),
                (id, pin) -> context.signIn().signIn(id, pin), runner, i18n, s -> {
            if (locked != null && !locked.staff().id().equals(s.staff().id())) {
                runner.run(() -> {
                    context.signIn().signOut(locked);
                    return null;
                }, x -> { }, this::journalFailed);
            }
            session = s;
            recoverBasketThenShowMain();
        });
        SignInView view = new SignInView(vm, i18n, locked == null ? null : i18n.get("signIn.locked", locked.staff().displayName()), device.demo());
        setContent(view.root());
        vm.load(locked == null ? null : locked.staff().id());
        view.root().requestFocus();
    }

    /**
     * At the first sign-in after a start, takes back the sale that was being rung up when the app
     * stopped (crash, power cut), then saves the basket at every change.
     */
    private void recoverBasketThenShowMain() {
        if (autosave != null) {
            showMain();
            return;
        }
        autosave = new fr.comptoir.sale.BasketAutosave(context.parkedSales(), context.clock(),
                failure -> Platform.runLater(() -> status.notice(i18n.get("sell.autosaveFailed", failure.getMessage()))));
        fr.comptoir.sale.SaleRecovery recovery = new fr.comptoir.sale.SaleRecovery(context.parkedSales(), context.paymentJournal(),
                context.salePayments());
        runner.run(recovery::recover, saved -> {
            if (saved.isPresent() && basket.lines().isEmpty()) {
                basket.restore(saved.get().sale());
                resumePayment = saved.get().paymentsStarted();
                currentSection = MainView.Section.SELL;
                sellNotice = i18n.get("sell.restored", saved.get().sale().lines().size());
            }
            autosave.watch(basket);
            showMain();
        }, failure -> {
            LOG.error("The sale in progress could not be read back", failure);
            status.notice(i18n.get("sell.restoreFailed", failure.getMessage()));
            autosave.watch(basket);
            showMain();
        });
    }

    private void showMain() {
        DeviceConfig device = context.device().orElseThrow();
        Map<MainView.Section, Supplier<Node>> screens = new EnumMap<>(MainView.Section.class);
        SessionFeatures features = new SessionFeatures(context, session, basket, autosave, () -> discountPolicy, status, this::online,
                runner, network, i18n, scans, () -> {
                    if (mainView != null) {
                        mainView.show(MainView.Section.SELL);
                    }
                });
        fr.comptoir.customers.ui.CustomersFeature customers = features.customers();
        fr.comptoir.sale.ui.SellFeature sell = features.sell(customers);
        screens.put(MainView.Section.CUSTOMERS, customers::screen);
        screens.put(MainView.Section.SELL, () -> {
            // A sale restored with payments already taken goes straight back to its payment.
            boolean toPayment = resumePayment;
            String notice = sellNotice;
            resumePayment = false;
            sellNotice = null;
            return sell.screen(toPayment, notice);
        });
        screens.put(MainView.Section.PICKUPS, () -> PlaceholderView.of(i18n.get("nav.pickups")));
        screens.put(MainView.Section.RETURNS, () -> PlaceholderView.of(i18n.get("nav.returns")));
        screens.put(MainView.Section.SYNC, () -> {
            SyncViewModel vm = new SyncViewModel(context.cache()::counts, context.cache()::states, context.outbox(),
                    new fr.comptoir.staff.ManagerApproval(context.staffDirectory(), device.storeId())::approve, session.staff().id(),
                    context.recordCodec(), () -> context.sync().requestSync(), runner, i18n);
            return new SyncView(vm, status, i18n, device.demo() ? i18n.get("sync.demoPlatform") : device.platformUrl()).root();
        });
        boolean manager = session.isManager();
        screens.put(MainView.Section.SETTINGS, () -> new SettingsView(i18n, device, lockDelay, this::changeLanguage, this::changeLockDelay,
                new SettingsView.DiscountSetting(discountPolicy.approvalThresholdBasisPoints(), manager, this::changeDiscountThreshold)).root());
        MainView main = new MainView(i18n, device.storeName(), session, status, screens, this::lock, this::signOut);
        mainView = main;
        setContent(main.root());
        main.show(currentSection);
        main.setOnSectionShown(section -> currentSection = section);
        inactivityLock = new InactivityLock(lockDelay, this::lock);
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
        runner.run(() -> {
            context.settings().put(LANGUAGE, locale.getLanguage());
            return null;
        }, x -> showMain(), x -> showMain());
    }

    /** A manager's choice: the discount associates may give alone. */
    private void changeDiscountThreshold(int basisPoints) {
        discountPolicy = new fr.comptoir.sale.DiscountPolicy(basisPoints);
        runner.run(() -> {
            context.settings().put(DISCOUNT_THRESHOLD, Integer.toString(basisPoints));
            return null;
        }, x -> { }, this::journalFailed);
    }

    private void changeLockDelay(java.time.Duration delay) {
        lockDelay = delay;
        runner.run(() -> {
            context.settings().put(LOCK_DELAY, delay.toString());
            return null;
        }, x -> {
            inactivityLock.disarm();
            inactivityLock = new InactivityLock(lockDelay, this::lock);
            inactivityLock.arm(scene);
        }, this::journalFailed);
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
        if (autosave != null) {
            autosave.close();
        }
    }

    private void setContent(Parent content) {
        root.getChildren().setAll(content);
    }
}
