package fr.comptoir.sale;

/**
 * Gift cards and store credit, checked and spent on the central platform: offline they are refused,
 * so that one balance is never spent twice in two stores. Blocking (network): off the JavaFX thread.
 */
public interface GiftCards {

    long balance(String number);

    /** Takes the amount off the card once per key; returns the redemption's reference. */
    String redeem(String number, long amountCents, String saleReference, String idempotencyKey);
}
