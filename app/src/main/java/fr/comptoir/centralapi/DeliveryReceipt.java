package fr.comptoir.centralapi;

/**
 * The central platform's answer to a delivered write.
 *
 * @param replayed true when the platform had already applied this idempotency key and answered with the original result
 */
public record DeliveryReceipt(int status, String bodyJson, boolean replayed) {
}
