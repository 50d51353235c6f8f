package fr.comptoir.sale.ui;

import fr.comptoir.catalog.VariantInfo;
import fr.comptoir.common.Money;
import fr.comptoir.customers.Customer;
import fr.comptoir.sale.Basket;
import fr.comptoir.sale.BasketLine;
import fr.comptoir.sale.ParkedSale;
import fr.comptoir.sale.ParkedSales;
import fr.comptoir.sale.ScanLookup;
import fr.comptoir.sale.TillAudit;
import fr.comptoir.sale.TillEvent;
import fr.comptoir.sale.Vat;
import fr.comptoir.sale.VatLine;
import fr.comptoir.uikit.I18n;
import fr.comptoir.uikit.TaskRunner;
import fr.comptoir.staff.StaffMember;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Sell screen: scans and typed codes land in the basket, names find products, lines change
 * quantity or are voided, and the totals show the French VAT breakdown. Bad codes say so and change
 * nothing. JavaFX thread only; look-ups run through the {@link TaskRunner}.
 */
public final class SellViewModel {

    /** A basket line as shown. */
    public record LineRow(int index, String label, int quantity, String unitPrice, String total, boolean fromCart, String discount,
                          String variantId, boolean notHere, String fulfilment) {
        /** The same line wherever it stands in the basket. */
        boolean sameAs(LineRow other) {
            return new LineRow(0, label, quantity, unitPrice, total, fromCart, discount, variantId, notHere, fulfilment)
                    .equals(new LineRow(0, other.label, other.quantity, other.unitPrice, other.total, other.fromCart, other.discount,
                            other.variantId, other.notHere, other.fulfilment));
        }
    }

    /**
     * A product found by name: its sizes and colours, to be chosen before a line is added.
     *
     * @param price  its price, or "from" the lowest when its variants differ
     * @param detail colours, sizes and units here, in words
     */
    public record ProductChoice(String name, String price, String detail, List<VariantInfo> variants) {

        /** The variants by colour, in the catalogue's order (a product without colours has one group, keyed ""). */
        public Map<String, List<VariantInfo>> byColour() {
            Map<String, List<VariantInfo>> groups = new LinkedHashMap<>();
            for (VariantInfo v : variants) {
                groups.computeIfAbsent(v.colour() == null ? "" : v.colour(), k -> new ArrayList<>()).add(v);
            }
            return groups;
        }
    }

    /** A VAT breakdown line as shown. */
    public record VatRow(String rate, String base, String vat, String total) {
    }

    private final StringProperty entry = new SimpleStringProperty("");
    private final fr.comptoir.uikit.Notice notice = new fr.comptoir.uikit.Notice();
    private final StringProperty message = notice.textProperty();
    /** Told of every scan that added nothing (a sound, when the store turns it on); silent by default. */
    private Runnable onScanError = () -> { };
    private final StringProperty total = new SimpleStringProperty("");
    private final StringProperty paidSoFar = new SimpleStringProperty("");
    private final ObservableList<ProductChoice> searchResults = FXCollections.observableArrayList();
    private final ObjectProperty<ProductChoice> choosing = new SimpleObjectProperty<>();
    private final ObservableList<LineRow> lines = FXCollections.observableArrayList();
    private final ObservableList<VatRow> vat = FXCollections.observableArrayList();
    private final Basket basket;
    private final Function<String, ScanLookup.Result> lookup;
    private final Function<String, List<VariantInfo>> search;
    private final Function<String, Optional<Customer>> loyaltyCard;
    private final TaskRunner runner;
    private final I18n i18n;
    private long searchGeneration;
    private final Map<String, Integer> availableHere = new HashMap<>();
    private final ObservableList<ParkedSale> parked = FXCollections.observableArrayList();
    private ParkedSales parkedSales;
    private Function<String, Optional<StaffMember>> approve;
    private String staffName = "";
    private TillAudit audit = TillAudit.NONE;
    private boolean lineVoidsNeedManager;
    private final javafx.beans.property.IntegerProperty lineToVoid = new javafx.beans.property.SimpleIntegerProperty(-1);
    private String lineToVoidVariant;
    /** The row just added or changed, for the view to bring into sight; -1 when the last change only removed. */
    private final javafx.beans.property.IntegerProperty changedLine = new javafx.beans.property.SimpleIntegerProperty(-1);
    /** A store's name by its id, for lines collected elsewhere. */
    private Function<String, String> locationName = id -> id;
    /** Units of each variant on this store's shelf, for lines that came without a scan (a cart, a restored sale). */
    private Function<java.util.Collection<String>, Map<String, Integer>> stockHere;

    /** @param loyaltyCard the customer holding a loyalty card number, for cards scanned on this screen */
    public SellViewModel(Basket basket, Function<String, ScanLookup.Result> lookup, Function<String, List<VariantInfo>> search,
                         Function<String, Optional<Customer>> loyaltyCard, TaskRunner runner, I18n i18n) {
        this.basket = basket;
        this.lookup = lookup;
        this.search = search;
        this.loyaltyCard = loyaltyCard;
        this.runner = runner;
        this.i18n = i18n;
        stopListening = basket.addListener(b -> refresh());
        entry.addListener((obs, old, text) -> searchProducts(text));
        refresh();
    }

    private final Runnable stopListening;

    /** The screen is gone: it no longer follows the basket. */
    public void dispose() {
        stopListening.run();
    }

    /**
     * Parking and voiding need the parked-sales store, manager approval, who is selling and the till's
     * journal for voids, drawer openings and refused PINs.
     */
    public void enableParkingAndVoid(ParkedSales store,
                                     Function<String, Optional<StaffMember>> managerApproval,
                                     String sellerName, TillAudit tillAudit) {
        this.parkedSales = store;
        this.approve = managerApproval;
        this.staffName = sellerName;
        this.audit = tillAudit;
        refreshParked();
    }

    public ObservableList<ParkedSale> parked() {
        return parked;
    }

    private void refreshParked() {
        runner.run(parkedSales::list, parked::setAll, failure -> notice.error(failure.getMessage()));
    }

    /** Sets the basket aside (kept on disk) and empties the till for the next customer. */
    public void park() {
        if (basket.lines().isEmpty() || parkedSales == null || refusedAsPaid() || refusedAsSettlement()) {
            return;
        }
        ParkedSale sale = ParkedSale.of(basket, "parked-" + UUID.randomUUID(),
                Instant.now().toString(), staffName);
        runner.run(() -> {
            parkedSales.park(sale);
            return null;
        }, x -> {
            basket.clear();
            notice.confirm(i18n.get("sell.parked", money(sale.totalCents())));
            refreshParked();
        }, failure -> notice.error(failure.getMessage()));
    }

    /** Takes a parked sale up again, into an empty basket only. */
    public void resume(ParkedSale sale) {
        if (!basket.lines().isEmpty()) {
            notice.warn(i18n.get("sell.resumeNeedsEmpty"));
            return;
        }
        runner.run(() -> parkedSales.take(sale.id()), taken -> {
            if (taken.isPresent()) {
                basket.restore(taken.get());
                notice.confirm(i18n.get("sell.resumed", money(taken.get().totalCents())));
            } else {
                notice.warn(i18n.get("sell.alreadyResumed"));
            }
            refreshParked();
        }, failure -> notice.error(failure.getMessage()));
    }

    /** Cancels the whole sale before payment: a manager's PIN is required. */
    public void voidSale(String managerPin, Runnable onVoided) {
        if (basket.lines().isEmpty() || refusedAsPaid()) {
            return;
        }
        long total = basket.totalCents();
        String detail = basket.lines().size() + " line(s)";
        runner.run(() -> {
            Optional<StaffMember> manager = approve.apply(managerPin == null ? "" : managerPin);
            if (manager.isPresent()) {
                audit.record(TillEvent.Type.SALE_VOIDED, manager.get().id(), total, detail);
            } else {
                audit.record(TillEvent.Type.APPROVAL_REFUSED, null, total, "void-sale");
            }
            return manager;
        }, manager -> {
            if (manager.isEmpty()) {
                notice.error(i18n.get("sell.voidRefused"));
                return;
            }
            basket.clear();
            notice.confirm(i18n.get("sell.saleVoided", manager.get().displayName()));
            onVoided.run();
        }, failure -> notice.error(failure.getMessage()));
    }

    /** Opens the cash drawer without a sale: a manager's PIN is required. */
    public void openDrawer(String managerPin, Runnable open) {
        runner.run(() -> {
            Optional<StaffMember> manager = approve.apply(managerPin == null ? "" : managerPin);
            if (manager.isPresent()) {
                open.run();
                audit.record(TillEvent.Type.DRAWER_OPENED, manager.get().id(), 0, "no-sale");
            } else {
                audit.record(TillEvent.Type.APPROVAL_REFUSED, null, 0, "open-drawer");
            }
            return manager;
        }, manager -> {
            if (manager.isPresent()) {
                notice.confirm(i18n.get("sell.drawerOpened", manager.get().displayName()));
            } else {
                notice.error(i18n.get("sell.drawerRefused"));
            }
        }, failure -> notice.error(failure.getMessage()));
    }

    /** Enter in the entry field: a code (EAN, SKU) is looked up; a name only searches. */
    public void submitEntry() {
        String text = entry.get() == null ? "" : entry.get().strip();
        if (text.isEmpty()) {
            return;
        }
        Matcher times = TIMES_CODE.matcher(text);
        if (times.matches()) {
            scanned(times.group(2), quantity(times.group(1)));
            return;
        }
        if (text.contains(" ") && !text.chars().allMatch(c -> Character.isDigit(c) || c == ' ')) {
            return;
        }
        scanned(text.replace(" ", ""), 1);
    }

    /** "3x", "3*" or "3×" typed before a scan: how many of the next item. */
    private static final Pattern TIMES = Pattern.compile("^\\s*([-+]?\\d+)\\s*[xX*×]\\s*$");
    /** "3x3760000000017" typed whole: a quantity and a code. */
    private static final Pattern TIMES_CODE = Pattern.compile("^\\s*([-+]?\\d+)\\s*[xX*×]\\s*(\\S+)\\s*$");

    /** How many of the next scanned item: 1, or the "3x" typed in the entry field. */
    private int pendingQuantity() {
        Matcher m = TIMES.matcher(entry.get() == null ? "" : entry.get());
        return m.matches() ? quantity(m.group(1)) : 1;
    }

    /** A typed quantity, or 0 when it is outside 1 to {@link Basket#MAX_QUANTITY} (refused with the rule, never dropped). */
    static int quantity(String typed) {
        String digits = typed.startsWith("+") ? typed.substring(1) : typed;
        if (digits.startsWith("-") || digits.length() > 4) {
            return 0;
        }
        int q = Integer.parseInt(digits);
        return q >= 1 && q <= Basket.MAX_QUANTITY ? q : 0;
    }

    /**
     * A code from the scanner or the entry field: an item (as many as a "3x" typed before it says), or
     * a customer's loyalty card.
     */
    public void scanned(String code) {
        scanned(code, pendingQuantity());
    }

    private void scanned(String code, int quantity) {
        if (refusedAsSettlement()) {
            entry.set("");
            onScanError.run();
            return;
        }
        if (quantity < 1) {
            notice.error(i18n.get("sell.badQuantity", Basket.MAX_QUANTITY));
            entry.set("");
            onScanError.run();
            return;
        }
        record Outcome(ScanLookup.Result item, Optional<Customer> cardHolder) {
        }
        runner.run(() -> {
            ScanLookup.Result r = lookup.apply(code);
            return new Outcome(r, r instanceof ScanLookup.Result.Unknown ? loyaltyCard.apply(code) : Optional.empty());
        }, outcome -> {
            ScanLookup.Result result = outcome.item();
            if (result instanceof ScanLookup.Result.Found found) {
                add(found.item(), quantity);
                entry.set("");
            } else if (outcome.cardHolder().isPresent()) {
                basket.attach(outcome.cardHolder().get());
                entry.set("");
                notice.confirm(i18n.get("customer.attached", outcome.cardHolder().get().fullName()));
            } else if (result instanceof ScanLookup.Result.Unknown unknown) {
                notice.error(i18n.get("sell.unknownCode", unknown.code()));
                onScanError.run();
            } else if (result instanceof ScanLookup.Result.Malformed malformed) {
                notice.error(i18n.get("sell.malformedCode", malformed.code()));
                onScanError.run();
            }
        }, failure -> notice.error(failure.getMessage()));
    }

    public void add(VariantInfo item) {
        add(item, 1);
    }

    private void add(VariantInfo item, int quantity) {
        if (refusedAsSettlement()) {
            return;
        }
        try {
            basket.add(item.variantId(), item.sku(), item.label(), item.priceCents(), item.vatRateBasisPoints(), item.category(), quantity);
        } catch (IllegalArgumentException tooMany) {
            notice.error(i18n.get("sell.maxQuantity", Basket.MAX_QUANTITY));
            entry.set("");
            return;
        }
        availableHere.put(item.variantId(), item.availableHere());
        String label = quantity == 1 ? item.label() : quantity + " × " + item.label();
        notice.confirm(item.priceList() == null ? i18n.get("sell.added", label)
                : i18n.get("sell.addedAtListPrice", label, item.priceList(), money(item.priceCents())));
        searchResults.clear();
        choosing.set(null);
        entry.set("");
    }

    public void increment(int index) {
        if (refusedAsSettlement()) {
            return;
        }
        BasketLine l = basket.lines().get(index);
        if (l.quantity() >= Basket.MAX_QUANTITY) {
            notice.error(i18n.get("sell.maxQuantity", Basket.MAX_QUANTITY));
            return;
        }
        basket.setQuantity(index, l.quantity() + 1);
    }

    public void decrement(int index) {
        if (refusedAsSettlement()) {
            return;
        }
        BasketLine l = basket.lines().get(index);
        if (l.quantity() > 1) {
            try {
                basket.setQuantity(index, l.quantity() - 1);
            } catch (Basket.BelowPaid refused) {
                notice.error(belowPaid(refused.paidCents()));
            }
        }
    }

    /**
     * Money was already taken for this sale (the associate came back from the Payment screen): it can only
     * be completed, not parked or cancelled. Says so and answers true.
     */
    private boolean refusedAsPaid() {
        if (basket.paidCents() <= 0) {
            return false;
        }
        notice.error(i18n.get("sell.paidCannotLeave", money(basket.paidCents())));
        return true;
    }

    /**
     * This basket pays the balance of an order from the pickup desk (decision 0029): its lines are not to be
     * changed, nothing is added to it.
     */
    public boolean settlesOrder() {
        return basket.settlement() != null;
    }

    /** When {@link #settlesOrder()}, says why nothing can change and answers true. */
    public boolean refusedAsSettlement() {
        if (basket.settlement() == null) {
            return false;
        }
        notice.error(i18n.get("sell.settlesOrder", basket.settlement().orderNumber()));
        return true;
    }

    /**
     * "Cancel" on a basket that pays an order's balance: nothing was sold nor handed over, so no manager is
     * needed; the till is empty again and the order stays as it was at the pickup desk. Answers false for any
     * other basket (cancelling a sale needs a manager's PIN).
     */
    public boolean cancelSettlement() {
        fr.comptoir.sale.OrderSettlement order = basket.settlement();
        if (order == null) {
            return false;
        }
        if (refusedAsPaid()) {
            return true;
        }
        long total = basket.totalCents();
        basket.clear();
        notice.confirm(i18n.get("sell.settlementCancelled", order.orderNumber()));
        runner.run(() -> {
            audit.record(TillEvent.Type.SALE_VOIDED, null, total, "order-balance " + order.orderNumber());
            return null;
        }, x -> { }, failure -> notice.error(failure.getMessage()));
        return true;
    }

    private String belowPaid(long paidCents) {
        return i18n.get("sell.belowPaid", money(paidCents));
    }

    /** Takes a line off the basket; the void is journaled (no approval needed before payment). */
    /**
     * Removes a line. When the store wants a manager for that too (a setting, as for voiding the whole
     * sale), the line waits for a manager's PIN ({@link #confirmLineVoid}).
     */
    public void voidLine(int index) {
        if (refusedAsSettlement()) {
            return;
        }
        if (lineVoidsNeedManager) {
            lineToVoid.set(index);
            lineToVoidVariant = basket.lines().get(index).variantId();
            notice.warn(i18n.get("sell.lineVoidExplain", basket.lines().get(index).label()));
            return;
        }
        removeLine(index, null);
    }

    /** A manager's PIN for the line waiting to be removed: removed and journaled with who approved, or refused. */
    public void confirmLineVoid(String managerPin) {
        int index = lineToVoid.get();
        if (index < 0 || index >= basket.lines().size() || !basket.lines().get(index).variantId().equals(lineToVoidVariant)) {
            lineToVoid.set(-1);
            return;
        }
        BasketLine line = basket.lines().get(index);
        runner.run(() -> {
            Optional<StaffMember> manager = approve == null ? Optional.empty() : approve.apply(managerPin == null ? "" : managerPin);
            if (manager.isEmpty()) {
                audit.record(TillEvent.Type.APPROVAL_REFUSED, null, line.totalCents(), "void-line");
            }
            return manager;
        }, manager -> {
            if (manager.isEmpty()) {
                notice.error(i18n.get("sell.voidRefused"));
                return;
            }
            lineToVoid.set(-1);
            removeLine(index, manager.get().id());
        }, failure -> notice.error(failure.getMessage()));
    }

    /** The line stays. */
    public void cancelLineVoid() {
        lineToVoid.set(-1);
        notice.clear();
    }

    /** Whether removing a line needs a manager's PIN, as voiding the sale does (the store's setting). */
    public void setLineVoidsNeedManager(boolean needed) {
        this.lineVoidsNeedManager = needed;
    }

    /** The line waiting for a manager's PIN to be removed, or -1. */
    public javafx.beans.property.ReadOnlyIntegerProperty lineToVoidProperty() {
        return lineToVoid;
    }

    private void removeLine(int index, String approvedBy) {
        BasketLine removed;
        try {
            removed = basket.voidLine(index);
        } catch (Basket.BelowPaid refused) {
            notice.error(belowPaid(refused.paidCents()));
            return;
        }
        notice.confirm(i18n.get("sell.voided", removed.label()));
        runner.run(() -> {
            audit.record(TillEvent.Type.LINE_VOIDED, approvedBy, removed.totalCents(),
                    removed.quantity() + " × " + removed.sku() + " " + removed.label());
            return null;
        }, x -> { }, failure -> notice.error(failure.getMessage()));
    }

    private void searchProducts(String text) {
        long mine = ++searchGeneration;
        String t = text == null ? "" : text.strip();
        if (t.length() < 2 || t.chars().noneMatch(Character::isLetter)) {
            searchResults.clear();
            return;
        }
        runner.run(() -> search.apply(t), found -> {
            if (mine == searchGeneration) {
                searchResults.setAll(group(found));
            }
        }, failure -> searchResults.clear());
    }

    /** Variants found, one choice per product, in the order found. */
    private List<ProductChoice> group(List<VariantInfo> found) {
        Map<String, List<VariantInfo>> byProduct = new LinkedHashMap<>();
        for (VariantInfo v : found) {
            byProduct.computeIfAbsent(v.productId() == null ? v.variantId() : v.productId(), k -> new ArrayList<>()).add(v);
        }
        return byProduct.values().stream().map(vs -> {
            long low = vs.stream().mapToLong(VariantInfo::priceCents).min().orElse(0);
            boolean same = vs.stream().allMatch(v -> v.priceCents() == low);
            String list = vs.stream().map(VariantInfo::priceList).filter(Objects::nonNull).findFirst().orElse(null);
            String price = (same ? money(low) : i18n.get("sell.priceFrom", money(low))) + (list == null ? "" : " (" + list + ")");
            int here = vs.stream().mapToInt(VariantInfo::availableHere).sum();
            String detail = vs.size() == 1 ? i18n.get("carts.inStock", here)
                    : i18n.get("sell.choiceDetail", vs.stream().map(VariantInfo::colour).filter(Objects::nonNull).distinct().count(),
                    vs.stream().map(VariantInfo::size).filter(Objects::nonNull).distinct().count(), here);
            VariantInfo first = vs.get(0);
            String name = vs.size() == 1 ? first.label() : first.productName();
            return new ProductChoice(name, price, detail, List.copyOf(vs));
        }).toList();
    }

    /** A product tapped in the results: added at once when it has one variant, else its sizes and colours are offered. */
    public void choose(ProductChoice product) {
        if (product.variants().size() == 1) {
            add(product.variants().get(0));
        } else {
            choosing.set(product);
        }
    }

    /** Back from the choice of size and colour, nothing added. */
    public void cancelChoice() {
        choosing.set(null);
    }

    /**
     * Lines that join the basket without a scan (an online cart continued in store, a restored or resumed
     * sale) are checked against this store's stock too, so that "not here" shows on them as on scanned ones.
     */
    public void enableStockCheck(Function<java.util.Collection<String>, Map<String, Integer>> unitsHere) {
        this.stockHere = unitsHere;
        refresh();
    }

    /** Lines collected in another store name it. */
    public void enableLocationNames(Function<String, String> names) {
        this.locationName = names;
        refresh();
    }

    /**
     * Whether the sale may go to payment; when not, says why (an order to collect elsewhere needs a
     * customer attached, to be handed over to).
     */
    public boolean readyToPay() {
        boolean pickupElsewhere = basket.lines().stream().anyMatch(l -> l.fulfilment() != null && l.fulfilment().startsWith(BasketLine.PICKUP));
        if (pickupElsewhere && basket.customer() == null) {
            notice.error(i18n.get("sell.pickupNeedsCustomer"));
            return false;
        }
        return true;
    }

    /** The row just added or changed (the view scrolls to it), or -1. */
    /** Scrolls the basket to line {@code index} (back from a screen that worked on it); nothing for -1. */
    public void bringIntoSight(int index) {
        if (index >= 0 && index < lines.size()) {
            changedLine.set(-1);
            changedLine.set(index);
        }
    }

    public javafx.beans.property.ReadOnlyIntegerProperty changedLineProperty() {
        return changedLine;
    }

    private void checkStockOf(List<BasketLine> current) {
        if (stockHere == null) {
            return;
        }
        List<String> unknown = current.stream().filter(BasketLine::takenNow).map(BasketLine::variantId)
                .filter(v -> !availableHere.containsKey(v)).distinct().toList();
        if (unknown.isEmpty()) {
            return;
        }
        unknown.forEach(v -> availableHere.put(v, Integer.MAX_VALUE));
        runner.run(() -> stockHere.apply(unknown), units -> {
            availableHere.putAll(units);
            refresh();
        }, failure -> {
            unknown.forEach(availableHere::remove);
            notice.error(failure.getMessage());
        });
    }

    private void refresh() {
        List<BasketLine> current = basket.lines();
        checkStockOf(current);
        List<LineRow> before = List.copyOf(lines);
        lines.setAll(java.util.stream.IntStream.range(0, current.size()).mapToObj(i -> {
            BasketLine l = current.get(i);
            String discount = l.discountCents() == 0 || l.returned() ? null
                    : i18n.get("sell.discountShown", money(l.discountCents()), i18n.get("reason." + l.discountReason()));
            if (l.promotionCents() > 0) {
                String promo = i18n.get("sell.discountShown", money(l.promotionCents()), l.promotionLabel());
                discount = discount == null ? promo : promo + "   " + discount;
            }
            boolean notHere = l.takenNow() && availableHere.getOrDefault(l.variantId(), Integer.MAX_VALUE) < l.quantity();
            String fulfilment = l.returnOf() != null && l.returnOf().noReceipt() ? i18n.get("sell.comingBackNoReceipt",
                    i18n.get("returns.reason." + l.returnOf().reason().name()), i18n.get("returns.restock." + l.returnOf().restock().name()))
                    : l.returnOf() != null ? i18n.get("sell.comingBack", l.returnOf().orderNumber(),
                    i18n.get("returns.reason." + l.returnOf().reason().name()), i18n.get("returns.restock." + l.returnOf().restock().name()))
                    : l.fulfilment() == null ? null
                    : l.settlesOrder() ? i18n.get("sell.orderBalance")
                    : l.fulfilment().equals(BasketLine.HOME) ? i18n.get("aisle.toDeliver")
                    : i18n.get("aisle.toCollect", locationName.apply(l.fulfilment().substring(BasketLine.PICKUP.length())));
            return new LineRow(i, l.label(), l.quantity(), money(l.unitPriceCents()), money(l.totalCents()), l.fromCartId() != null, discount,
                    l.variantId(), notHere, fulfilment);
        }).toList());
        int changed = -1;
        for (int i = 0; i < lines.size() && changed < 0; i++) {
            LineRow row = lines.get(i);
            if (before.stream().noneMatch(row::sameAs)) {
                changed = i;
            }
        }
        changedLine.set(-1);
        changedLine.set(changed);
        vat.setAll(Vat.breakdown(current).stream().map(this::row).toList());
        total.set(i18n.get("basket.total", money(basket.totalCents()), basket.itemCount()));
        paidSoFar.set(basket.paidCents() > 0 ? i18n.get("sell.paidSoFar", money(basket.paidCents())) : "");
    }

    private VatRow row(VatLine v) {
        return new VatRow(ReceiptText.rate(v.rateBasisPoints(), i18n), money(v.baseCents()), money(v.vatCents()), money(v.totalCents()));
    }

    private String money(long cents) {
        return Money.ofCents(cents).format(i18n.formats());
    }

    public StringProperty entryProperty() { return entry; }
    public StringProperty messageProperty() { return message; }

    /** What the screen last said, with its kind (confirmation, warning, error). */
    public fr.comptoir.uikit.Notice notice() { return notice; }

    /** A signal for scans that added nothing (unknown or misread code, bad quantity); none by default. */
    public void setOnScanError(Runnable signal) { onScanError = signal; }
    public StringProperty totalProperty() { return total; }
    /** "Already paid: …" while money was taken for this sale before coming back to the basket; else empty. */
    public StringProperty paidSoFarProperty() { return paidSoFar; }
    public ObservableList<ProductChoice> searchResults() { return searchResults; }
    public ObjectProperty<ProductChoice> choosingProperty() { return choosing; }
    public ObservableList<LineRow> lines() { return lines; }
    public ObservableList<VatRow> vat() { return vat; }
}
