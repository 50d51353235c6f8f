package fr.comptoir.centralapi;

/**
 * The central platform's answer to a delivered write.
 *
 * @param bodyJson the platform's answer (kept with the sent write), empty when it had none
 * @param replayed true when the platform had already applied this idempotency key and answered with the original result
 */
public record DeliveryReceipt(String bodyJson, boolean replayed) {
}
