package fr.comptoir.sale;

/**
 * Gift cards and store credit, checked and spent on the central platform: offline they are refused,
 * so that one balance is never spent twice in two stores. Blocking (network): off the JavaFX thread.
 */
public interface GiftCards {

    /** The platform refused: nothing was taken from the card. */
    final class Refused extends RuntimeException {
        private final boolean unknownCard;

        /** @param unknownCard true when the platform knows no such card */
        public Refused(boolean unknownCard, String why) {
            super(why);
            this.unknownCard = unknownCard;
        }

        public boolean unknownCard() {
            return unknownCard;
        }
    }

    /**
     * The platform could not be reached or did not answer as agreed: a redemption sent may or may not
     * have been made, and must be sent again with the same key before anything else is taken.
     */
    final class Unavailable extends RuntimeException {
        public Unavailable(String why, Throwable cause) {
            super(why, cause);
        }
    }

    /** The card's balance in cents; throws {@link Refused} or {@link Unavailable}. */
    long balance(String number);

    /**
     * Takes the amount off the card once per key (the same key again answers with the first redemption);
     * returns the redemption's reference. Throws {@link Refused} or {@link Unavailable}.
     */
    String redeem(String number, long amountCents, String saleReference, String idempotencyKey);

    /**
     * Issues store credit once per key (the same key again answers with the same credit); returns its number.
     * Throws {@link Refused} or {@link Unavailable}.
     */
    String issueCredit(long amountCents, String saleReference, String customerId, String idempotencyKey);
}
