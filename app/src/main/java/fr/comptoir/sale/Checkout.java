package fr.comptoir.sale;

import java.util.ArrayList;
import java.util.List;

/**
 * Paying for a basket: any mix of cash, card and gift card until the total is covered. Cash may exceed
 * what is left (the difference is the change); a card never pays more than what is left. The money side
 * (terminal, platform, the payments' journal) is {@link SalePayments}; this is the sum. Not thread-safe:
 * one checkout per till, on the JavaFX thread.
 */
public final class Checkout {

    private final long dueCents;
    private final List<Payment> payments = new ArrayList<>();
    private long changeCents;

    public Checkout(long dueCents) {
        if (dueCents <= 0) {
            throw new IllegalArgumentException("nothing to pay");
        }
        this.dueCents = dueCents;
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
        if (!payments.isEmpty() || sum > dueCents || taken.stream().anyMatch(p -> p.amountCents() <= 0)) {
            throw new IllegalStateException("payments-do-not-fit");
        }
        payments.addAll(taken);
    }

    /** Cash handed over; returns the change to give back (0 when it does not cover what is left). */
    public long payCash(long givenCents) {
        long kept = cashKept(givenCents);
        payments.add(Payment.cash(kept));
        changeCents = givenCents - kept;
        return changeCents;
    }

    /** What a cash tender of {@code givenCents} keeps towards the sale (the rest is change). */
    public long cashKept(long givenCents) {
        if (givenCents <= 0) {
            throw new IllegalArgumentException("cash-amount");
        }
        if (isPaid()) {
            throw new IllegalStateException("already-paid");
        }
        return Math.min(givenCents, remainingCents());
    }

    /**
     * Counts a card or gift card payment taken (see {@link SalePayments}); never more than what is left.
     */
    public void add(Payment taken) {
        if (taken.amountCents() <= 0 || taken.amountCents() > remainingCents()) {
            throw new IllegalArgumentException("payment-amount");
        }
        payments.add(taken);
    }
}
