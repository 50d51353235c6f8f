package fr.comptoir.sale;

import java.util.ArrayList;
import java.util.List;

/**
 * Paying for a basket: any mix of cash and card until the total is covered. Cash may exceed what is
 * left (the difference is the change); a card never pays more than what is left. A failed or cancelled
 * card payment changes nothing. Not thread-safe: one checkout per till.
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
     * Payments already taken for this basket before the app stopped (restored from the saved basket):
     * counted as paid, never charged again.
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
        if (givenCents <= 0) {
            throw new IllegalArgumentException("cash-amount");
        }
        if (isPaid()) {
            throw new IllegalStateException("already-paid");
        }
        long kept = Math.min(givenCents, remainingCents());
        payments.add(Payment.cash(kept));
        changeCents = givenCents - kept;
        return changeCents;
    }

    /**
     * Pays with a gift card or store credit: at most what is left and what the card holds. Throws
     * when the card is unknown, short, or the platform cannot be reached; the checkout then stays as it was.
     */
    public long payGiftCard(GiftCards cards, String number, long amountCents, String saleReference) {
        String n = number == null ? "" : number.strip().toUpperCase(java.util.Locale.ROOT);
        if (!n.matches("[A-Z0-9\\-]{6,32}")) {
            throw new IllegalArgumentException("gift-card-number");
        }
        long balance = cards.balance(n);
        long amount = Math.min(Math.min(amountCents, remainingCents()), balance);
        if (amount <= 0) {
            throw new IllegalArgumentException("gift-card-empty");
        }
        String redemption = cards.redeem(n, amount, saleReference, saleReference + ":" + n + ":" + payments.size());
        // The card's number is a bearer value: only its last digits are kept, as for bank cards.
        payments.add(new Payment(Payment.Tender.GIFT_CARD, amount, "****" + n.substring(n.length() - 4), null, redemption));
        return amount;
    }

    /** Charges a card through the terminal (blocking); the checkout only changes when approved. */
    public PaymentTerminal.Outcome payCard(PaymentTerminal terminal, long amountCents, String reference) {
        if (amountCents <= 0 || amountCents > remainingCents()) {
            throw new IllegalArgumentException("card-amount");
        }
        PaymentTerminal.Outcome outcome = terminal.charge(amountCents, reference);
        if (outcome instanceof PaymentTerminal.Outcome.Approved a) {
            payments.add(new Payment(Payment.Tender.CARD, amountCents, a.maskedPan(), a.authorisationCode(), a.terminalReference()));
        }
        return outcome;
    }
}
