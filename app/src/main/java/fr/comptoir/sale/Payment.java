package fr.comptoir.sale;

/**
 * One tender of a sale. A card is never stored beyond its masked number, the authorisation code and
 * the terminal's reference.
 *
 * @param amountCents what this tender pays towards the sale (for cash: the amount kept, not the amount given)
 */
public record Payment(Tender tender, long amountCents, String maskedPan, String authorisationCode, String terminalReference) {

    /**
     * How it was paid. {@code ONLINE}: the online payment of a web or app order, refunded there by the platform
     * when it records the return (a negative payment naming the order in {@code terminalReference}).
     * {@code STORE_CREDIT}: a refund issued as store credit by the platform (negative, its number in
     * {@code terminalReference}, printed on the return receipt for the customer to spend).
     */
    public enum Tender { CASH, CARD, GIFT_CARD, ONLINE, STORE_CREDIT }

    public static Payment cash(long amountCents) {
        return new Payment(Tender.CASH, amountCents, null, null, null);
    }

    /** {@code cents} refunded on the online payment of order {@code orderNumber} (by the platform). */
    public static Payment onlineRefund(long cents, String orderNumber) {
        return new Payment(Tender.ONLINE, -cents, null, null, orderNumber);
    }
}
