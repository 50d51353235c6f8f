package fr.comptoir.pickups;

/** A hand-over's receipt to e-mail: the order, which round, to whom, in which language. */
public record HandoverReceiptEmail(String orderId, String orderNumber, int round, String email, String language) {
}
