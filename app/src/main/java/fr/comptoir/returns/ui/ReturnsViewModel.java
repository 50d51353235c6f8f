package fr.comptoir.returns.ui;

import fr.comptoir.common.Money;
import fr.comptoir.orders.Order;
import fr.comptoir.returns.ReturnCounter;
import fr.comptoir.returns.ReturnableLine;
import fr.comptoir.sale.BasketLine;
import fr.comptoir.sale.ReturnOf;
import fr.comptoir.staff.StaffMember;
import fr.comptoir.uikit.I18n;
import fr.comptoir.uikit.Notice;
import fr.comptoir.uikit.TaskRunner;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The Returns screen: find the order (a scanned receipt or confirmation, an order or ticket number, the
 * customer), choose per line how many come back, why and in what condition, and send them to the till, where
 * the money goes back with the till's tenders (an exchange adds the new items there). Lines outside the store's
 * policy need a manager's PIN. Everything blocking runs through the {@link TaskRunner}; JavaFX thread only.
 */
public final class ReturnsViewModel {

    /** One line as the associate works on it. */
    public static final class LineChoice {
        private final ReturnableLine line;
        private int units;
        private ReturnOf.Reason reason;
        private ReturnOf.Restock restock = ReturnOf.Restock.SELLABLE;

        LineChoice(ReturnableLine line) {
            this.line = line;
        }

        public ReturnableLine line() { return line; }
        public int units() { return units; }
        public ReturnOf.Reason reason() { return reason; }
        public ReturnOf.Restock restock() { return restock; }
    }

    /**
     * The till's basket, where the items coming back go (with new items for an exchange). JavaFX thread.
     */
    public interface Till {
        /** Units of each line of {@code orderId} already coming back in the basket. */
        Map<String, Integer> inBasket(String orderId);

        /**
         * Adds the lines, for the order's customer ({@code customerId}, or null for a guest order: the basket's
         * customer, if any, stays); false when the basket cannot take them (it pays an order's balance).
         */
        boolean add(List<BasketLine> lines, String customerId);
    }

    /** An order found, with its customer's name when the search went through the customer. */
    public record Found(Order order, String customerName) {
    }

    private final ReturnCounter counter;
    private final Function<String, List<Found>> customerOrders;
    private final Till till;
    private final TaskRunner runner;
    private final I18n i18n;
    private final Function<String, Optional<StaffMember>> approve;
    private final StringProperty search = new SimpleStringProperty("");
    private final ObservableList<Found> found = FXCollections.observableArrayList();
    private final ObjectProperty<ReturnCounter.ReturnableOrder> selected = new SimpleObjectProperty<>();
    private final ObservableList<LineChoice> lines = FXCollections.observableArrayList();
    private final StringProperty refund = new SimpleStringProperty("");
    private final StringProperty managerPin = new SimpleStringProperty("");
    private final BooleanProperty needsManager = new SimpleBooleanProperty(false);
    private final StringProperty listTitle = new SimpleStringProperty("");
    private final StringProperty dataAge = new SimpleStringProperty("");
    private final Notice notice = new Notice();
    private java.util.function.Supplier<String> age = () -> "";
    /** An item brought back without a receipt, being set up (decision 0030). */
    private final BooleanProperty withoutReceipt = new SimpleBooleanProperty(false);
    private final ObjectProperty<fr.comptoir.catalog.VariantInfo> item = new SimpleObjectProperty<>();
    private final javafx.beans.property.IntegerProperty itemUnits = new javafx.beans.property.SimpleIntegerProperty(1);
    private final ObjectProperty<ReturnOf.Reason> itemReason = new SimpleObjectProperty<>();
    private final ObjectProperty<ReturnOf.Restock> itemRestock = new SimpleObjectProperty<>(ReturnOf.Restock.SELLABLE);
    private Function<String, Optional<fr.comptoir.catalog.VariantInfo>> items;
    private Runnable openTill = () -> { };
    private String approvedBy;
    private long generation;

    /**
     * @param customerOrders orders of the customers a name, a phone or an e-mail finds (blocking: cache)
     */
    public ReturnsViewModel(ReturnCounter counter, Function<String, List<Found>> customerOrders, Till till, TaskRunner runner, I18n i18n,
                            Function<String, Optional<StaffMember>> approve) {
        this.counter = counter;
        this.customerOrders = customerOrders;
        this.till = till;
        this.runner = runner;
        this.i18n = i18n;
        this.approve = approve;
    }

    /** How old the cached orders are, in words (read in the background). */
    public void showDataAge(java.util.function.Supplier<String> age) {
        this.age = age;
    }

    /** Where the associate goes once the items are in the basket (the Sell screen). */
    public void onTill(Runnable openTill) {
        this.openTill = openTill;
    }

    /** Lets items come back without a receipt: {@code items} finds a scanned or typed code in the catalogue. */
    public void enableWithoutReceipt(Function<String, Optional<fr.comptoir.catalog.VariantInfo>> items) {
        this.items = items;
    }

    /** "Item without a receipt": a manager approves, the item is scanned, it is credited as store credit at the till. */
    public void startWithoutReceipt() {
        if (items == null) {
            return;
        }
        selected.set(null);
        lines.clear();
        item.set(null);
        itemUnits.set(1);
        itemReason.set(null);
        itemRestock.set(ReturnOf.Restock.SELLABLE);
        approvedBy = null;
        withoutReceipt.set(true);
        needsManager.set(true);
        notice.warn(i18n.get("returns.noReceiptExplain"));
    }

    public void itemUnits(int delta) {
        itemUnits.set(Math.max(1, Math.min(99, itemUnits.get() + delta)));
    }

    public void itemReason(ReturnOf.Reason r) {
        itemReason.set(r);
        if (r == ReturnOf.Reason.DAMAGED) {
            itemRestock.set(ReturnOf.Restock.DAMAGED);
        }
    }

    public void itemRestock(ReturnOf.Restock r) {
        itemRestock.set(r);
    }

    /** The item without a receipt goes to the till, credited at its lowest price of 30 days. */
    public void creditWithoutReceipt() {
        fr.comptoir.catalog.VariantInfo v = item.get();
        if (v == null) {
            notice.error(i18n.get("returns.scanTheItem"));
            return;
        }
        try {
            BasketLine line = counter.withoutReceipt(v, itemUnits.get(), itemReason.get(), itemRestock.get(), approvedBy);
            if (!till.add(List.of(line), null)) {
                notice.error(i18n.get("returns.tillBusy"));
                return;
            }
            notice.confirm(i18n.get("returns.inBasket", 1, money(-line.totalCents())));
            withoutReceipt.set(false);
            needsManager.set(false);
            openTill.run();
        } catch (ReturnCounter.Refused r) {
            notice.error(refusal(r));
        }
    }

    /** A scan: a receipt's ticket number or a confirmation's order number, found and opened when it is one order. */
    public void scanned(String code) {
        String c = code == null ? "" : code.strip();
        if (c.isEmpty()) {
            return;
        }
        if (withoutReceipt.get()) {
            search.set("");
            runner.run(() -> items.apply(c), found -> {
                if (found.isEmpty()) {
                    notice.error(i18n.get("returns.unknownItem", c));
                } else {
                    item.set(found.get());
                    notice.clear();
                }
            }, failure -> notice.error(failure.getMessage()));
            return;
        }
        search.set(c);
        find(c, true);
    }

    /** What was typed: an order or ticket number (any part), or a customer's name, phone or e-mail. */
    public void find() {
        if (withoutReceipt.get()) {
            // Setting up an item without a receipt: what is typed is its barcode or reference.
            scanned(search.get());
            return;
        }
        find(search.get(), false);
    }

    private void find(String text, boolean openSingle) {
        String t = text == null ? "" : text.strip();
        if (t.length() < 3) {
            notice.warn(i18n.get("returns.typeMore"));
            return;
        }
        long g = ++generation;
        boolean number = t.matches("(?i)[A-Z]{0,5}[-A-Z0-9]*\\d{3,}[-A-Z0-9]*") && !t.contains("@");
        runner.run(() -> {
            List<Found> byNumber = number ? counter.find(t, 30).stream().map(o -> new Found(o, null)).toList() : List.of();
            return byNumber.isEmpty() ? customerOrders.apply(t) : byNumber;
        }, orders -> {
            if (g != generation) {
                return;
            }
            found.setAll(orders);
            listTitle.set(orders.isEmpty() ? i18n.get("returns.noneFound", t) : i18n.get("returns.found", orders.size()));
            if (orders.isEmpty()) {
                notice.error(i18n.get("returns.noneFound", t));
            } else if (openSingle && orders.size() == 1) {
                open(orders.get(0).order().id());
            }
        }, failure -> notice.error(failure.getMessage()));
        runner.run(age::get, dataAge::set, failure -> dataAge.set(""));
    }

    /** Opens an order: per line, what may still come back (this terminal's own returns and the basket counted). */
    public void open(String orderId) {
        withoutReceipt.set(false);
        // The basket is the JavaFX thread's: what it holds is read here, the ledger in the background.
        Map<String, Integer> inBasket = till.inBasket(orderId);
        runner.run(() -> counter.open(orderId, inBasket), opened -> {
            if (opened.isEmpty()) {
                notice.error(i18n.get("returns.unknownOrder"));
                return;
            }
            show(opened.get());
            if (opened.get().live()) {
                notice.clear();
            } else {
                notice.warn(i18n.get("returns.fromCache"));
            }
        }, failure -> notice.error(failure.getMessage()));
    }

    private void show(ReturnCounter.ReturnableOrder o) {
        selected.set(o);
        approvedBy = null;
        managerPin.set("");
        List<LineChoice> choices = new ArrayList<>();
        o.lines().forEach(l -> choices.add(new LineChoice(l)));
        lines.setAll(choices);
        update();
    }

    /** One more or one less unit of line {@code index} coming back. */
    public void units(int index, int delta) {
        LineChoice c = lines.get(index);
        int next = c.units + delta;
        if (next < 0) {
            return;
        }
        if (next > c.line.returnable()) {
            notice.error(c.line.returnable() == 0 ? i18n.get("returns.nothingLeft", c.line.line().name())
                    : i18n.get("returns.atMost", c.line.returnable(), c.line.line().name()));
            return;
        }
        c.units = next;
        changed(index);
    }

    public void reason(int index, ReturnOf.Reason reason) {
        lines.get(index).reason = reason;
        if (reason == ReturnOf.Reason.DAMAGED) {
            lines.get(index).restock = ReturnOf.Restock.DAMAGED;
        }
        changed(index);
    }

    public void restock(int index, ReturnOf.Restock restock) {
        lines.get(index).restock = restock;
        changed(index);
    }

    private void changed(int index) {
        lines.set(index, lines.get(index));
        update();
    }

    private void update() {
        if (withoutReceipt.get()) {
            needsManager.set(approvedBy == null);
            return;
        }
        long cents = 0;
        boolean outside = false;
        for (LineChoice c : lines) {
            if (c.units > 0) {
                cents += c.line.refund(c.units);
                outside |= c.line.refusal() != null;
            }
        }
        refund.set(cents == 0 ? "" : i18n.get("returns.refund", money(cents)));
        needsManager.set(outside && approvedBy == null);
    }

    /** A manager lets lines outside the policy come back (their PIN, checked and journaled by the caller). */
    public void approveWithManager() {
        String pin = managerPin.get();
        managerPin.set("");
        runner.run(() -> approve.apply(pin == null ? "" : pin), manager -> {
            if (manager.isEmpty()) {
                notice.error(i18n.get("returns.approvalRefused"));
                return;
            }
            approvedBy = manager.get().id();
            update();
            notice.confirm(i18n.get("returns.approved", manager.get().displayName()));
        }, failure -> notice.error(failure.getMessage()));
    }

    /** The chosen lines go to the till's basket, each refunding what was paid; the associate goes to the till. */
    public void toTill() {
        ReturnCounter.ReturnableOrder o = selected.get();
        if (o == null) {
            return;
        }
        List<ReturnCounter.Choice> choices = lines.stream().filter(c -> c.units > 0)
                .map(c -> new ReturnCounter.Choice(c.line.line().id(), c.units, c.reason, c.restock)).toList();
        String manager = approvedBy;
        String orderId = o.order().id();
        Map<String, Integer> inBasket = till.inBasket(orderId);
        // Checked again against the ledger as it is now (another return at this till since the order was opened).
        runner.run(() -> counter.comingBack(counter.open(orderId, inBasket).orElseThrow(), choices, manager), back -> {
            if (!till.add(back, o.order().customerId())) {
                notice.error(i18n.get("returns.tillBusy"));
                return;
            }
            long cents = -back.stream().mapToLong(BasketLine::totalCents).sum();
            notice.confirm(i18n.get("returns.inBasket", back.size(), money(cents)));
            open(orderId);
            openTill.run();
        }, failure -> notice.error(failure instanceof ReturnCounter.Refused r ? refusal(r) : failure.getMessage()));
    }

    private String refusal(ReturnCounter.Refused r) {
        String[] parts = r.detail() == null ? new String[]{""} : r.detail().split("\\|");
        return i18n.get(r.getMessage(), (Object[]) parts);
    }

    private String money(long cents) {
        return Money.ofCents(cents).format(i18n.formats());
    }

    public BooleanProperty withoutReceiptProperty() { return withoutReceipt; }
    public ObjectProperty<fr.comptoir.catalog.VariantInfo> itemProperty() { return item; }
    public javafx.beans.property.IntegerProperty itemUnitsProperty() { return itemUnits; }
    public ObjectProperty<ReturnOf.Reason> itemReasonProperty() { return itemReason; }
    public ObjectProperty<ReturnOf.Restock> itemRestockProperty() { return itemRestock; }
    public StringProperty searchProperty() { return search; }
    public ObservableList<Found> found() { return found; }
    public ObjectProperty<ReturnCounter.ReturnableOrder> selectedProperty() { return selected; }
    public ObservableList<LineChoice> lines() { return lines; }
    public StringProperty refundProperty() { return refund; }
    public StringProperty managerPinProperty() { return managerPin; }
    public BooleanProperty needsManagerProperty() { return needsManager; }
    public StringProperty listTitleProperty() { return listTitle; }
    public StringProperty dataAgeProperty() { return dataAge; }
    public Notice notice() { return notice; }
    public I18n i18n() { return i18n; }
}
