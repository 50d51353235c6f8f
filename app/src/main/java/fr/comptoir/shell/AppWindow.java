package fr.comptoir.shell;

import fr.comptoir.uikit.I18n;
import fr.comptoir.uikit.TaskRunner;
import fr.comptoir.uikit.Ui;
import fr.comptoir.uikit.DataAge;
import fr.comptoir.uikit.StatusBarViewModel;
import fr.comptoir.AppContext;
import fr.comptoir.DeviceConfig;
import fr.comptoir.activation.ActivationView;
import fr.comptoir.activation.ActivationViewModel;
import fr.comptoir.activation.FirstSyncView;
import fr.comptoir.staff.StaffSession;
import fr.comptoir.staff.ui.SignInView;
import fr.comptoir.staff.ui.SignInViewModel;
import fr.comptoir.sync.SyncStatus;
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

    public AppWindow(Supplier<AppContext> contextFactory, TaskRunner runner) {
        this.contextFactory = contextFactory;
        this.runner = runner;
        root.getStyleClass().add("app-root");
        scene = new Scene(root, 1280, 800);
        scene.getStylesheets().add(Ui.class.getResource("comptoir.css").toExternalForm());
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
        setContent(new ActivationView(vm, i18n).root());
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
                }, x -> { }, x -> { });
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
        screens.put(MainView.Section.CUSTOMERS, this::customersScreen);
        screens.put(MainView.Section.SELL, this::sellScreen);
        screens.put(MainView.Section.PICKUPS, () -> PlaceholderView.of(i18n.get("nav.pickups")));
        screens.put(MainView.Section.RETURNS, () -> PlaceholderView.of(i18n.get("nav.returns")));
        screens.put(MainView.Section.SYNC, () -> {
            SyncViewModel vm = new SyncViewModel(context.cache()::counts, context.cache()::states, context.outbox(),
                    new fr.comptoir.staff.ManagerApproval(context.staffDirectory(), device.storeId())::approve, session.staff().id(),
                    fr.comptoir.centralapi.WireJson.codec(), () -> context.sync().requestSync(), runner, i18n);
            return new SyncView(vm, status, i18n, device.demo() ? i18n.get("sync.demoPlatform") : device.platformUrl()).root();
        });
        boolean manager = session.staff().role() == fr.comptoir.staff.Role.MANAGER;
        screens.put(MainView.Section.SETTINGS, () -> new SettingsView(i18n, device, lockDelay, this::changeLanguage, this::changeLockDelay,
                new SettingsView.DiscountSetting(discountPolicy.approvalThresholdBasisPoints(), manager, this::changeDiscountThreshold)).root());
        MainView main = new MainView(i18n, device.storeName(), session, status, screens, this::lock, this::signOut);
        setContent(main.root());
        main.show(currentSection);
        main.setOnSectionShown(section -> currentSection = section);
        inactivityLock = new InactivityLock(lockDelay, this::lock);
        inactivityLock.arm(scene);
    }

    private boolean online() {
        return status.statusProperty().get().connectivity() == fr.comptoir.sync.Connectivity.ONLINE;
    }

    private fr.comptoir.customers.ui.CustomerSearchViewModel customerSearch() {
        return new fr.comptoir.customers.ui.CustomerSearchViewModel(
                q -> context.customerSearch().search(q, fr.comptoir.customers.ui.CustomerSearchViewModel.LIMIT),
                q -> context.central().searchCustomers(q, 10), this::online, runner, i18n);
    }

    private fr.comptoir.customers.ClientelingService.Author author() {
        DeviceConfig d = context.device().orElseThrow();
        return new fr.comptoir.customers.ClientelingService.Author(session.staff().id(), session.staff().displayName(), d.storeId());
    }

    private Node customersScreen() {
        fr.comptoir.customers.ui.CustomersView[] view = new fr.comptoir.customers.ui.CustomersView[1];
        view[0] = new fr.comptoir.customers.ui.CustomersView(customerSearch(), i18n, this::customerProfile,
                () -> view[0].show(newCustomerForm(view[0])));
        return view[0].root();
    }

    private Node newCustomerForm(fr.comptoir.customers.ui.CustomersView view) {
        fr.comptoir.customers.ClientelingService svc = context.clienteling();
        fr.comptoir.customers.ui.NewCustomerViewModel vm = new fr.comptoir.customers.ui.NewCustomerViewModel(
                new fr.comptoir.customers.ui.NewCustomerViewModel.Services() {
                    @Override
                    public Map<String, String> validate(String f, String l, String e, String p) {
                        return svc.validate(f, l, e, p);
                    }

                    @Override
                    public java.util.List<fr.comptoir.customers.Customer> likelyDuplicates(String e, String p) {
                        return svc.likelyDuplicates(e, p);
                    }

                    @Override
                    public fr.comptoir.customers.Customer create(String f, String l, String e, String p, boolean ec, boolean sc, boolean shown) {
                        fr.comptoir.customers.Customer c = svc.create(f, l, e, p, ec, sc, shown, author());
                        context.sync().requestDelivery();
                        return c;
                    }
                }, runner, i18n, created -> view.show(customerProfile(created.id())));
        return new fr.comptoir.customers.ui.NewCustomerView(vm, i18n, () -> view.show(PlaceholderView.of(""))).root();
    }

    private Node customerProfile(String customerId) {
        fr.comptoir.customers.CustomerFileReader files = context.customerFiles();
        DeviceConfig d = context.device().orElseThrow();
        fr.comptoir.customers.ui.CustomerProfileViewModel vm = new fr.comptoir.customers.ui.CustomerProfileViewModel(
                new fr.comptoir.customers.ui.CustomerProfileViewModel.Services() {
                    @Override
                    public java.util.Optional<fr.comptoir.customers.CustomerFile> read(String id) {
                        return files.read(id);
                    }

                    @Override
                    public java.util.List<fr.comptoir.customers.OnlineCart> liveCarts(String id) {
                        return context.central().cartsOf(id);
                    }

                    @Override
                    public void keepCarts(String id, java.util.List<fr.comptoir.customers.OnlineCart> carts) {
                        files.keepCarts(id, carts);
                    }

                    @Override
                    public Map<String, fr.comptoir.catalog.VariantInfo> variants(java.util.Set<String> ids) {
                        return files.variants(ids);
                    }

                    @Override
                    public void addNote(String id, String text) {
                        context.clienteling().addNote(id, text, author());
                        context.sync().requestDelivery();
                    }

                    @Override
                    public void savePreferences(fr.comptoir.customers.Customer c, fr.comptoir.customers.Customer.Preferences p) {
                        context.clienteling().setPreferences(c, p, author());
                        context.sync().requestDelivery();
                    }

                    @Override
                    public java.util.List<fr.comptoir.catalog.VariantInfo> searchProducts(String text) {
                        return context.catalog().search(text, d.storeId(), 20);
                    }

                    @Override
                    public void addToWishlist(String id, String variantId) {
                        context.clienteling().addToWishlist(id, variantId, author());
                        context.sync().requestDelivery();
                    }

                    @Override
                    public void removeFromWishlist(String id, String variantId) {
                        context.clienteling().removeFromWishlist(id, variantId, author());
                        context.sync().requestDelivery();
                    }

                    @Override
                    public boolean continueCart(fr.comptoir.customers.OnlineCart cart, Map<String, fr.comptoir.catalog.VariantInfo> catalogue,
                                                fr.comptoir.customers.Customer customer) {
                        fr.comptoir.sale.CartTakeover.Plan plan = fr.comptoir.sale.CartTakeover.plan(cart, catalogue);
                        fr.comptoir.sale.CartTakeover.Plan recorded = context.cartTakeover().record(cart, plan, basket,
                                d.storeId(), d.deviceId(), session.staff().id());
                        if (recorded == null) {
                            return false;
                        }
                        context.sync().requestDelivery();
                        Platform.runLater(() -> {
                            recorded.lines().forEach(basket::add);
                            if (basket.customer() == null) {
                                basket.attach(customer);
                            }
                        });
                        return true;
                    }
                }, runner, i18n, this::online, basket::containsCart, basket::attach);
        vm.load(customerId);
        return new fr.comptoir.customers.ui.CustomerProfileView(vm, i18n).root();
    }

    private Node sellScreen() {
        javafx.scene.layout.StackPane holder = new javafx.scene.layout.StackPane();
        // A sale restored with payments already taken goes straight back to its payment.
        boolean toPayment = resumePayment;
        resumePayment = false;
        holder.getChildren().setAll(toPayment ? paymentView(holder) : sellView(holder));
        return holder;
    }

    private Node sellView(javafx.scene.layout.StackPane holder) {
        fr.comptoir.customers.ui.CustomerPicker picker = new fr.comptoir.customers.ui.CustomerPicker(customerSearch(), i18n, basket::attach);
        String storeId = context.device().orElseThrow().storeId();
        fr.comptoir.sale.ScanLookup lookup = new fr.comptoir.sale.ScanLookup(context.catalog(), storeId);
        fr.comptoir.sale.ui.SellViewModel vm = new fr.comptoir.sale.ui.SellViewModel(basket, lookup::lookup,
                text -> context.catalog().searchByProduct(text, storeId, 12),
                card -> context.customerSearch().search(fr.comptoir.customers.CustomerQuery.parse(card), 2).stream()
                        .filter(m -> card.equals(m.customer().loyaltyCard())).map(fr.comptoir.customers.CustomerMatch::customer).findFirst(),
                runner, i18n);
        runner.run(() -> context.cache().promotions(), promotions -> {
            fr.comptoir.sale.PricingEngine engine = new fr.comptoir.sale.PricingEngine(promotions, storeId);
            basket.setPricer(current -> engine.price(current, java.time.Instant.now()));
        }, failure -> { });
        if (sellNotice != null) {
            vm.messageProperty().set(sellNotice);
            sellNotice = null;
        }
        vm.enableParkingAndVoid(context.parkedSales(),
                new fr.comptoir.staff.ManagerApproval(context.staffDirectory(), storeId)::approve, session.staff().displayName(), tillAudit());
        return new fr.comptoir.sale.ui.SellView(vm, basket, i18n, picker.root(), () -> holder.getChildren().setAll(paymentView(holder)),
                index -> holder.getChildren().setAll(discountView(holder, index)),
                index -> holder.getChildren().setAll(aisleView(holder, index)),
                () -> showReprints(holder), () -> context.receiptPrinter().openDrawer()).root();
    }

    /** Reads the till's last sales off the FX thread, then shows them for a duplicate reprint. */
    private void showReprints(javafx.scene.layout.StackPane holder) {
        DeviceConfig d = context.device().orElseThrow();
        fr.comptoir.common.JsonCodec codec = fr.comptoir.centralapi.WireJson.codec();
        runner.run(() -> context.journal().recentSales(30).stream().map(j -> codec.decode(j, fr.comptoir.sale.SaleRecord.class)).toList(),
                sales -> holder.getChildren().setAll(new fr.comptoir.sale.ui.ReprintView(sales,
                        sale -> fr.comptoir.sale.ui.ReceiptText.of(sale, d.storeName(), i18n, true), i18n,
                        () -> holder.getChildren().setAll(sellView(holder))).root()),
                failure -> { });
    }

    private Node aisleView(javafx.scene.layout.StackPane holder, int index) {
        String storeId = context.device().orElseThrow().storeId();
        Runnable back = () -> holder.getChildren().setAll(sellView(holder));
        fr.comptoir.sale.ui.AisleViewModel vm = new fr.comptoir.sale.ui.AisleViewModel(basket, index, runner, i18n, back);
        String variantId = basket.lines().get(index).variantId();
        boolean live = online();
        vm.load(() -> {
            fr.comptoir.catalog.StockElsewhere cached = context.stockElsewhere();
            if (live) {
                try {
                    Map<String, String> names = context.storeNames();
                    java.util.List<fr.comptoir.catalog.LocationStock> found = context.central().liveStock(variantId).stream()
                            .filter(s -> !s.locationId().equals(storeId) && s.available() > 0)
                            .map(s -> new fr.comptoir.catalog.LocationStock(s.locationId(), names.getOrDefault(s.locationId(), s.locationId()),
                                    context.staffDirectory().store(s.locationId()).map(st -> st.type() == fr.comptoir.stores.Store.StoreType.WAREHOUSE)
                                            .orElse(false), s.available()))
                            .sorted(java.util.Comparator.comparingInt(fr.comptoir.catalog.LocationStock::available).reversed())
                            .toList();
                    return new fr.comptoir.sale.ui.AisleViewModel.Availability(found, true);
                } catch (fr.comptoir.centralapi.CentralPlatformException offline) {
                    // Fall back on the cache below.
                }
            }
            return new fr.comptoir.sale.ui.AisleViewModel.Availability(cached.stockOf(variantId, storeId), false);
        }, () -> DataAge.describe(i18n, context.cache().state(fr.comptoir.centralapi.Feed.STOCK).lastSuccessAt(), System.currentTimeMillis()));
        return new fr.comptoir.sale.ui.AisleView(vm, i18n, back).root();
    }

    /** The journal of the signed-in seller's voids, drawer openings and approvals at this till. */
    private fr.comptoir.sale.TillAudit tillAudit() {
        DeviceConfig d = context.device().orElseThrow();
        return fr.comptoir.sale.TillAudit.journaled(context.journal(), context.clock(), d.storeId(), d.deviceId(), session.staff().id());
    }

    private Node discountView(javafx.scene.layout.StackPane holder, int index) {
        fr.comptoir.staff.ManagerApproval approval = new fr.comptoir.staff.ManagerApproval(context.staffDirectory(),
                context.device().orElseThrow().storeId());
        Runnable back = () -> holder.getChildren().setAll(sellView(holder));
        fr.comptoir.sale.ui.DiscountViewModel vm = new fr.comptoir.sale.ui.DiscountViewModel(basket, index,
                discountPolicy, approval::approve, tillAudit(), runner, i18n, back);
        String title = index < 0 ? i18n.get("sell.discountBasket") : i18n.get("sell.discountLine", basket.lines().get(index).label());
        return new fr.comptoir.sale.ui.DiscountView(vm, i18n, title, back).root();
    }

    private Node paymentView(javafx.scene.layout.StackPane holder) {
        DeviceConfig d = context.device().orElseThrow();
        String staffId = session.staff().id();
        String staffName = session.staff().displayName();
        String saleId = basket.saleId();
        java.util.List<fr.comptoir.sale.BasketLine> lines = basket.lines();
        fr.comptoir.customers.Customer customer = basket.customer();
        java.util.Set<String> carts = basket.cartIds();
        String deliveryAddress = basket.deliveryAddress();
        java.util.concurrent.atomic.AtomicReference<fr.comptoir.sale.ui.PaymentViewModel> self = new java.util.concurrent.atomic.AtomicReference<>();
        fr.comptoir.sale.ui.PaymentViewModel vm = new fr.comptoir.sale.ui.PaymentViewModel(basket, context.salePayments(),
                checkout -> {
                    // Runs in the background: the store's code comes from the cache.
                    String storeCode = context.staffDirectory().store(d.storeId()).map(fr.comptoir.stores.Store::code).orElse("ST");
                    fr.comptoir.sale.SaleCompletion.Seller seller = new fr.comptoir.sale.SaleCompletion.Seller(d.storeId(), storeCode,
                            d.deviceId(), staffId, staffName);
                    fr.comptoir.sale.SaleRecord sale = context.saleCompletion().complete(saleId, lines, customer, carts, deliveryAddress,
                            checkout, seller);
                    context.sync().requestDelivery();
                    return sale;
                },
                sale -> {
                    String text = fr.comptoir.sale.ui.ReceiptText.of(sale, d.storeName(), i18n, false);
                    context.receiptArchive().save(sale.ticketNumber(), text);
                    return text;
                }, runner, i18n, sale -> {
                    basket.clear();
                    printReceipt(fr.comptoir.sale.ui.ReceiptText.of(sale, d.storeName(), i18n, false),
                            problem -> self.get().messageProperty().set(problem));
                });
        self.set(vm);
        // The basket is on disk before any payment is asked: a payment never exists without its sale.
        vm.load(autosave::flush);
        vm.enableGiftCards();
        fr.comptoir.sale.ReceiptEmail emails = new fr.comptoir.sale.ReceiptEmail(context.journal());
        vm.enableEmail(customer == null ? null : customer.email(), (sale, to) -> {
            emails.send(sale, to, i18n.locale().getLanguage(), staffId);
            context.sync().requestDelivery();
        });
        return new fr.comptoir.sale.ui.PaymentView(vm, i18n, () -> holder.getChildren().setAll(sellView(holder)),
                () -> holder.getChildren().setAll(sellView(holder))).root();
    }

    /** Prints in the background; a printer problem never undoes the sale, it is only said. */
    private void printReceipt(String text, java.util.function.Consumer<String> onProblem) {
        runner.run(() -> {
            context.receiptPrinter().print(text);
            return null;
        }, x -> { }, failure -> {
            onProblem.accept(i18n.get("pay.printFailed", failure.getMessage()));
        });
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
        }, x -> { }, x -> { });
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
        }, x -> { });
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
        }, x -> { }, x -> { });
        showSignIn(locked);
    }

    private void signOut() {
        StaffSession s = session;
        session = null;
        currentSection = MainView.Section.CUSTOMERS;
        runner.run(() -> {
            context.signIn().signOut(s);
            return null;
        }, x -> { }, x -> { });
        showSignIn(null);
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
