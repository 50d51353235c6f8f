package fr.comptoir.sale;

import java.util.ArrayList;
import java.util.List;

/**
 * Paying for a basket: any mix of cash, card and gift card until the total is covered. Cash may exceed
 * what is left (the difference is the change); a card never pays more than what is left. A negative total
 * (a return, an exchange in the customer's favour) is settled by refunds, which are payments of negative
 * amounts, never more than is owed; a zero total is settled at once. The money side (terminal, platform,
 * the payments' journal) is {@link SalePayments}; this is the sum. Not thread-safe: one checkout per till,
 * on the JavaFX thread.
 */
public final class Checkout {

    private final long dueCents;
    private final List<Payment> payments = new ArrayList<>();
    private long changeCents;

    public Checkout(long dueCents) {
        this.dueCents = dueCents;
    }

    /** The customer is owed money: what is left is refunded, not paid. */
    public boolean isRefund() {
        return dueCents < 0;
    }

    /** A checkout with the payments already taken for the sale (as journaled), and the change given last. */
    public Checkout(long dueCents, List<Payment> taken, long changeCents) {
        this(dueCents);
        resume(taken);
        this.changeCents = changeCents;
    }

    public long dueCents() {
        return dueCents;
    }

    public long remainingCents() {
        return dueCents - payments.stream().mapToLong(Payment::amountCents).sum();
    }

    public boolean isPaid() {
        return remainingCents() == 0;
    }

    public long changeCents() {
        return changeCents;
    }

    public List<Payment> payments() {
        return List.copyOf(payments);
    }

    /**
     * Payments already taken for this sale (journaled, possibly before the app stopped): counted as paid,
     * never charged again.
     */
    public void resume(List<Payment> taken) {
        long sum = taken.stream().mapToLong(Payment::amountCents).sum();
        boolean fits = dueCents >= 0 ? sum <= dueCents && taken.stream().allMatch(p -> p.amountCents() > 0)
                : sum >= dueCents && taken.stream().allMatch(p -> p.amountCents() < 0);
        if (!payments.isEmpty() || !fits) {
            throw new IllegalStateException("payments-do-not-fit");
        }
        payments.addAll(taken);
    }

    /** Cash handed over; returns the change to give back (0 when it does not cover what is left). */
    public long payCash(long givenCents) {
        long kept = cashKept(givenCents);
        payments.add(Payment.cash(kept));
        changeCents = isRefund() ? 0 : givenCents - kept;
        return changeCents;
    }

    /**
     * What a cash tender of {@code givenCents} keeps towards the sale (the rest is change). For a refund,
     * {@code givenCents} is what the till hands over, and the payment is its negative, never more than is owed.
     */
    public long cashKept(long givenCents) {
        if (givenCents <= 0) {
            throw new IllegalArgumentException("cash-amount");
        }
        if (isPaid()) {
            throw new IllegalStateException("already-paid");
        }
        return isRefund() ? -Math.min(givenCents, -remainingCents()) : Math.min(givenCents, remainingCents());
    }

    /**
     * Counts a card or gift card payment taken (see {@link SalePayments}); never more than what is left.
     */
    public void add(Payment taken) {
        boolean fits = isRefund() ? taken.amountCents() < 0 && taken.amountCents() >= remainingCents()
                : taken.amountCents() > 0 && taken.amountCents() <= remainingCents();
        if (!fits) {
            throw new IllegalArgumentException("payment-amount");
        }
        payments.add(taken);
    }
}
