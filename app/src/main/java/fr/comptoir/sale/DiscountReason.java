package fr.comptoir.sale;

/** Why an associate gives a discount; kept on the line, the receipt and the sale record. */
public enum DiscountReason {
    DAMAGED, LOYALTY_GESTURE, PRICE_MATCH, MANAGER_DECISION,
    /** A new unit price typed at the till: always approved by a manager. */
    PRICE_OVERRIDE
}
