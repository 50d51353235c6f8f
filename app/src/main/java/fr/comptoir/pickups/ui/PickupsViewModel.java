package fr.comptoir.pickups.ui;

import fr.comptoir.common.Money;
import fr.comptoir.pickups.Handover;
import fr.comptoir.pickups.Pickup;
import fr.comptoir.pickups.PickupCode;
import fr.comptoir.pickups.PickupDesk;
import fr.comptoir.pickups.PickupMoney;
import fr.comptoir.pickups.PickupQuery;
import fr.comptoir.pickups.PickupQueue;
import fr.comptoir.pickups.PickupStatus;
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

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The pickup desk: the queue's tabs with their counts, one search (typed or scanned: a QR code opens its order
 * and checks its code at once), an order's lines with what the collector takes, refuses or leaves, the
 * verification (pickup code, or identity), the money worked out to the cent, and the hand-over. Preparation
 * (shelf, missing units, ready), the ready notice and the return to stock of an expired order are here too.
 * Everything that reads the disk, checks a hash or writes goes through the {@link TaskRunner}. JavaFX thread.
 */
public final class PickupsViewModel {

    /** One line of the order on show, with what the desk chose for it. */
    public static final class LineChoice {
        final Pickup.PickupLine line;
        int collect;
        int refuse;
        PickupMoney.RefusalReason reason;
        Handover.Restock restock = Handover.Restock.SELLABLE;
        int missing;
        int found;

        LineChoice(Pickup.PickupLine line) {
            this.line = line;
        }

        public Pickup.PickupLine line() { return line; }
        public int collect() { return collect; }
        public int refuse() { return refuse; }
        public PickupMoney.RefusalReason reason() { return reason; }
        public Handover.Restock restock() { return restock; }
        public int missing() { return missing; }
        /** Units found on the shelves for this order (scanned, or counted by hand). */
        public int found() { return found; }
    }

    /**
     * The till's printer and receipt archive, for the pickup slip and the hand-over receipt (both blocking:
     * called in the background).
     *
     * @param keep saves a slip's text (and its PDF) under a name with the till's receipts
     */
    public record Printing(String storeName, java.util.function.Consumer<String> print, java.util.function.BiConsumer<String, String> keep) {
    }

    /** How the collector proved the right to collect, once checked. */
    public enum Verified { NO, BY_CODE, BY_IDENTITY }

    private final PickupQueue queue;
    private final PickupDesk desk;
    private final TaskRunner runner;
    private final I18n i18n;
    private final Clock clock;
    private final String staffId;
    private final Function<String, Optional<StaffMember>> approve;
    private final Runnable requestDelivery;

    private final ObjectProperty<PickupQueue.Tab> tab = new SimpleObjectProperty<>(PickupQueue.Tab.READY);
    private final Map<PickupQueue.Tab, StringProperty> tabLabels = new EnumMap<>(PickupQueue.Tab.class);
    private final StringProperty search = new SimpleStringProperty("");
    private final ObservableList<PickupQueue.Row> rows = FXCollections.observableArrayList();
    private final ObjectProperty<Pickup> selected = new SimpleObjectProperty<>();
    private final ObservableList<LineChoice> lines = FXCollections.observableArrayList();
    private final StringProperty code = new SimpleStringProperty("");
    private final ObjectProperty<Verified> verified = new SimpleObjectProperty<>(Verified.NO);
    private final StringProperty collectorName = new SimpleStringProperty("");
    private final BooleanProperty proxy = new SimpleBooleanProperty(false);
    private final ObjectProperty<Handover.IdDocument> idDocument = new SimpleObjectProperty<>();
    private final StringProperty idDocumentEnd = new SimpleStringProperty("");
    private final StringProperty managerPin = new SimpleStringProperty("");
    private final StringProperty shelf = new SimpleStringProperty("");
    private final StringProperty money = new SimpleStringProperty("");
    /** The lines chosen leave a balance to pay: the hand-over goes through the till. */
    private final javafx.beans.property.BooleanProperty balanceDue = new javafx.beans.property.SimpleBooleanProperty(false);
    private final StringProperty listTitle = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final BooleanProperty live = new SimpleBooleanProperty(false);
    private final Notice notice = new Notice();
    private String approvedBy;
    private long searchGeneration;
    private Printing printing;
    private java.util.function.Consumer<String> approvalRefused = what -> { };
    private java.util.function.LongSupplier queueSyncedAt = () -> 0;
    private final StringProperty queueAge = new SimpleStringProperty("");
    private final StringProperty lastReceipt = new SimpleStringProperty("");
    private final StringProperty receiptEmail = new SimpleStringProperty("");
    private Handover lastHandover;

    public PickupsViewModel(PickupQueue queue, PickupDesk desk, TaskRunner runner, I18n i18n, Clock clock, String staffId,
                            Function<String, Optional<StaffMember>> approve, Runnable requestDelivery) {
        this.queue = queue;
        this.desk = desk;
        this.runner = runner;
        this.i18n = i18n;
        this.clock = clock;
        this.staffId = staffId;
        this.approve = approve;
        this.requestDelivery = requestDelivery;
        for (PickupQueue.Tab t : PickupQueue.Tab.values()) {
            tabLabels.put(t, new SimpleStringProperty(i18n.get("pickups.tab." + t.name())));
        }
        search.addListener((obs, old, now) -> {
            if (now == null || now.isBlank()) {
                showTab(tab.get());
            } else {
                find(now, true);
            }
        });
    }

    /** When the queue was last brought up to date from the platform (ms; 0: never), read with each refresh. */
    public void showQueueAge(java.util.function.LongSupplier syncedAt) {
        this.queueSyncedAt = syncedAt;
    }

    /** Where a refused manager PIN is journaled (what it was asked for), as at the till. Blocking: called in the background. */
    public void journalRefusedApprovals(java.util.function.Consumer<String> refused) {
        this.approvalRefused = refused;
    }

    /** Prints and keeps slips and receipts from now on. */
    public void enablePrinting(Printing printing) {
        this.printing = printing;
    }

    /** Prints (and, with a name, keeps) a slip in the background; a printer problem is said, never undoes anything. */
    private void printSlip(String text, String keepAs) {
        if (printing == null) {
            return;
        }
        runner.run(() -> {
            if (keepAs != null) {
                printing.keep().accept(keepAs, text);
            }
            printing.print().accept(text);
            return null;
        }, x -> { }, failure -> notice.warn(i18n.get("pickups.printFailed", failure.getMessage())));
    }

    /** The slip that waits with a prepared order on its shelf, printed again. */
    public void printPickupSlip() {
        Pickup p = selected.get();
        if (p != null && printing != null) {
            printSlip(PickupSlips.pickupSlip(p, printing.storeName(), i18n), null);
            notice.confirm(i18n.get("pickups.printed"));
        }
    }

    /** The last hand-over's receipt, e-mailed to the address typed (the customer's, proposed). */
    public void emailReceipt() {
        Handover h = lastHandover;
        String to = receiptEmail.get() == null ? "" : receiptEmail.get().strip();
        if (h == null) {
            return;
        }
        String language = i18n.locale().getLanguage();
        runner.run(() -> {
            desk.emailReceipt(h, to, language, staffId);
            return null;
        }, x -> {
            requestDelivery.run();
            notice.confirm(i18n.get("pickups.emailQueued", to));
        }, failure -> notice.error(problem(failure)));
    }

    /** The last hand-over's receipt, printed again. */
    public void printReceiptAgain() {
        if (!lastReceipt.get().isEmpty()) {
            printSlip(lastReceipt.get(), null);
            notice.confirm(i18n.get("pickups.printed"));
        }
    }

    /** Reads the counts and the tab on show (when the screen opens, and after each change). */
    /**
     * The queue as this terminal last left it, then listed: hand-overs journaled here that the cache does not
     * show yet (after a crash, or taken at the till with their balance) are shown first.
     */
    public void open() {
        runner.run(desk::showPendingHandovers, shown -> refresh(), failure -> {
            notice.error(failure.getMessage());
            refresh();
        });
    }

    /**
     * The till, where an order's balance is paid (decision 0029): it takes the prepared hand-over into an
     * empty basket, or answers false when a sale is in progress there. JavaFX thread.
     */
    public interface Till {
        /**
         * @param worth what the units collected now are worth, per line: what the balance is shared over
         */
        boolean takeBalance(Pickup order, Handover prepared, Map<String, Long> worth);
    }

    private Till till;

    /** Lets the desk send an order's balance to the till (else it only says to take it there). */
    public void enableTill(Till till) {
        this.till = till;
    }

    public void refresh() {
        Instant now = clock.instant();
        record Counts(Map<PickupQueue.Tab, Integer> counts, long syncedAt) {
        }
        runner.run(() -> new Counts(queue.counts(now), queueSyncedAt.getAsLong()), c -> {
            c.counts().forEach((t, n) -> tabLabels.get(t).set(i18n.get("pickups.tab." + t.name()) + " (" + n + ")"));
            queueAge.set(i18n.get("pickups.queueAge", fr.comptoir.uikit.DataAge.describe(i18n, c.syncedAt(), now.toEpochMilli())));
        }, failure -> notice.error(failure.getMessage()));
        if (search.get() == null || search.get().isBlank()) {
            showTab(tab.get());
        } else {
            find(search.get(), false);
        }
    }

    public void showTab(PickupQueue.Tab t) {
        tab.set(t);
        Instant now = clock.instant();
        long generation = ++searchGeneration;
        runner.run(() -> queue.tab(t, now, 200), found -> {
            if (generation == searchGeneration) {
                rows.setAll(found);
                listTitle.set(i18n.get("pickups.tab." + t.name()));
            }
        }, failure -> notice.error(failure.getMessage()));
    }

    /**
     * A search as typed; with {@code openSingle}, a scanned QR code (or a pickup code) matching one order also
     * opens it (and checks the QR's code). A refresh after a change lists again without opening anything.
     */
    private void find(String text, boolean openSingle) {
        PickupQuery q = PickupQuery.parse(text);
        if (q instanceof PickupQuery.TooShort) {
            return;
        }
        Instant now = clock.instant();
        long generation = ++searchGeneration;
        runner.run(() -> queue.search(q, now, 50), found -> {
            if (generation != searchGeneration) {
                return;
            }
            rows.setAll(found);
            listTitle.set(found.isEmpty() ? i18n.get("pickups.noneFound", text.strip()) : i18n.get("pickups.found", found.size()));
            if (!openSingle) {
                return;
            }
            if (q instanceof PickupQuery.Qr qr && found.size() == 1) {
                open(found.get(0).orderId(), qr.code());
                // The code is checked: the field keeps the order number only, not the code for all to read.
                search.set(found.get(0).orderNumber());
            } else if (q instanceof PickupQuery.Digits d && d.codeBucket() != null && found.size() == 1) {
                open(found.get(0).orderId(), null);
            }
        }, failure -> notice.error(failure.getMessage()));
    }

    /**
     * A scan on the Pickups screen, whatever has the focus: an item of the order being prepared confirms it;
     * anything else goes into the search (a customer's QR code opens its order).
     */
    public void scanned(String text) {
        if (!pickScanned(text)) {
            search.set(text.strip());
        }
    }

    /** Opens an order (freshened from the platform when it answers); {@code qrCode}: a code to check at once. */
    public void open(String orderId, String qrCode) {
        busy.set(true);
        runner.run(() -> desk.open(orderId), opened -> {
            busy.set(false);
            if (opened.isEmpty()) {
                notice.error(i18n.get("pickups.unknown"));
                return;
            }
            show(opened.get().pickup());
            live.set(opened.get().live());
            if (!opened.get().live()) {
                notice.warn(i18n.get("pickups.fromCache"));
            } else {
                // The platform's record is in the cache now: the list and the counts say the same as the order.
                refresh();
            }
            if (qrCode != null) {
                code.set(qrCode);
                checkCode();
            }
        }, failure -> {
            busy.set(false);
            notice.error(failure.getMessage());
        });
    }

    private void show(Pickup p) {
        if (selected.get() == null || !selected.get().orderId().equals(p.orderId())) {
            lastReceipt.set("");
            lastHandover = null;
        }
        selected.set(p);
        List<LineChoice> choices = new ArrayList<>();
        for (Pickup.PickupLine l : p.lines()) {
            LineChoice c = new LineChoice(l);
            // What is still open is collected unless the desk says otherwise.
            c.collect = p.status().handable() ? l.open() : 0;
            choices.add(c);
        }
        if (p.status() == PickupStatus.TO_PREPARE) {
            // A pick list is walked through the store: aisle by aisle, items without a known place last.
            choices.sort(java.util.Comparator.comparing((LineChoice c) -> c.line.location(),
                    java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())));
        }
        lines.setAll(choices);
        code.set("");
        verified.set(Verified.NO);
        collectorName.set(p.customer() == null ? "" : p.customer().fullName());
        proxy.set(false);
        idDocument.set(null);
        idDocumentEnd.set("");
        managerPin.set("");
        shelf.set(p.shelf() == null ? "" : p.shelf());
        approvedBy = null;
        notice.clear();
        updateMoney();
    }

    public void checkCode() {
        Pickup p = selected.get();
        String typed = code.get() == null ? "" : code.get().strip();
        if (p == null) {
            return;
        }
        if (!PickupCode.isCode(typed)) {
            notice.error(i18n.get("pickups.codeFormat"));
            return;
        }
        runner.run(() -> desk.checkCode(p, typed), result -> {
            switch (result) {
                case RIGHT -> {
                    verified.set(Verified.BY_CODE);
                    notice.confirm(i18n.get("pickups.codeRight"));
                }
                case WRONG -> notice.error(i18n.get("pickups.codeWrong", desk.codesLeft(p.orderId())));
                case LOCKED -> notice.error(i18n.get("pickups.codeLocked"));
            }
        }, failure -> notice.error(failure.getMessage()));
    }

    /** The collector shows an identity document instead of the code. */
    public void checkIdentity() {
        Pickup p = selected.get();
        if (p == null) {
            return;
        }
        String end = idDocumentEnd.get() == null ? "" : idDocumentEnd.get().strip();
        if (idDocument.get() == null || !end.matches("[A-Za-z0-9]{2,4}")) {
            notice.error(i18n.get("pickups.idFormat"));
            return;
        }
        String name = collectorName.get() == null ? "" : collectorName.get().strip();
        boolean allowed = proxy.get() ? p.proxies().stream().anyMatch(n -> n.equalsIgnoreCase(name))
                : p.customer() != null && p.customer().fullName().equalsIgnoreCase(name);
        if (!allowed) {
            notice.error(proxy.get() ? i18n.get("pickups.notAProxy", name) : i18n.get("pickups.notTheCustomer", name));
            return;
        }
        verified.set(Verified.BY_IDENTITY);
        notice.confirm(i18n.get("pickups.identityChecked", name));
    }

    /** A manager's PIN: for an expired order, or after too many wrong codes. */
    public void approveWithManager() {
        Pickup p = selected.get();
        String pin = managerPin.get() == null ? "" : managerPin.get();
        if (p == null) {
            return;
        }
        runner.run(() -> {
            Optional<StaffMember> manager = approve.apply(pin);
            if (manager.isEmpty()) {
                approvalRefused.accept("pickup " + p.orderNumber());
            }
            return manager;
        }, manager -> {
            managerPin.set("");
            if (manager.isEmpty()) {
                notice.error(i18n.get("pickups.managerRefused"));
                return;
            }
            approvedBy = manager.get().id();
            desk.unlockCodes(p.orderId());
            notice.confirm(i18n.get("pickups.managerApproved", manager.get().displayName()));
        }, failure -> notice.error(failure.getMessage()));
    }

    public void collect(int index, int delta) {
        LineChoice c = lines.get(index);
        int max = c.line.open() - c.refuse;
        c.collect = Math.max(0, Math.min(max, c.collect + delta));
        changed(index);
    }

    /** Refuses one more (or one fewer) unit of a line, taken from those collected first. */
    public void refuse(int index, int delta, PickupMoney.RefusalReason reason) {
        LineChoice c = lines.get(index);
        int refuse = Math.max(0, Math.min(c.line.open(), c.refuse + delta));
        c.refuse = refuse;
        c.collect = Math.min(c.collect, c.line.open() - refuse);
        if (reason != null) {
            c.reason = reason;
        }
        if (refuse == 0) {
            c.reason = null;
        } else if (c.reason == null) {
            c.reason = PickupMoney.RefusalReason.DAMAGED;
        }
        c.restock = c.reason == PickupMoney.RefusalReason.DAMAGED ? Handover.Restock.DAMAGED : Handover.Restock.SELLABLE;
        changed(index);
    }

    public void missing(int index, int delta) {
        LineChoice c = lines.get(index);
        c.missing = Math.max(0, Math.min(c.line.quantity() - c.found, c.missing + delta));
        changed(index);
    }

    /** One more (or one fewer) unit of a line found by hand, for a label a scanner cannot read. */
    public void found(int index, int delta) {
        LineChoice c = lines.get(index);
        c.found = Math.max(0, Math.min(c.line.quantity() - c.missing, c.found + delta));
        changed(index);
    }

    /**
     * While an order is being prepared, a scanned item confirms one unit of its line; an item that is not on the
     * order, or one more than ordered, is refused with a message and changes nothing. False when the order on
     * show is not being prepared (the scan is then a search).
     */
    private boolean pickScanned(String code) {
        Pickup p = selected.get();
        if (p == null || p.status() != PickupStatus.TO_PREPARE || PickupCode.parseQr(code).isPresent()) {
            return false;
        }
        String c = code.strip();
        for (int i = 0; i < lines.size(); i++) {
            Pickup.PickupLine l = lines.get(i).line;
            if (c.equals(l.ean()) || c.equalsIgnoreCase(l.sku())) {
                LineChoice choice = lines.get(i);
                if (choice.found + choice.missing >= l.quantity()) {
                    notice.error(i18n.get("pickups.allFound", l.name()));
                    return true;
                }
                choice.found++;
                changed(i);
                notice.confirm(i18n.get("pickups.itemFound", l.name(), choice.found, l.quantity()));
                return true;
            }
        }
        if (c.matches("\\d{8,14}") || c.matches("(?i)[A-Z0-9]+(-[A-Z0-9]+)+")) {
            notice.error(i18n.get("pickups.notInOrder", c, p.orderNumber()));
            return true;
        }
        return false;
    }

    private void changed(int index) {
        lines.set(index, lines.get(index));
        updateMoney();
    }

    private List<PickupMoney.LineOutcome> outcomes() {
        return lines.stream().map(c -> new PickupMoney.LineOutcome(c.line.lineId(), c.collect, c.refuse, c.reason)).toList();
    }

    private void updateMoney() {
        Pickup p = selected.get();
        if (p == null || !p.status().handable()) {
            balanceDue.set(false);
            money.set("");
            return;
        }
        try {
            PickupMoney.Settlement s = PickupMoney.settle(p, outcomes());
            balanceDue.set(s.dueCents() > 0);
            money.set(s.refundCents() > 0 ? i18n.get("pickups.refund", money(s.refundCents()))
                    : s.dueCents() > 0 ? i18n.get("pickups.due", money(s.dueCents())) : i18n.get("pickups.nothingToPay"));
        } catch (PickupMoney.Invalid e) {
            balanceDue.set(false);
            money.set("");
        }
    }

    /** Hands over what was chosen: journaled, delivered when the platform answers. */
    public void handOver() {
        Pickup p = selected.get();
        if (p == null || busy.get()) {
            return;
        }
        if (verified.get() == Verified.NO) {
            notice.error(i18n.get("pickups.verifyFirst"));
            return;
        }
        PickupMoney.Settlement s;
        try {
            s = PickupMoney.settle(p, outcomes());
        } catch (PickupMoney.Invalid e) {
            notice.error(i18n.get("pickups.invalid." + e.getMessage()));
            return;
        }
        if (s.dueCents() > 0 && till == null) {
            notice.error(i18n.get("pickups.balanceNotYet", money(s.dueCents())));
            return;
        }
        Handover.HandoverVerification v = verified.get() == Verified.BY_CODE
                ? new Handover.HandoverVerification(Handover.Method.PICKUP_CODE, p.customer() == null ? collectorName.get() : p.customer().fullName(),
                false, null, null)
                : new Handover.HandoverVerification(Handover.Method.ID_DOCUMENT, collectorName.get().strip(), proxy.get(), idDocument.get(),
                idDocumentEnd.get().strip().toUpperCase(java.util.Locale.ROOT));
        String typedCode = code.get() == null ? null : code.get().strip();
        Map<String, Handover.Restock> restock = new LinkedHashMap<>();
        lines.forEach(c -> restock.put(c.line.lineId(), c.restock));
        List<PickupMoney.LineOutcome> chosen = outcomes();
        boolean offline = !live.get();
        String approver = approvedBy;
        busy.set(true);
        if (s.dueCents() > 0) {
            // The balance first: the till journals the hand-over with the sale that takes it (decision 0029).
            runner.run(() -> desk.prepare(p, v, typedCode, chosen, restock, staffId, approver, offline), prepared -> {
                busy.set(false);
                if (till.takeBalance(p, prepared, PickupMoney.collectedWorth(p, chosen))) {
                    notice.confirm(i18n.get("pickups.balanceAtTill", money(prepared.dueCents()), p.orderNumber()));
                } else {
                    notice.error(i18n.get("pickups.tillBusy", money(prepared.dueCents())));
                }
            }, failure -> {
                busy.set(false);
                notice.error(problem(failure));
            });
            return;
        }
        runner.run(() -> desk.handOver(p, v, typedCode, chosen, restock, staffId, approver, offline), done -> {
            busy.set(false);
            requestDelivery.run();
            show(done.after());
            lastHandover = done.handover();
            receiptEmail.set(p.customer() == null || p.customer().email() == null ? "" : p.customer().email());
            if (printing != null) {
                String receipt = PickupSlips.handoverReceipt(done.after(), done.handover(), printing.storeName(), i18n);
                lastReceipt.set(receipt);
                printSlip(receipt, "PICKUP-" + p.orderNumber() + "-" + (done.handover().round() + 1));
            }
            notice.confirm(done.after().status() == PickupStatus.COLLECTED ? i18n.get("pickups.handedOver", p.orderNumber())
                    : i18n.get("pickups.handedOverPartly", p.orderNumber(), done.after().openUnits()));
            refresh();
        }, failure -> {
            busy.set(false);
            notice.error(problem(failure));
        });
    }

    /**
     * The till took an order's balance and journaled its hand-over with the sale (decision 0029): the order as
     * it now is, its hand-over receipt printed and kept, the e-mail offered, as after a hand-over at the desk.
     */
    public void handedOverAtTill(Pickup after, Handover handover) {
        requestDelivery.run();
        show(after);
        lastHandover = handover;
        receiptEmail.set(after.customer() == null || after.customer().email() == null ? "" : after.customer().email());
        if (printing != null) {
            String receipt = PickupSlips.handoverReceipt(after, handover, printing.storeName(), i18n);
            lastReceipt.set(receipt);
            printSlip(receipt, "PICKUP-" + after.orderNumber() + "-" + (handover.round() + 1));
        }
        notice.confirm(after.status() == PickupStatus.COLLECTED ? i18n.get("pickups.handedOver", after.orderNumber())
                : i18n.get("pickups.handedOverPartly", after.orderNumber(), after.openUnits()));
        refresh();
    }

    /** The order is prepared: on its shelf, missing units told; the customer is notified by the platform. */
    public void markReady() {
        Pickup p = selected.get();
        if (p == null || busy.get()) {
            return;
        }
        int notFound = lines.stream().mapToInt(c -> c.line.quantity() - c.found - c.missing).sum();
        if (notFound > 0) {
            notice.error(i18n.get("pickups.notAllFound", notFound));
            return;
        }
        Map<String, Integer> missing = new LinkedHashMap<>();
        lines.forEach(c -> missing.put(c.line.lineId(), c.missing));
        String where = shelf.get();
        busy.set(true);
        runner.run(() -> desk.markReady(p, where, missing, staffId), ready -> {
            busy.set(false);
            requestDelivery.run();
            show(ready);
            if (printing != null) {
                printSlip(PickupSlips.pickupSlip(ready, printing.storeName(), i18n), null);
            }
            notice.confirm(i18n.get("pickups.readyDone", p.orderNumber(), ready.shelf()));
            refresh();
        }, failure -> {
            busy.set(false);
            notice.error(problem(failure));
        });
    }

    public void resendNotice() {
        Pickup p = selected.get();
        if (p == null) {
            return;
        }
        runner.run(() -> {
            desk.resendNotice(p, staffId);
            return null;
        }, x -> {
            requestDelivery.run();
            notice.confirm(i18n.get("pickups.noticeSent"));
        }, failure -> notice.error(problem(failure)));
    }

    /** An expired order back to stock: a manager approves first ({@link #approveWithManager}). */
    public void returnToStock() {
        Pickup p = selected.get();
        if (p == null) {
            return;
        }
        String approver = approvedBy;
        runner.run(() -> desk.returnToStock(p, staffId, approver), cancelled -> {
            requestDelivery.run();
            show(cancelled);
            notice.confirm(i18n.get("pickups.returnedToStock", p.orderNumber()));
            refresh();
        }, failure -> notice.error(problem(failure)));
    }

    private String problem(Throwable failure) {
        if (failure instanceof PickupDesk.Refused r) {
            String detail = r.detail() == null ? "" : r.detail();
            try {
                detail = i18n.dateTime().format(Instant.parse(detail));
            } catch (java.time.format.DateTimeParseException notATime) {
                // An order number or a name: said as it is.
            }
            return i18n.get(r.getMessage(), detail);
        }
        if (failure instanceof PickupMoney.Invalid i) {
            return i18n.get("pickups.invalid." + i.getMessage());
        }
        return i18n.get("pickups.failed", failure.getMessage());
    }

    private String money(long cents) {
        return Money.ofCents(cents).format(i18n.formats());
    }

    public ObjectProperty<PickupQueue.Tab> tabProperty() { return tab; }
    public StringProperty tabLabel(PickupQueue.Tab t) { return tabLabels.get(t); }
    public StringProperty searchProperty() { return search; }
    public ObservableList<PickupQueue.Row> rows() { return rows; }
    public ObjectProperty<Pickup> selectedProperty() { return selected; }
    public ObservableList<LineChoice> lines() { return lines; }
    public StringProperty codeProperty() { return code; }
    public ObjectProperty<Verified> verifiedProperty() { return verified; }
    public StringProperty collectorNameProperty() { return collectorName; }
    public BooleanProperty proxyProperty() { return proxy; }
    public ObjectProperty<Handover.IdDocument> idDocumentProperty() { return idDocument; }
    public StringProperty idDocumentEndProperty() { return idDocumentEnd; }
    public StringProperty managerPinProperty() { return managerPin; }
    public StringProperty shelfProperty() { return shelf; }
    public StringProperty moneyProperty() { return money; }

    public javafx.beans.property.ReadOnlyBooleanProperty balanceDueProperty() {
        return balanceDue;
    }
    public StringProperty listTitleProperty() { return listTitle; }
    public BooleanProperty busyProperty() { return busy; }
    public Notice notice() { return notice; }
    /** What the screen last said. */
    public String messageText() { return notice.textProperty().get(); }
    public StringProperty lastReceiptProperty() { return lastReceipt; }
    public StringProperty receiptEmailProperty() { return receiptEmail; }
    /** "Queue updated 3 min ago": how old the cached queue is. */
    public StringProperty queueAgeProperty() { return queueAge; }
}
