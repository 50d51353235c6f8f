package fr.comptoir.sale;

/**
 * The card payment terminal beside the till. Blocking while the customer pays: off the JavaFX thread.
 */
public interface PaymentTerminal {

    /** What the terminal answered. */
    sealed interface Outcome {
        record Approved(String maskedPan, String authorisationCode, String terminalReference) implements Outcome {
        }

        record Declined(String reason) implements Outcome {
        }

        /** The terminal did not answer in time: nothing was charged as far as the till knows. */
        record TimedOut() implements Outcome {
        }

        /** The customer cancelled on the terminal. */
        record Cancelled() implements Outcome {
        }
    }

    Outcome charge(long amountCents, String reference);
}
