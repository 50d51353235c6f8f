package fr.comptoir.sale;

/**
 * One tender of a sale. A card is never stored beyond its masked number, the authorisation code and
 * the terminal's reference.
 *
 * @param amountCents what this tender pays towards the sale (for cash: the amount kept, not the amount given)
 */
public record Payment(Tender tender, long amountCents, String maskedPan, String authorisationCode, String terminalReference) {

    public enum Tender { CASH, CARD, GIFT_CARD }

    public static Payment cash(long amountCents) {
        return new Payment(Tender.CASH, amountCents, null, null, null);
    }
}
