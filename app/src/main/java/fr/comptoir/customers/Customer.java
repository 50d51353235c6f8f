package fr.comptoir.customers;

import java.util.List;

/**
 * A customer as known in every channel, with the consent they gave, their loyalty standing, and what
 * associates know of their tastes (preferences, wishlist of variant ids).
 *
 * @param localId the id a terminal gave the customer when creating them offline, once the platform knows them
 */
public record Customer(String id, String firstName, String lastName, String email, String phone,
                       String loyaltyCard, LoyaltyTier loyaltyTier, int loyaltyPoints,
                       boolean emailConsent, boolean smsConsent, String createdAt,
                       Preferences preferences, List<String> wishlist, String localId) {

    public enum LoyaltyTier { NONE, SILVER, GOLD, PLATINUM }

    public Customer {
        preferences = preferences == null ? Preferences.NONE : preferences;
        wishlist = wishlist == null ? List.of() : List.copyOf(wishlist);
        loyaltyTier = loyaltyTier == null ? LoyaltyTier.NONE : loyaltyTier;
    }

    /** A customer without clienteling data yet. */
    public Customer(String id, String firstName, String lastName, String email, String phone, String loyaltyCard,
                    LoyaltyTier loyaltyTier, int loyaltyPoints, boolean emailConsent, boolean smsConsent, String createdAt) {
        this(id, firstName, lastName, email, phone, loyaltyCard, loyaltyTier, loyaltyPoints, emailConsent, smsConsent,
                createdAt, Preferences.NONE, List.of(), null);
    }

    public String fullName() {
        return (firstName + " " + lastName).strip();
    }

    public Customer withClienteling(Preferences newPreferences, List<String> newWishlist) {
        return new Customer(id, firstName, lastName, email, phone, loyaltyCard, loyaltyTier, loyaltyPoints, emailConsent,
                smsConsent, createdAt, newPreferences, newWishlist, localId);
    }

    /** Sizes, categories and brands the customer likes, as associates noted them. */
    public record Preferences(List<String> sizes, List<String> categories, List<String> brands) {
        public static final Preferences NONE = new Preferences(List.of(), List.of(), List.of());

        public Preferences {
            sizes = sizes == null ? List.of() : List.copyOf(sizes);
            categories = categories == null ? List.of() : List.copyOf(categories);
            brands = brands == null ? List.of() : List.copyOf(brands);
        }
    }
}
