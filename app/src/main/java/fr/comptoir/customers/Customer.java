package fr.comptoir.customers;

/**
 * A customer as known in every channel, with the consent they gave and their loyalty standing.
 */
public record Customer(String id, String firstName, String lastName, String email, String phone,
                       String loyaltyCard, LoyaltyTier loyaltyTier, int loyaltyPoints,
                       boolean emailConsent, boolean smsConsent, String createdAt) {

    public enum LoyaltyTier { NONE, SILVER, GOLD, PLATINUM }

    public String fullName() {
        return (firstName + " " + lastName).strip();
    }
}
