package fr.comptoir.sale;

import java.util.List;

/**
 * Where the payments of a sale in progress are journaled, each before the card terminal or the platform
 * is asked for it: after a crash or a lost answer, what was asked is known and can be looked up instead
 * of being asked again. Blocking (disk): off the JavaFX thread.
 */
public interface PaymentJournal {

    /** Where a payment stands. */
    enum State { ASKED, APPROVED, REFUSED }

    /**
     * One payment of a sale.
     *
     * @param reference the terminal's reference or the gift card redemption's idempotency key: unique, and the
     *                  same at every retry of this payment
     * @param detail    for a gift card asked and not settled yet, its number (needed to ask again); else null
     * @param payment   the payment once approved
     * @param outcome   why it was refused, in words
     */
    record Intent(long id, String saleId, Payment.Tender tender, long amountCents, String reference, String detail, State state,
                  Payment payment, String outcome) {
    }

    /** Journals that a payment of {@code amountCents} is about to be asked for; returns it with its reference. */
    Intent ask(String saleId, Payment.Tender tender, long amountCents, String detail);

    /** The payment was taken; a gift card's number is forgotten (only its last digits stay, in the payment). */
    void approve(long intentId, Payment payment);

    /** The payment was refused (declined, cancelled, never reached the terminal): nothing was taken. */
    void refuse(long intentId, String why);

    /**
     * A payment taken without asking anyone (cash kept in the drawer), or carried over from a basket saved
     * by an earlier version: journaled as taken at once.
     */
    void taken(String saleId, Payment payment);

    /** Every payment of the sale, oldest first. */
    List<Intent> of(String saleId);
}
