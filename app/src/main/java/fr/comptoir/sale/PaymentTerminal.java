package fr.comptoir.sale;

/**
 * The card payment terminal beside the till. Every call blocks while the customer or the terminal
 * acts: off the JavaFX thread.
 *
 * <p>Each payment carries a reference chosen by the till and journaled before the terminal is asked, so
 * that when an answer is lost (a time-out, a crash of the till) the till asks the terminal what became of
 * that reference ({@link #status}) instead of charging the card again.
 */
public interface PaymentTerminal {

    /** What the terminal answered. */
    sealed interface Outcome {
        record Approved(String maskedPan, String authorisationCode, String terminalReference) implements Outcome {
        }

        record Declined(String reason) implements Outcome {
        }

        /** The terminal did not answer in time: the card may or may not have been charged; ask {@link #status}. */
        record TimedOut() implements Outcome {
        }

        /** The customer cancelled on the terminal. */
        record Cancelled() implements Outcome {
        }

        /** The terminal has no payment under this reference: nothing was charged. Only from {@link #status}. */
        record NotFound() implements Outcome {
        }
    }

    /** Charges {@code amountCents} under {@code reference} (unique per payment, never reused for another). */
    Outcome charge(long amountCents, String reference);

    /**
     * What became of the payment made under {@code reference}: its approval, its refusal, {@link Outcome.NotFound}
     * when the terminal never took it, or {@link Outcome.TimedOut} when the terminal does not answer now either.
     */
    Outcome status(String reference);

    /** Gives {@code amountCents} back to the card presented, under a new {@code reference}. */
    Outcome refund(long amountCents, String reference);
}
