package fr.comptoir.sale.ui;

import fr.comptoir.common.Money;
import fr.comptoir.sale.Basket;
import fr.comptoir.sale.Checkout;
import fr.comptoir.sale.GiftCards;
import fr.comptoir.sale.Payment;
import fr.comptoir.sale.PaymentJournal;
import fr.comptoir.sale.PaymentTerminal;
import fr.comptoir.sale.SalePayments;
import fr.comptoir.sale.SaleRecord;
import fr.comptoir.uikit.I18n;
import fr.comptoir.uikit.TaskRunner;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.math.BigDecimal;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Taking payment for the basket: cash (with change), card through the payment terminal, gift card, or a
 * mix. Every payment is journaled by {@link SalePayments} before it is asked and counted here only once
 * journaled as taken, so the screen always shows what the journal holds: after a crash, a time-out or a
 * return to this screen, what was taken is counted and never asked again. A payment whose outcome is
 * unknown blocks every other tender until it is known ("Check again"). Once paid, the sale is recorded
 * under the basket's sale id (journal and outbox together) and its receipt shown. JavaFX thread only.
 */
public final class PaymentViewModel {

    private final StringProperty due = new SimpleStringProperty("");
    private final StringProperty remaining = new SimpleStringProperty("");
    private final StringProperty amountEntry = new SimpleStringProperty("");
    private final fr.comptoir.uikit.Notice notice = new fr.comptoir.uikit.Notice();
    private final StringProperty message = notice.textProperty();
    private final StringProperty receipt = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final BooleanProperty paid = new SimpleBooleanProperty(false);
    private final BooleanProperty anyPayment = new SimpleBooleanProperty(false);
    private final javafx.beans.property.LongProperty cashTaken = new javafx.beans.property.SimpleLongProperty(0);
    private final BooleanProperty unresolved = new SimpleBooleanProperty(false);
    private final ObservableList<String> payments = FXCollections.observableArrayList();

    private final String saleId;
    private final Basket basket;
    private final long dueCents;
    private final SalePayments money;
    private final Function<Checkout, SaleRecord> complete;
    private final Function<SaleRecord, String> receiptOf;
    private final TaskRunner runner;
    private final I18n i18n;
    private final Consumer<SaleRecord> onCompleted;
    private Checkout checkout;
    private SaleRecord recordedSale;
    private java.util.function.BiConsumer<SaleRecord, String> emailer;
    private final StringProperty email = new SimpleStringProperty("");
    private final BooleanProperty emailSent = new SimpleBooleanProperty(false);
    private boolean recorded;
    private boolean giftCardsEnabled;
    private final StringProperty giftCardNumber = new SimpleStringProperty("");

    /**
     * @param complete records the paid checkout as the basket's sale (runs in the background)
     */
    public PaymentViewModel(Basket basket, SalePayments money, Function<Checkout, SaleRecord> complete,
                            Function<SaleRecord, String> receiptOf, TaskRunner runner, I18n i18n, Consumer<SaleRecord> onCompleted) {
        this.saleId = basket.saleId();
        this.basket = basket;
        this.dueCents = basket.totalCents();
        this.money = money;
        this.complete = complete;
        this.receiptOf = receiptOf;
        this.runner = runner;
        this.i18n = i18n;
        this.onCompleted = onCompleted;
        this.checkout = new Checkout(dueCents);
        // A refund is said as what goes back ("To refund: 35,00 €"), not as a negative amount.
        due.set(money(Math.abs(dueCents)));
        refresh();
    }

    /**
     * Reads what was already paid for this sale (before a crash, or before the associate came back to this
     * screen), after asking the terminal or the platform about any payment whose outcome is not known.
     */
    public void load() {
        load(() -> { });
    }

    /**
     * As {@link #load()}, first running {@code beforePayments} in the background (the basket's save): no
     * payment can be asked before it is done.
     */
    public void load(Runnable beforePayments) {
        busy.set(true);
        runner.run(() -> {
            beforePayments.run();
            return money.resume(saleId);
        }, standing -> {
            busy.set(false);
            show(standing, 0);
            if (!standing.unresolved().isEmpty()) {
                notice.warn(unresolvedMessage(standing));
            } else if (!standing.taken().isEmpty()) {
                notice.warn(i18n.get("pay.resumed", money(standing.takenCents())));
            }
        }, failure -> {
            busy.set(false);
            notice.error(i18n.get("pay.loadFailed", failure.getMessage()));
        });
    }

    /** A payment whose outcome was not known: ask again (the associate checked the terminal or the network). */
    public void checkAgain() {
        load();
    }

    private String unresolvedMessage(SalePayments.Standing standing) {
        PaymentJournal.Intent first = standing.unresolved().get(0);
        return first.tender() == Payment.Tender.GIFT_CARD ? i18n.get("pay.giftCardUnresolved", money(first.amountCents()))
                : i18n.get("pay.cardUnresolved", money(first.amountCents()));
    }

    private void show(SalePayments.Standing standing, long change) {
        checkout = new Checkout(dueCents, standing.taken(), change);
        // Back at the basket, what was paid is a floor: items can be added, none taken off below it.
        if (basket.saleId().equals(saleId)) {
            basket.setPaid(standing.takenCents());
        }
        unresolved.set(!standing.unresolved().isEmpty());
        refresh();
    }

    /**
     * Hands back the cash taken so far for this sale (a mistaken quick-cash touch): journaled, and the amount
     * is due again. Only before the sale is recorded.
     */
    public void removeCash() {
        if (recorded || busy.get() || cashTaken.get() <= 0) {
            return;
        }
        record HandedBack(long cents, SalePayments.Standing standing) {
        }
        busy.set(true);
        runner.run(() -> {
            long back = money.removeCash(saleId);
            return new HandedBack(back, money.standing(saleId));
        }, result -> {
            busy.set(false);
            show(result.standing(), 0);
            notice.warn(i18n.get("pay.cashRemoved", money(result.cents())));
        }, failure -> {
            busy.set(false);
            notice.error(i18n.get("pay.recordFailed", failure.getMessage()));
        });
    }

    /** Cash taken so far for this sale, in cents (the "remove cash" button is offered while above zero). */
    public javafx.beans.property.ReadOnlyLongProperty cashTakenProperty() {
        return cashTaken;
    }

    private boolean blocked() {
        return checkout.isPaid() || busy.get() || unresolved.get() || recorded;
    }

    /** Cash given: the amount typed, or the exact amount left when nothing is typed. */
    public void payCash() {
        Long given = amountEntry.get() == null || amountEntry.get().isBlank() ? Long.valueOf(Math.abs(checkout.remainingCents()))
                : parse(amountEntry.get());
        if (given == null || given <= 0) {
            notice.error(i18n.get("pay.badAmount"));
            return;
        }
        payCash(given);
    }

    /** A return or an exchange in the customer's favour: what is left is handed back, not taken. */
    public boolean isRefund() {
        return dueCents < 0;
    }

    /** The most cash handed back for one ticket without a manager (the store's setting). */
    private long cashRefundLimitCents = Long.MAX_VALUE;

    public void setCashRefundLimit(long cents) {
        this.cashRefundLimitCents = cents;
    }

    private java.util.function.BooleanSupplier tillOpen = () -> true;

    /** Cash is taken or handed back only while the till's cash session is open (asked without the disk). */
    public void requireOpenTill(java.util.function.BooleanSupplier open) {
        this.tillOpen = open;
    }

    private java.util.function.Function<String, java.util.Optional<fr.comptoir.staff.StaffMember>> approve;
    private java.util.function.BiConsumer<String, Long> approved = (managerId, cents) -> { };
    private final BooleanProperty cashApprovalNeeded = new SimpleBooleanProperty(false);
    private final StringProperty managerPin = new SimpleStringProperty("");

    /**
     * Lets a manager allow more cash back than the store's limit for this ticket, with their PIN.
     *
     * @param journal told (in the background) who approved how much, for the till's audit
     */
    public void enableCashApproval(java.util.function.Function<String, java.util.Optional<fr.comptoir.staff.StaffMember>> approve,
                                   java.util.function.BiConsumer<String, Long> journal) {
        this.approve = approve;
        this.approved = journal;
    }

    public BooleanProperty cashApprovalNeededProperty() { return cashApprovalNeeded; }
    public StringProperty managerPinProperty() { return managerPin; }

    /** A manager's PIN: the cash limit is lifted for this ticket, or the PIN is refused. */
    public void approveCash() {
        if (approve == null) {
            return;
        }
        String pin = managerPin.get();
        managerPin.set("");
        long owed = -checkout.remainingCents();
        runner.run(() -> {
            java.util.Optional<fr.comptoir.staff.StaffMember> manager = approve.apply(pin == null ? "" : pin);
            manager.ifPresent(m -> approved.accept(m.id(), owed));
            return manager;
        }, manager -> {
            if (manager.isEmpty()) {
                notice.error(i18n.get("pay.cashApprovalRefused"));
                return;
            }
            cashRefundLimitCents = Long.MAX_VALUE;
            cashApprovalNeeded.set(false);
            notice.confirm(i18n.get("pay.cashApproved", manager.get().displayName()));
        }, failure -> notice.error(failure.getMessage()));
    }

    /**
     * Items brought back without a receipt, or bought with a gift card, are in this ticket: its refund is store
     * credit only (decision 0030).
     */
    private boolean refusedAsNoReceipt() {
        if (isRefund() && basket.lines().stream().anyMatch(l -> l.returnOf() != null && l.returnOf().creditOnly())) {
            notice.error(i18n.get("pay.noReceiptStoreCreditOnly"));
            return true;
        }
        return false;
    }

    /** Cash given, or for a refund, cash handed back. */
    public void payCash(long givenCents) {
        if (blocked() || givenCents <= 0 || refusedAsNoReceipt()) {
            return;
        }
        if (!tillOpen.getAsBoolean()) {
            notice.error(i18n.get("pay.tillClosed"));
            return;
        }
        if (isRefund()) {
            long back = -checkout.cashKept(givenCents) - checkout.payments().stream()
                    .filter(p -> p.tender() == Payment.Tender.CASH).mapToLong(Payment::amountCents).sum();
            if (back > cashRefundLimitCents) {
                notice.error(i18n.get(approve == null ? "pay.cashRefundLimit" : "pay.cashRefundLimitManager", money(cashRefundLimitCents)));
                cashApprovalNeeded.set(approve != null);
                return;
            }
        }
        long kept = checkout.cashKept(givenCents);
        long change = givenCents - kept;
        busy.set(true);
        runner.run(() -> {
            money.cash(saleId, kept);
            return money.standing(saleId);
        }, standing -> {
            busy.set(false);
            amountEntry.set("");
            show(standing, change);
            notice.confirm(kept < 0 ? i18n.get("pay.cashRefunded", money(-kept))
                    : change > 0 ? i18n.get("pay.change", money(change)) : i18n.get("pay.cashTaken", money(givenCents)));
        }, failure -> {
            busy.set(false);
            notice.error(i18n.get("pay.recordFailed", failure.getMessage()));
        });
    }

    /** Card for the amount typed (split payment), or for what is left. */
    public void payCard() {
        if (blocked()) {
            return;
        }
        if (isRefund()) {
            refundCard();
            return;
        }
        Long amount = amountEntry.get() == null || amountEntry.get().isBlank() ? Long.valueOf(checkout.remainingCents()) : parse(amountEntry.get());
        if (amount == null || amount <= 0 || amount > checkout.remainingCents()) {
            notice.error(i18n.get("pay.badCardAmount", money(checkout.remainingCents())));
            return;
        }
        busy.set(true);
        notice.warn(i18n.get("pay.waitingTerminal", money(amount)));
        record Charged(PaymentTerminal.Outcome outcome, SalePayments.Standing standing) {
        }
        long change = checkout.changeCents();
        runner.run(() -> new Charged(money.card(saleId, amount), money.standing(saleId)), charged -> {
            busy.set(false);
            amountEntry.set("");
            show(charged.standing(), change);
            tell(charged.outcome(), "pay.cardApproved", "pay.cardDeclined", amount);
        }, failure -> {
            busy.set(false);
            notice.error(i18n.get("pay.terminalFailed", failure.getMessage()));
            refreshStanding();
        });
    }

    /** A refund to the card the customer presents, through the payment terminal (journaled first, looked up after a crash). */
    private void refundCard() {
        if (refusedAsNoReceipt()) {
            return;
        }
        Long amount = refundAmount();
        if (amount == null) {
            return;
        }
        busy.set(true);
        notice.warn(i18n.get("pay.waitingTerminalRefund", money(amount)));
        record Refunded(PaymentTerminal.Outcome outcome, SalePayments.Standing standing) {
        }
        runner.run(() -> new Refunded(money.cardRefund(saleId, amount), money.standing(saleId)), done -> {
            busy.set(false);
            amountEntry.set("");
            show(done.standing(), 0);
            tell(done.outcome(), "pay.cardRefunded", "pay.refundDeclined", -amount);
        }, failure -> {
            busy.set(false);
            notice.error(i18n.get("pay.terminalFailed", failure.getMessage()));
            refreshStanding();
        });
    }

    /**
     * What may still go back to the online payments of the web and app orders items come back from, by order
     * number: what those items refund, less what was already refunded online for this ticket.
     */
    private java.util.Map<String, Long> onlineRefundable() {
        java.util.Map<String, Long> left = new java.util.LinkedHashMap<>();
        for (fr.comptoir.sale.BasketLine l : basket.lines()) {
            if (l.returnOf() != null && l.returnOf().online()) {
                left.merge(l.returnOf().orderNumber(), -l.totalCents(), Long::sum);
            }
        }
        for (Payment p : checkout.payments()) {
            if (p.tender() == Payment.Tender.ONLINE) {
                left.merge(p.terminalReference(), p.amountCents(), Long::sum);
            }
        }
        left.values().removeIf(v -> v <= 0);
        return left;
    }

    /** Whether items bought online come back in this ticket (their refund may go back to the online payment). */
    public boolean offersOnlineRefund() {
        return basket.lines().stream().anyMatch(l -> l.returnOf() != null && l.returnOf().online());
    }

    /**
     * Refunds on the online payment of each web or app order items come back from (as much as they refund, at
     * most what is left): journaled with the ticket, carried out by the platform when it records it.
     */
    public void refundOnline() {
        if (blocked() || !isRefund() || refusedAsNoReceipt()) {
            return;
        }
        java.util.Map<String, Long> refundable = onlineRefundable();
        if (refundable.isEmpty()) {
            notice.error(i18n.get("pay.nothingOnline"));
            return;
        }
        long left = -checkout.remainingCents();
        java.util.Map<String, Long> plan = new java.util.LinkedHashMap<>();
        for (java.util.Map.Entry<String, Long> e : refundable.entrySet()) {
            long cents = Math.min(left, e.getValue());
            if (cents > 0) {
                plan.put(e.getKey(), cents);
                left -= cents;
            }
        }
        long total = plan.values().stream().mapToLong(Long::longValue).sum();
        busy.set(true);
        runner.run(() -> {
            plan.forEach((order, cents) -> money.onlineRefund(saleId, cents, order));
            return money.standing(saleId);
        }, standing -> {
            busy.set(false);
            show(standing, 0);
            notice.confirm(i18n.get("pay.onlineRefunded", money(total), String.join(", ", plan.keySet())));
        }, failure -> {
            busy.set(false);
            notice.error(i18n.get("pay.recordFailed", failure.getMessage()));
        });
    }

    public void enableGiftCards() {
        this.giftCardsEnabled = true;
    }

    public StringProperty giftCardNumberProperty() { return giftCardNumber; }

    /** Gift card or store credit, checked and spent online only (see {@link GiftCards}). */
    public void payGiftCard() {
        if (blocked() || !giftCardsEnabled) {
            return;
        }
        Long amount = amountEntry.get() == null || amountEntry.get().isBlank() ? Long.valueOf(checkout.remainingCents()) : parse(amountEntry.get());
        if (amount == null || amount <= 0) {
            notice.error(i18n.get("pay.badAmount"));
            return;
        }
        String number = giftCardNumber.get();
        long left = checkout.remainingCents();
        long change = checkout.changeCents();
        busy.set(true);
        record Taken(Payment payment, SalePayments.Standing standing) {
        }
        runner.run(() -> new Taken(money.giftCard(saleId, number, amount, left), money.standing(saleId)), taken -> {
            busy.set(false);
            amountEntry.set("");
            giftCardNumber.set("");
            show(taken.standing(), change);
            notice.confirm(i18n.get("pay.giftCardTaken", money(taken.payment().amountCents())));
        }, failure -> {
            busy.set(false);
            notice.error(giftCardProblem(failure));
            refreshStanding();
        });
    }

    /**
     * Refunds what is left (or the amount typed) as store credit issued by the platform, for the basket's
     * customer if any (online only: offline it is refused and nothing is issued).
     */
    public void refundStoreCredit() {
        if (blocked() || !isRefund()) {
            return;
        }
        Long amount = refundAmount();
        if (amount == null) {
            return;
        }
        String customerId = basket.customer() == null ? null : basket.customer().id();
        if (customerId == null && basket.lines().stream().anyMatch(l -> l.returnOf() != null && l.returnOf().noReceipt())) {
            notice.error(i18n.get("pay.noReceiptNeedsCustomer"));
            return;
        }
        busy.set(true);
        record Issued(Payment payment, SalePayments.Standing standing) {
        }
        runner.run(() -> new Issued(money.storeCredit(saleId, amount, customerId), money.standing(saleId)), issued -> {
            busy.set(false);
            amountEntry.set("");
            show(issued.standing(), 0);
            notice.confirm(i18n.get("pay.storeCreditIssued", money(amount), issued.payment().terminalReference()));
        }, failure -> {
            busy.set(false);
            notice.error(failure instanceof GiftCards.Unavailable ? i18n.get("pay.storeCreditOffline")
                    : i18n.get("pay.storeCreditRefused", failure.getMessage()));
            refreshStanding();
        });
    }

    /**
     * What the terminal said of a card payment or refund, in words ({@code signedCents}: what the sale counts,
     * negative for a refund).
     */
    private void tell(PaymentTerminal.Outcome outcome, String approvedKey, String declinedKey, long signedCents) {
        if (outcome instanceof PaymentTerminal.Outcome.Approved) {
            notice.confirm(i18n.get(approvedKey, money(Math.abs(signedCents))));
        } else if (outcome instanceof PaymentTerminal.Outcome.Declined d) {
            notice.error(i18n.get(declinedKey, d.reason()));
        } else if (outcome instanceof PaymentTerminal.Outcome.Cancelled) {
            notice.warn(i18n.get("pay.cardCancelled"));
        } else {
            notice.warn(i18n.get("pay.cardUnresolved", money(signedCents)));
        }
    }

    /** The amount typed, or all that is left to refund; null (and said) when it is not a refund's amount. */
    private Long refundAmount() {
        long owed = -checkout.remainingCents();
        Long amount = amountEntry.get() == null || amountEntry.get().isBlank() ? Long.valueOf(owed) : parse(amountEntry.get());
        if (amount == null || amount <= 0 || amount > owed) {
            notice.error(i18n.get("pay.badRefundAmount", money(owed)));
            return null;
        }
        return amount;
    }

    /** After a failure: what the journal says now (an unresolved payment blocks the other tenders). */
    private void refreshStanding() {
        long change = checkout.changeCents();
        runner.run(() -> money.standing(saleId), standing -> show(standing, change), failure -> notice.error(failure.getMessage()));
    }

    private String giftCardProblem(Throwable failure) {
        if (failure instanceof GiftCards.Unavailable) {
            return i18n.get("pay.giftCardOffline");
        }
        if (failure instanceof GiftCards.Refused r) {
            return r.unknownCard() ? i18n.get("pay.giftCardUnknown") : i18n.get("pay.giftCardRefused", r.getMessage());
        }
        if ("gift-card-empty".equals(failure.getMessage())) {
            return i18n.get("pay.giftCardEmpty");
        }
        return i18n.get("pay.giftCardNumber");
    }

    /** Records the paid sale and shows its receipt. */
    public void complete() {
        // Once recorded, a sale is never recorded again, however often the button is touched.
        if (!checkout.isPaid() || busy.get() || unresolved.get() || recorded) {
            return;
        }
        busy.set(true);
        record Done(SaleRecord sale, String receipt, String receiptProblem) {
        }
        Checkout paidCheckout = checkout;
        runner.run(() -> {
            SaleRecord sale = complete.apply(paidCheckout);
            // The sale is recorded: a receipt that cannot be made or kept must not look like a failed sale.
            try {
                return new Done(sale, receiptOf.apply(sale), null);
            } catch (RuntimeException e) {
                return new Done(sale, "", e.getMessage());
            }
        }, done -> {
            busy.set(false);
            recorded = true;
            SaleRecord sale = done.sale();
            recordedSale = sale;
            receipt.set(done.receipt());
            if (done.receiptProblem() == null) {
                notice.confirm(i18n.get(sale.type() == SaleRecord.Type.SALE ? "pay.completed" : "pay.completedReturn", sale.ticketNumber()));
            } else {
                notice.warn(i18n.get("pay.completedReceiptProblem", sale.ticketNumber(), done.receiptProblem()));
            }
            onCompleted.accept(sale);
        }, failure -> {
            busy.set(false);
            notice.error("pickup-needs-customer".equals(failure.getMessage()) ? i18n.get("sell.pickupNeedsCustomer")
                    : i18n.get("pay.recordFailed", failure.getMessage()));
        });
    }

    /** Offers to e-mail the receipt to {@code customerEmail} (prefilled, may be changed) once the sale is recorded. */
    public void enableEmail(String customerEmail, java.util.function.BiConsumer<SaleRecord, String> send) {
        email.set(customerEmail == null ? "" : customerEmail);
        emailer = send;
    }

    public void emailReceipt() {
        if (recordedSale == null || emailer == null || emailSent.get()) {
            return;
        }
        String to = email.get() == null ? "" : email.get().strip();
        if (!fr.comptoir.common.EmailAddresses.looksValid(to)) {
            notice.error(i18n.get("newCustomer.invalidEmail"));
            return;
        }
        SaleRecord sale = recordedSale;
        runner.run(() -> {
            emailer.accept(sale, to);
            return null;
        }, x -> {
            emailSent.set(true);
            notice.confirm(i18n.get("pay.emailQueued", to));
        }, failure -> notice.error("training-not-emailed".equals(failure.getMessage()) ? i18n.get("training.notEmailed") : failure.getMessage()));
    }

    public StringProperty emailProperty() { return email; }
    public BooleanProperty emailSentProperty() { return emailSent; }

    /** "12,50", "12.50" or "12" euros as cents; null when it is not an amount. */
    static Long parse(String text) {
        return fr.comptoir.common.Money.parseCents(text);
    }

    private void refresh() {
        remaining.set(money(Math.abs(checkout.remainingCents())));
        paid.set(checkout.isPaid());
        anyPayment.set(!checkout.payments().isEmpty() || unresolved.get());
        cashTaken.set(checkout.payments().stream().filter(p -> p.tender() == fr.comptoir.sale.Payment.Tender.CASH)
                .mapToLong(fr.comptoir.sale.Payment::amountCents).sum());
        payments.setAll(checkout.payments().stream().map(p -> switch (p.tender()) {
            case CASH -> i18n.get("receipt.cash");
            case CARD -> i18n.get("receipt.card", p.maskedPan().substring(p.maskedPan().length() - 4));
            case GIFT_CARD -> i18n.get("receipt.giftCard", p.maskedPan().substring(p.maskedPan().length() - 4));
            case ONLINE -> i18n.get("receipt.online", p.terminalReference());
            case STORE_CREDIT -> i18n.get("receipt.storeCredit", p.terminalReference());
        } + "  " + money(p.amountCents())).toList());
    }

    private String money(long cents) {
        return Money.ofCents(cents).format(i18n.formats());
    }

    public StringProperty dueProperty() { return due; }
    public StringProperty remainingProperty() { return remaining; }
    public StringProperty amountEntryProperty() { return amountEntry; }
    public StringProperty messageProperty() { return message; }

    /** What the screen last said, with its kind. */
    public fr.comptoir.uikit.Notice notice() { return notice; }
    public StringProperty receiptProperty() { return receipt; }
    public BooleanProperty busyProperty() { return busy; }
    public BooleanProperty paidProperty() { return paid; }
    public BooleanProperty anyPaymentProperty() { return anyPayment; }
    /** A payment was asked and its outcome is not known yet: no other tender until it is. */
    public BooleanProperty unresolvedProperty() { return unresolved; }
    public ObservableList<String> payments() { return payments; }
}
