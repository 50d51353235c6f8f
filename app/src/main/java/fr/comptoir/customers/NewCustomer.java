package fr.comptoir.customers;

/**
 * A customer created in store, as sent to the central platform. Consent is captured per channel,
 * explicitly, after the privacy notice was shown.
 *
 * @param id the terminal's local id ({@code local-<uuid>}) until the platform gives its own
 */
public record NewCustomer(String id, String firstName, String lastName, String email, String phone,
                          boolean emailConsent, boolean smsConsent, String privacyNoticeShownAt,
                          String createdInStoreId, String createdByStaffId) {
}
