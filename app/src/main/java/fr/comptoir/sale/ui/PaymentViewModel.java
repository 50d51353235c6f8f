package fr.comptoir.sale.ui;

import fr.comptoir.common.Money;
import fr.comptoir.sale.Basket;
import fr.comptoir.sale.Checkout;
import fr.comptoir.sale.GiftCards;
import fr.comptoir.sale.Payment;
import fr.comptoir.sale.PaymentTerminal;
import fr.comptoir.sale.SaleRecord;
import fr.comptoir.shell.I18n;
import fr.comptoir.shell.TaskRunner;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Taking payment for the basket: cash (with change), card through the payment terminal, or both.
 * A declined, cancelled or unanswered card leaves the basket and earlier payments as they were. Once
 * paid, the sale is recorded (journal and outbox together) and its receipt shown. JavaFX thread only.
 */
public final class PaymentViewModel {

    private final StringProperty due = new SimpleStringProperty("");
    private final StringProperty remaining = new SimpleStringProperty("");
    private final StringProperty amountEntry = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty receipt = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final BooleanProperty paid = new SimpleBooleanProperty(false);
    private final BooleanProperty anyPayment = new SimpleBooleanProperty(false);
    private final ObservableList<String> payments = FXCollections.observableArrayList();

    private final Basket basket;
    private final PaymentTerminal terminal;
    private final Function<Checkout, SaleRecord> complete;
    private final Function<SaleRecord, String> receiptOf;
    private final TaskRunner runner;
    private final I18n i18n;
    private final Consumer<SaleRecord> onCompleted;
    private final Checkout checkout;
    private int cardAttempts;
    private SaleRecord recordedSale;
    private java.util.function.BiConsumer<SaleRecord, String> emailer;
    private final StringProperty email = new SimpleStringProperty("");
    private final BooleanProperty emailSent = new SimpleBooleanProperty(false);
    private boolean recorded;
    private int lastPaymentCount;

    public PaymentViewModel(Basket basket, PaymentTerminal terminal, Function<Checkout, SaleRecord> complete,
                            Function<SaleRecord, String> receiptOf, TaskRunner runner, I18n i18n, Consumer<SaleRecord> onCompleted) {
        this.basket = basket;
        this.terminal = terminal;
        this.complete = complete;
        this.receiptOf = receiptOf;
        this.runner = runner;
        this.i18n = i18n;
        this.onCompleted = onCompleted;
        this.checkout = new Checkout(basket.totalCents());
        due.set(money(checkout.dueCents()));
        refresh();
    }

    /** Cash given: the amount typed, or the exact amount left when nothing is typed. */
    public void payCash() {
        Long given = amountEntry.get() == null || amountEntry.get().isBlank() ? Long.valueOf(checkout.remainingCents()) : parse(amountEntry.get());
        if (given == null || given <= 0) {
            message.set(i18n.get("pay.badAmount"));
            return;
        }
        payCash(given);
    }

    public void payCash(long givenCents) {
        if (checkout.isPaid() || busy.get()) {
            return;
        }
        long change = checkout.payCash(givenCents);
        amountEntry.set("");
        message.set(change > 0 ? i18n.get("pay.change", money(change)) : i18n.get("pay.cashTaken", money(givenCents)));
        refresh();
    }

    /** Card for the amount typed (split payment), or for what is left. */
    public void payCard() {
        if (checkout.isPaid() || busy.get()) {
            return;
        }
        Long amount = amountEntry.get() == null || amountEntry.get().isBlank() ? Long.valueOf(checkout.remainingCents()) : parse(amountEntry.get());
        if (amount == null || amount <= 0 || amount > checkout.remainingCents()) {
            message.set(i18n.get("pay.badCardAmount", money(checkout.remainingCents())));
            return;
        }
        busy.set(true);
        message.set(i18n.get("pay.waitingTerminal", money(amount)));
        String reference = basket.id() + "-" + (++cardAttempts);
        runner.run(() -> checkout.payCard(terminal, amount, reference), outcome -> {
            busy.set(false);
            amountEntry.set("");
            if (outcome instanceof PaymentTerminal.Outcome.Approved) {
                message.set(i18n.get("pay.cardApproved", money(amount)));
            } else if (outcome instanceof PaymentTerminal.Outcome.Declined d) {
                message.set(i18n.get("pay.cardDeclined", d.reason()));
            } else if (outcome instanceof PaymentTerminal.Outcome.Cancelled) {
                message.set(i18n.get("pay.cardCancelled"));
            } else {
                message.set(i18n.get("pay.cardTimeout"));
            }
            refresh();
        }, failure -> {
            busy.set(false);
            message.set(failure.getMessage());
        });
    }

    private GiftCards giftCards;
    private final StringProperty giftCardNumber = new SimpleStringProperty("");

    public void enableGiftCards(GiftCards cards) {
        this.giftCards = cards;
    }

    public StringProperty giftCardNumberProperty() { return giftCardNumber; }

    /** Gift card or store credit, checked and spent online only (see {@link GiftCards}). */
    public void payGiftCard() {
        if (checkout.isPaid() || busy.get() || giftCards == null) {
            return;
        }
        Long amount = amountEntry.get() == null || amountEntry.get().isBlank() ? Long.valueOf(checkout.remainingCents()) : parse(amountEntry.get());
        if (amount == null || amount <= 0) {
            message.set(i18n.get("pay.badAmount"));
            return;
        }
        String number = giftCardNumber.get();
        busy.set(true);
        runner.run(() -> checkout.payGiftCard(giftCards, number, amount, basket.id()), taken -> {
            busy.set(false);
            amountEntry.set("");
            giftCardNumber.set("");
            message.set(i18n.get("pay.giftCardTaken", money(taken)));
            refresh();
        }, failure -> {
            busy.set(false);
            message.set(giftCardProblem(failure));
        });
    }

    private String giftCardProblem(Throwable failure) {
        if (failure instanceof fr.comptoir.centralapi.CentralUnreachableException) {
            return i18n.get("pay.giftCardOffline");
        }
        if (failure instanceof fr.comptoir.centralapi.CentralRejectedException r) {
            return r.status() == 404 ? i18n.get("pay.giftCardUnknown") : i18n.get("pay.giftCardRefused", r.detail());
        }
        if ("gift-card-empty".equals(failure.getMessage())) {
            return i18n.get("pay.giftCardEmpty");
        }
        return i18n.get("pay.giftCardNumber");
    }

    /** Records the paid sale and shows its receipt. */
    public void complete() {
        // Once recorded, a sale is never recorded again, however often the button is touched.
        if (!checkout.isPaid() || busy.get() || recorded) {
            return;
        }
        busy.set(true);
        record Done(SaleRecord sale, String receipt, String receiptProblem) {
        }
        runner.run(() -> {
            SaleRecord sale = complete.apply(checkout);
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
            message.set(done.receiptProblem() == null ? i18n.get("pay.completed", sale.ticketNumber())
                    : i18n.get("pay.completedReceiptProblem", sale.ticketNumber(), done.receiptProblem()));
            onCompleted.accept(sale);
        }, failure -> {
            busy.set(false);
            message.set(i18n.get("pay.recordFailed", failure.getMessage()));
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
        if (!to.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            message.set(i18n.get("newCustomer.invalidEmail"));
            return;
        }
        SaleRecord sale = recordedSale;
        runner.run(() -> {
            emailer.accept(sale, to);
            return null;
        }, x -> {
            emailSent.set(true);
            message.set(i18n.get("pay.emailQueued", to));
        }, failure -> message.set(failure.getMessage()));
    }

    public StringProperty emailProperty() { return email; }
    public BooleanProperty emailSentProperty() { return emailSent; }

    /** "12,50", "12.50" or "12" euros as cents; null when it is not an amount. */
    static Long parse(String text) {
        String t = text.strip().replace("€", "").replace(" ", "").replace(',', '.');
        if (!t.matches("\\d{1,6}(\\.\\d{1,2})?")) {
            return null;
        }
        return new BigDecimal(t).movePointRight(2).longValueExact();
    }

    private Consumer<List<Payment>> onPaymentsChanged = p -> { };

    /** Told of the payments taken after each change (to keep them safe from a crash). */
    public void setOnPaymentsChanged(Consumer<List<Payment>> listener) {
        this.onPaymentsChanged = listener;
    }

    /** Payments taken before the app stopped: shown as taken, never charged again. */
    public void resume(List<Payment> taken) {
        if (taken.isEmpty()) {
            return;
        }
        checkout.resume(taken);
        message.set(i18n.get("pay.resumed", money(taken.stream().mapToLong(Payment::amountCents).sum())));
        refresh();
    }

    private void refresh() {
        if (checkout.payments().size() != lastPaymentCount) {
            lastPaymentCount = checkout.payments().size();
            onPaymentsChanged.accept(checkout.payments());
        }
        remaining.set(money(checkout.remainingCents()));
        paid.set(checkout.isPaid());
        anyPayment.set(!checkout.payments().isEmpty());
        payments.setAll(checkout.payments().stream().map(p -> switch (p.tender()) {
            case CASH -> i18n.get("receipt.cash");
            case CARD -> i18n.get("receipt.card", p.maskedPan().substring(p.maskedPan().length() - 4));
            case GIFT_CARD -> i18n.get("receipt.giftCard", p.maskedPan().substring(p.maskedPan().length() - 4));
        } + "  " + money(p.amountCents())).toList());
    }

    private String money(long cents) {
        return Money.ofCents(cents).format(i18n.locale());
    }

    public StringProperty dueProperty() { return due; }
    public StringProperty remainingProperty() { return remaining; }
    public StringProperty amountEntryProperty() { return amountEntry; }
    public StringProperty messageProperty() { return message; }
    public StringProperty receiptProperty() { return receipt; }
    public BooleanProperty busyProperty() { return busy; }
    public BooleanProperty paidProperty() { return paid; }
    public BooleanProperty anyPaymentProperty() { return anyPayment; }
    public ObservableList<String> payments() { return payments; }
}
