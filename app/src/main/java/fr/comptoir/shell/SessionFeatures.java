package fr.comptoir.shell;

import fr.comptoir.AppContext;
import fr.comptoir.DeviceConfig;
import fr.comptoir.sale.Basket;
import fr.comptoir.sale.BasketAutosave;
import fr.comptoir.sale.DiscountPolicy;
import fr.comptoir.staff.StaffSession;
import fr.comptoir.uikit.DataAge;
import fr.comptoir.uikit.I18n;
import fr.comptoir.uikit.StatusBarViewModel;
import fr.comptoir.uikit.TaskRunner;
import javafx.application.Platform;

import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The features of a signed-in session, wired from the composition root's services: what each feature
 * needs, and nothing else, goes to its wiring class ({@code CustomersFeature}, {@code SellFeature}); the
 * features meet only through the ports they name (the customer file's way into the basket, the Sell
 * screen's customer picker). The window builds one per session and language. JavaFX thread.
 */
final class SessionFeatures {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SessionFeatures.class);

    private final AppContext context;
    private final StaffSession session;
    private final Basket basket;
    private final BasketAutosave autosave;
    private final Supplier<DiscountPolicy> discountPolicy;
    private final StatusBarViewModel status;
    private final BooleanSupplier online;
    private final TaskRunner runner;
    private final TaskRunner network;
    private final I18n i18n;
    private final fr.comptoir.uikit.ScanRouter scans;
    private final Runnable openSale;
    private Runnable rebuild = () -> { };

    /** Builds the screens again (training mode started or ended: every screen says it). */
    SessionFeatures onRebuild(Runnable rebuild) {
        this.rebuild = rebuild;
        return this;
    }

    SessionFeatures(AppContext context, StaffSession session, Basket basket, BasketAutosave autosave, Supplier<DiscountPolicy> discountPolicy,
                    StatusBarViewModel status, BooleanSupplier online, TaskRunner runner, TaskRunner network, I18n i18n,
                    fr.comptoir.uikit.ScanRouter scans, Runnable openSale) {
        this.openSale = openSale;
        this.context = context;
        this.session = session;
        this.basket = basket;
        this.autosave = autosave;
        this.discountPolicy = discountPolicy;
        this.status = status;
        this.online = online;
        this.runner = runner;
        this.network = network;
        this.i18n = i18n;
        this.scans = scans;
    }

    /** The Customers feature for the signed-in associate, with its way into the till's basket. */
    fr.comptoir.customers.ui.CustomersFeature customers() {
        DeviceConfig d = context.device().orElseThrow();
        StaffSession s = session;
        fr.comptoir.customers.ui.CustomersFeature.Services services = new fr.comptoir.customers.ui.CustomersFeature.Services(
                q -> context.customerSearch().search(q, fr.comptoir.customers.ui.CustomerSearchViewModel.LIMIT),
                context::centralCustomerSearch, context.clienteling(), context.customerFiles(), context::liveCarts,
                text -> context.catalog().search(text, d.storeId(), 20), () -> context.sync().requestDelivery());
        fr.comptoir.customers.ui.CustomersFeature.SaleBasket saleBasket = new fr.comptoir.customers.ui.CustomersFeature.SaleBasket() {
            @Override
            public boolean holdsCart(String cartId) {
                return basket.containsCart(cartId);
            }

            @Override
            public void attach(fr.comptoir.customers.Customer customer) {
                basket.attach(customer);
            }

            @Override
            public boolean continueInStore(fr.comptoir.customers.OnlineCart cart, Map<String, fr.comptoir.catalog.VariantInfo> catalogue,
                                           fr.comptoir.customers.Customer customer) {
                // Runs in the background: journaled here, the lines join the basket on the JavaFX thread.
                fr.comptoir.sale.CartTakeover.Plan plan = fr.comptoir.sale.CartTakeover.plan(cart, catalogue);
                fr.comptoir.sale.CartTakeover.Plan recorded = context.cartTakeover().record(cart, plan, basket, d.storeId(), d.deviceId(),
                        s.staff().id());
                if (recorded == null) {
                    return false;
                }
                context.sync().requestDelivery();
                Platform.runLater(() -> {
                    recorded.lines().forEach(basket::add);
                    if (basket.customer() == null) {
                        basket.attach(customer);
                    }
                    // The cart is in the sale now: the sale is where the associate goes on.
                    openSale.run();
                });
                return true;
            }
        };
        return new fr.comptoir.customers.ui.CustomersFeature(services, saleBasket,
                () -> new fr.comptoir.customers.ClientelingService.Author(s.staff().id(), s.staff().displayName(), d.storeId()),
                online, runner, network, i18n, scans, status.statusProperty());
    }

    /** The Sell feature for the signed-in seller, around the till's one basket. */
    /**
     * The Pickups screen for the signed-in associate: the store's queue from the cache, the desk freshening an
     * order from the platform when it can, scans routed to its search.
     */
    javafx.scene.Node pickups() {
        DeviceConfig d = context.device().orElseThrow();
        fr.comptoir.pickups.ui.PickupsViewModel vm = new fr.comptoir.pickups.ui.PickupsViewModel(context.pickupQueue(), context.pickupDesk(),
                network, i18n, context.clock(), session.staff().id(),
                new fr.comptoir.staff.ManagerApproval(context.staffDirectory(), d.storeId())::approve, () -> context.sync().requestDelivery());
        vm.enablePrinting(new fr.comptoir.pickups.ui.PickupsViewModel.Printing(d.storeName(), context.receiptPrinter()::print,
                (name, text) -> context.receiptArchive().save(name, text)));
        fr.comptoir.sale.TillAudit audit = fr.comptoir.sale.TillAudit.journaled(context.journal(), context.clock(), d.storeId(), d.deviceId(),
                session.staff().id());
        vm.showQueueAge(() -> context.cache().state(fr.comptoir.centralapi.Feed.PICKUPS).lastSuccessAt());
        vm.journalRefusedApprovals(what -> audit.record(fr.comptoir.sale.TillEvent.Type.APPROVAL_REFUSED, null, 0, what));
        fr.comptoir.pickups.PickupDesk desk = context.pickupDesk();
        vm.enableTill((order, prepared, worth) -> {
            if (!basket.lines().isEmpty()) {
                return false;
            }
            fr.comptoir.pickups.Handover h = prepared.settledBy(basket.saleId());
            basket.settle(fr.comptoir.pickups.TillBalance.settlement(order, h),
                    fr.comptoir.pickups.TillBalance.lines(order, worth, h.dueCents(), (number, item) -> i18n.get("sell.orderBalanceLine", number, item)), null);
            settling = new Settling(order, h, desk, vm);
            if (order.customerId() != null) {
                String saleId = basket.saleId();
                runner.run(() -> context.clienteling().profile(order.customerId()).map(fr.comptoir.customers.ClientelingService.Profile::customer),
                        found -> found.filter(c -> saleId.equals(basket.saleId())).ifPresent(basket::attach),
                        failure -> LOG.warn("The customer of a pickup order could not be read: the ticket names none", failure));
            }
            openSale.run();
            return true;
        });
        javafx.scene.Node root = new fr.comptoir.pickups.ui.PickupsView(vm, i18n).root();
        scans.routeWhileShown(root, vm::scanned);
        vm.open();
        return root;
    }

    /**
     * The Returns screen: orders from the cache (this terminal's own returns counted), the customer search of the
     * Customers screen, items coming back sent to the till's basket (decision 0030), scans to its search.
     */
    /** The Till screen: cash session, X and Z, closings, the fiscal archive (decisions 0031, 0032). */
    javafx.scene.Node till() {
        DeviceConfig d = context.device().orElseThrow();
        java.time.ZoneId zone = java.time.ZoneId.systemDefault();
        fr.comptoir.till.ui.TillViewModel.Services services = new fr.comptoir.till.ui.TillViewModel.Services(context.till(),
                new fr.comptoir.staff.ManagerApproval(context.staffDirectory(), d.storeId())::approve,
                (closing, x) -> fr.comptoir.till.ui.ClosingReport.text(closing, x, d.storeName(),
                        context.staffDirectory().store(d.storeId()).map(fr.comptoir.stores.Store::legal).orElse(null),
                        fr.comptoir.Version.software(), i18n, zone,
                        id -> context.staffDirectory().byId(id).map(fr.comptoir.staff.StaffMember::displayName).orElse(id)),
                (text, id) -> {
                    context.receiptArchive().save(id, text, id);
                    context.receiptPrinter().print(text, id);
                },
                () -> {
                    java.time.LocalDate today = java.time.LocalDate.now(zone);
                    try {
                        return context.exportFiscalArchive(today.minusMonths(1).withDayOfMonth(1).atStartOfDay(zone).toInstant(),
                                today.plusDays(1).atStartOfDay(zone).toInstant(), context.home().resolve("archives"));
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }, context::tillDifferenceLimitCents, zone, () -> context.sync().requestDelivery());
        fr.comptoir.till.ui.TillViewModel vm = new fr.comptoir.till.ui.TillViewModel(services, session.staff().id(),
                session.staff().displayName(), session.isManager(), runner, i18n);
        vm.enableTraining(context.training().session().map(fr.comptoir.till.TrainingMode.Session::managerName).orElse(null), (on, pin) -> {
            if (!basket.lines().isEmpty()) {
                throw new fr.comptoir.till.Till.Refused("training.basketNotEmpty", "A sale is in progress");
            }
            fr.comptoir.staff.StaffMember manager = new fr.comptoir.staff.ManagerApproval(context.staffDirectory(), d.storeId()).approve(pin)
                    .orElseThrow(() -> new fr.comptoir.till.Till.Refused("till.managerPinRefused", "Not a manager's PIN"));
            context.training(on, manager);
        }, rebuild);
        return new fr.comptoir.till.ui.TillView(vm, i18n).root();
    }

    javafx.scene.Node returns() {
        DeviceConfig d = context.device().orElseThrow();
        fr.comptoir.returns.ReturnCounter counter = context.returnCounter();
        fr.comptoir.returns.ui.ReturnsViewModel.Till till = new fr.comptoir.returns.ui.ReturnsViewModel.Till() {
            @Override
            public Map<String, Integer> inBasket(String orderId) {
                Map<String, Integer> units = new java.util.HashMap<>();
                basket.lines().stream().filter(l -> l.returnOf() != null && orderId.equals(l.returnOf().orderId()))
                        .forEach(l -> units.merge(l.returnOf().lineId(), -l.quantity(), Integer::sum));
                return units;
            }

            @Override
            public boolean add(java.util.List<fr.comptoir.sale.BasketLine> lines, String customerId) {
                if (basket.settlement() != null) {
                    return false;
                }
                lines.forEach(basket::add);
                if (basket.customer() == null && customerId != null) {
                    // The ticket names the customer: the return shows in their history.
                    String saleId = basket.saleId();
                    runner.run(() -> context.clienteling().profile(customerId).map(fr.comptoir.customers.ClientelingService.Profile::customer),
                            found -> found.filter(c -> saleId.equals(basket.saleId()) && basket.customer() == null).ifPresent(basket::attach),
                            failure -> LOG.warn("The customer of an order coming back could not be read: the ticket names none", failure));
                }
                return true;
            }
        };
        fr.comptoir.returns.ui.ReturnsViewModel vm = new fr.comptoir.returns.ui.ReturnsViewModel(counter, text -> {
            java.util.List<fr.comptoir.returns.ui.ReturnsViewModel.Found> orders = new java.util.ArrayList<>();
            for (fr.comptoir.customers.CustomerMatch m : context.customerSearch().search(fr.comptoir.customers.CustomerQuery.parse(text), 5)) {
                counter.ofCustomer(m.customer().id(), 20).forEach(o -> orders.add(new fr.comptoir.returns.ui.ReturnsViewModel.Found(o,
                        m.customer().fullName())));
            }
            orders.sort(java.util.Comparator.comparing((fr.comptoir.returns.ui.ReturnsViewModel.Found f) -> f.order().placedAt()).reversed());
            return orders;
        }, till, runner, i18n, new fr.comptoir.staff.ManagerApproval(context.staffDirectory(), d.storeId())::approve);
        vm.showDataAge(() -> DataAge.describe(i18n, context.feedAsOf(fr.comptoir.centralapi.Feed.ORDERS), System.currentTimeMillis()));
        vm.onTill(openSale);
        fr.comptoir.sale.ScanLookup items = new fr.comptoir.sale.ScanLookup(context.catalog(), d.storeId());
        vm.enableWithoutReceipt(code -> items.lookup(code) instanceof fr.comptoir.sale.ScanLookup.Result.Found f ? java.util.Optional.of(f.item())
                : java.util.Optional.empty());
        javafx.scene.Node root = new fr.comptoir.returns.ui.ReturnsView(vm, i18n).root();
        scans.routeWhileShown(root, vm::scanned);
        return root;
    }

    /** An order whose balance the till is taking, with its hand-over (in this session only: see decision 0029). */
    private record Settling(fr.comptoir.pickups.Pickup order, fr.comptoir.pickups.Handover handover, fr.comptoir.pickups.PickupDesk desk,
                            fr.comptoir.pickups.ui.PickupsViewModel desktop) {
    }

    private Settling settling;

    /**
     * The till recorded a sale that paid an order's balance, and with it the order's hand-over: the queue shows
     * it, and the hand-over receipt is printed and kept as at the desk.
     */
    private void orderSettled(fr.comptoir.sale.SaleRecord sale) {
        Settling s = settling;
        if (s == null || !sale.id().equals(s.handover().settlementSaleId())) {
            return;
        }
        settling = null;
        runner.run(() -> s.desk().recorded(s.order(), s.handover()), after -> s.desktop().handedOverAtTill(after, s.handover()),
                failure -> status.notice(failure.getMessage()));
    }

    fr.comptoir.sale.ui.SellFeature sell(fr.comptoir.customers.ui.CustomersFeature customers) {
        DeviceConfig d = context.device().orElseThrow();
        StaffSession s = session;
        fr.comptoir.sale.ui.SellFeature.Services services = new fr.comptoir.sale.ui.SellFeature.Services(context.catalog(),
                context.cache()::promotions, context.parkedSales(), new fr.comptoir.staff.ManagerApproval(context.staffDirectory(), d.storeId())::approve,
                fr.comptoir.sale.TillAudit.journaled(context.journal(), context.clock(), d.storeId(), d.deviceId(), s.staff().id()),
                context.training().active() ? context.trainingPayments() : context.salePayments(), context.saleCompletion(),
                () -> new fr.comptoir.sale.SaleCompletion.Seller(d.storeId(),
                        context.staffDirectory().store(d.storeId()).map(fr.comptoir.stores.Store::code).orElse("ST"), d.deviceId(), s.staff().id(),
                        s.staff().displayName()),
                // Every till receipt carries its ticket number as a QR code, scanned at the returns counter.
                context.receiptPrinter(), (ticket, text) -> context.receiptArchive().save(ticket, text, ticket),
                new fr.comptoir.sale.ReceiptEmail(context.journal()), () -> context.recentSales(30),
                variantId -> {
                    boolean live = online.getAsBoolean();
                    java.util.Optional<java.util.List<fr.comptoir.catalog.LocationStock>> found = live
                            ? context.liveStockElsewhere(variantId, d.storeId()) : java.util.Optional.empty();
                    return found.map(l -> new fr.comptoir.sale.ui.AisleViewModel.Availability(l, true))
                            .orElseGet(() -> new fr.comptoir.sale.ui.AisleViewModel.Availability(
                                    context.stockElsewhere().stockOf(variantId, d.storeId()), false));
                },
                () -> DataAge.describe(i18n, context.feedAsOf(fr.comptoir.centralapi.Feed.STOCK), System.currentTimeMillis()),
                card -> context.customerSearch().search(fr.comptoir.customers.CustomerQuery.parse(card), 2).stream()
                        .filter(m -> card.equals(m.customer().loyaltyCard())).map(fr.comptoir.customers.CustomerMatch::customer).findFirst(),
                () -> context.sync().requestDelivery(),
                id -> context.clienteling().profile(id).map(p -> p.customer().email()).orElse(null), context::storeNames,
                context.receiptProofs(), () -> context.training().active() || context.till().isOpen());
        fr.comptoir.sale.ui.SellFeature sell = new fr.comptoir.sale.ui.SellFeature(services, basket, autosave, discountPolicy, d.storeId(),
                d.storeName(), s.staff().id(), s.staff().displayName(), () -> customers.picker(basket::attach), runner, i18n, status::notice, scans);
        sell.setOnOrderSettled(this::orderSettled);
        return sell;
    }

}
