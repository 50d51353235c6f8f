package fr.comptoir.sale.ui;

import fr.comptoir.catalog.CatalogReader;
import fr.comptoir.catalog.Promotion;
import fr.comptoir.customers.Customer;
import fr.comptoir.sale.Basket;
import fr.comptoir.sale.BasketAutosave;
import fr.comptoir.sale.BasketLine;
import fr.comptoir.sale.DiscountPolicy;
import fr.comptoir.sale.ParkedSales;
import fr.comptoir.sale.PricingEngine;
import fr.comptoir.sale.ReceiptEmail;
import fr.comptoir.sale.ReceiptPrinter;
import fr.comptoir.sale.SaleCompletion;
import fr.comptoir.sale.SalePayments;
import fr.comptoir.sale.SaleRecord;
import fr.comptoir.sale.ScanLookup;
import fr.comptoir.sale.TillAudit;
import fr.comptoir.staff.StaffMember;
import fr.comptoir.uikit.I18n;
import fr.comptoir.uikit.TaskRunner;
import javafx.scene.Node;
import javafx.scene.layout.StackPane;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The Sell feature's wiring for one signed-in seller: the Sell screen and the screens it opens in its
 * place (discount, endless aisle, payment and receipt, reprint), around the till's one basket. What it
 * needs from the rest of the app comes in as {@link Services}; the customer picker comes from the
 * Customers feature as a node. Built by the window for each session. JavaFX thread.
 */
public final class SellFeature {

    private static final Logger LOG = LoggerFactory.getLogger(SellFeature.class);

    /**
     * What the Sell screens read and write. Blocking calls run through the {@link TaskRunner}.
     *
     * @param stockElsewhere  the other locations' stock of a variant: live when online, else the cache's (with {@code live} false)
     * @param stockAge        how old the cached stock is, in words
     * @param loyaltyCard     the one customer whose loyalty card this is, if any
     * @param keepReceipt     keeps a receipt's text under its ticket number (text and PDF)
     * @param seller          who sells, where (read off the JavaFX thread: the store's code comes from the cache)
     * @param requestDelivery asks sync to deliver what was just written
     * @param customerEmail   the e-mail address on file for a customer id, or null (blocking: cache)
     * @param storeNames      every store's name by id (blocking: cache)
     * @param proofs          what receipts carry to prove they are the till's; duplicates numbered (blocking: journal)
     * @param tillOpen        whether the till's cash session is open: cash is taken or handed back only then (no disk)
     */
    public record Services(CatalogReader catalog, Supplier<List<Promotion>> promotions, ParkedSales parked,
                           Function<String, Optional<StaffMember>> approve, TillAudit audit, SalePayments payments, SaleCompletion completion,
                           Supplier<SaleCompletion.Seller> seller, ReceiptPrinter printer, BiConsumer<String, String> keepReceipt,
                           ReceiptEmail emails, Supplier<List<SaleRecord>> recentSales,
                           Function<String, AisleViewModel.Availability> stockElsewhere, Supplier<String> stockAge,
                           Function<String, Optional<Customer>> loyaltyCard, Runnable requestDelivery,
                           Function<String, String> customerEmail, Supplier<Map<String, String>> storeNames,
                           fr.comptoir.sale.ReceiptProofs proofs, java.util.function.BooleanSupplier tillOpen) {
    }

    private final Services services;
    private final Basket basket;
    private final BasketAutosave autosave;
    private final Supplier<DiscountPolicy> policy;
    private final String storeId;
    private final String storeName;
    private final String staffId;
    private final String staffName;
    private final Supplier<Node> customerPicker;
    private final TaskRunner runner;
    private final I18n i18n;
    private final Consumer<String> notice;
    private final fr.comptoir.uikit.ScanRouter scans;
    private java.util.function.BooleanSupplier lineVoidsNeedManager = () -> false;
    private Runnable scanErrorSignal = () -> { };
    /** Stores by id, for lines collected elsewhere (read once per session, in the background). */
    private final Map<String, String> locationNames = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * @param customerPicker a compact customer search attaching its choice to the basket
     * @param notice         where a failure the person must know of is told (the status bar)
     * @param scans          the window's scans: the Sell screen takes them into the basket while it is shown
     */
    public SellFeature(Services services, Basket basket, BasketAutosave autosave, Supplier<DiscountPolicy> policy, String storeId,
                       String storeName, String staffId, String staffName, Supplier<Node> customerPicker, TaskRunner runner, I18n i18n,
                       Consumer<String> notice, fr.comptoir.uikit.ScanRouter scans) {
        this.services = services;
        this.basket = basket;
        this.autosave = autosave;
        this.policy = policy;
        this.storeId = storeId;
        this.storeName = storeName;
        this.staffId = staffId;
        this.staffName = staffName;
        this.customerPicker = customerPicker;
        this.runner = runner;
        this.i18n = i18n;
        this.notice = notice;
        this.scans = scans;
        runner.run(services.storeNames()::get, locationNames::putAll,
                failure -> LOG.warn("Store names could not be read: ids are shown instead", failure));
    }

    /**
     * The Sell screen.
     *
     * @param toPayment   the sale in progress already has payments: it opens on its payment
     * @param sellNotice  said once on the Sell screen (the restored sale), or null
     */
    public Node screen(boolean toPayment, String sellNotice) {
        StackPane holder = new StackPane();
        holder.getChildren().setAll(toPayment ? paymentView(holder) : sellView(holder, sellNotice));
        return holder;
    }

    private Node sellView(StackPane holder, String sellNotice) {
        return sellView(holder, sellNotice, -1);
    }

    /** The Sell screen, with the basket line {@code lineInSight} scrolled into sight (-1: none). */
    private Node sellView(StackPane holder, String sellNotice, int lineInSight) {
        ScanLookup lookup = new ScanLookup(services.catalog(), storeId);
        SellViewModel vm = new SellViewModel(basket, lookup::lookup, text -> services.catalog().searchByProduct(text, storeId, 12),
                services.loyaltyCard(), runner, i18n);
        runner.run(() -> services.promotions().get(), promotions -> {
            PricingEngine engine = new PricingEngine(promotions, storeId);
            basket.setPricer(current -> engine.price(current, Instant.now()));
        }, failure -> {
            LOG.error("Promotions could not be loaded: the sale goes on without them", failure);
            notice.accept(i18n.get("sell.promotionsFailed", failure.getMessage()));
        });
        if (sellNotice != null) {
            vm.notice().warn(sellNotice);
        }
        vm.enableParkingAndVoid(services.parked(), services.approve(), staffName, services.audit());
        vm.enableLocationNames(this::locationName);
        vm.setLineVoidsNeedManager(lineVoidsNeedManager.getAsBoolean());
        vm.setOnScanError(scanErrorSignal);
        vm.enableStockCheck(ids -> {
            Map<String, Integer> units = new java.util.HashMap<>();
            services.catalog().variants(ids, storeId).forEach((id, v) -> units.put(id, v.availableHere()));
            return units;
        });
        Node view = new SellView(vm, basket, i18n, scans, customerPicker.get(), () -> holder.getChildren().setAll(paymentView(holder)),
                index -> {
                    if (!vm.refusedAsSettlement()) {
                        holder.getChildren().setAll(discountView(holder, index));
                    }
                },
                index -> {
                    if (!vm.refusedAsSettlement()) {
                        holder.getChildren().setAll(aisleView(holder, index));
                    }
                },
                () -> showReprints(holder), services.printer()::openDrawer).root();
        vm.bringIntoSight(lineInSight);
        return view;
    }

    /** What a scan that adds nothing does besides its message (the error sound, when the store wants it). */
    public void setScanErrorSignal(Runnable signal) {
        this.scanErrorSignal = signal;
    }

    private Consumer<SaleRecord> onOrderSettled = sale -> { };
    private java.util.function.LongSupplier cashRefundLimit = () -> Long.MAX_VALUE;

    /** The store's rule: the most cash one return hands back (read at each Payment screen). */
    public void setCashRefundLimit(java.util.function.LongSupplier cents) {
        this.cashRefundLimit = cents;
    }

    /** Told (JavaFX thread) when a recorded sale paid an order's balance, its hand-over journaled with it (decision 0029). */
    public void setOnOrderSettled(Consumer<SaleRecord> onOrderSettled) {
        this.onOrderSettled = onOrderSettled;
    }

    /** The store's rule: removing a line needs a manager, as voiding the sale does (read at each Sell screen). */
    public void setLineVoidRule(java.util.function.BooleanSupplier needsManager) {
        this.lineVoidsNeedManager = needsManager;
    }

    private String locationName(String id) {
        return locationNames.getOrDefault(id, id);
    }

    private Runnable back(StackPane holder) {
        return backTo(holder, -1);
    }

    /** Back to the basket, the line just worked on (a discount, an order elsewhere) in sight. */
    private Runnable backTo(StackPane holder, int line) {
        return () -> holder.getChildren().setAll(sellView(holder, null, line));
    }

    /** Reads the till's last sales off the JavaFX thread, then shows them for a duplicate reprint. */
    private void showReprints(StackPane holder) {
        runner.run(services.recentSales()::get,
                sales -> holder.getChildren().setAll(new ReprintView(new ReprintViewModel(sales,
                        sale -> ReceiptText.of(sale, storeName, i18n, true, this::locationName), (sale, preview) -> {
                            // Every copy is numbered in the chain of duplicates before it goes out (decision 0031).
                            fr.comptoir.sale.ReceiptProof proof = services.proofs().duplicate(sale, staffId, fr.comptoir.sale.ReceiptProofs.Copy.PRINTED);
                            services.printer().print(ReceiptText.of(sale, storeName, i18n, true, this::locationName, proof), sale.ticketNumber());
                        }, (sale, to) -> {
                            services.proofs().duplicate(sale, staffId, fr.comptoir.sale.ReceiptProofs.Copy.EMAILED);
                            services.emails().sendCopy(sale, to, i18n.locale().getLanguage(), staffId);
                            services.requestDelivery().run();
                        }, services.customerEmail(), runner, i18n), i18n, back(holder)).root()),
                failure -> notice.accept(i18n.get("sell.reprintFailed", failure.getMessage())));
    }

    private Node aisleView(StackPane holder, int index) {
        AisleViewModel vm = new AisleViewModel(basket, index, runner, i18n, backTo(holder, index));
        String variantId = basket.lines().get(index).variantId();
        vm.load(() -> services.stockElsewhere().apply(variantId), services.stockAge());
        return new AisleView(vm, i18n, backTo(holder, index)).root();
    }

    private Node discountView(StackPane holder, int index) {
        DiscountViewModel vm = new DiscountViewModel(basket, index, policy.get(), services.approve(), services.audit(), runner, i18n,
                backTo(holder, index));
        String title = index < 0 ? i18n.get("sell.discountBasket") : i18n.get("sell.discountLine", basket.lines().get(index).label());
        return new DiscountView(vm, i18n, title, backTo(holder, index)).root();
    }

    private Node paymentView(StackPane holder) {
        String saleId = basket.saleId();
        List<BasketLine> lines = basket.lines();
        Customer customer = basket.customer();
        Set<String> carts = basket.cartIds();
        String deliveryAddress = basket.deliveryAddress();
        fr.comptoir.sale.OrderSettlement settlement = basket.settlement();
        PaymentViewModel[] self = new PaymentViewModel[1];
        PaymentViewModel vm = new PaymentViewModel(basket, services.payments(),
                checkout -> {
                    SaleRecord sale = services.completion().complete(saleId, lines, customer, carts, deliveryAddress, checkout,
                            services.seller().get(), settlement);
                    services.requestDelivery().run();
                    return sale;
                },
                sale -> {
                    String text = ReceiptText.of(sale, storeName, i18n, false, this::locationName, services.proofs().original(sale));
                    services.keepReceipt().accept(sale.ticketNumber(), text);
                    return text;
                }, runner, i18n, sale -> {
                    basket.clear();
                    if (settlement != null) {
                        onOrderSettled.accept(sale);
                    }
                    String kept = self[0].receiptProperty().get();
                    print(kept == null || kept.isEmpty() ? ReceiptText.of(sale, storeName, i18n, false, this::locationName) : kept, sale.ticketNumber(),
                            problem -> self[0].notice().warn(problem));
                });
        self[0] = vm;
        // The basket is on disk before any payment is asked: a payment never exists without its sale.
        vm.load(autosave::flush);
        vm.enableGiftCards();
        vm.setCashRefundLimit(cashRefundLimit.getAsLong());
        vm.requireOpenTill(services.tillOpen());
        vm.enableCashApproval(services.approve(), (managerId, cents) -> services.audit().record(fr.comptoir.sale.TillEvent.Type.CASH_REFUND_APPROVED,
                managerId, cents, "cash-refund-above-limit"));
        vm.enableEmail(customer == null ? null : customer.email(), (sale, to) -> {
            services.emails().send(sale, to, i18n.locale().getLanguage(), staffId);
            services.requestDelivery().run();
        });
        return new PaymentView(vm, i18n, back(holder), back(holder)).root();
    }

    /** Prints in the background; a printer problem never undoes the sale, it is only said. */
    private void print(String text, String ticketNumber, Consumer<String> onProblem) {
        runner.run(() -> {
            services.printer().print(text, ticketNumber);
            return null;
        }, x -> { }, failure -> onProblem.accept(i18n.get("pay.printFailed", failure.getMessage())));
    }
}
