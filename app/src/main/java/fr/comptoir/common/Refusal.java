package fr.comptoir.common;

/**
 * A business rule that refuses what was asked, nothing changed: its message is the key of the rule (the
 * screens' words for it), {@link #detail} what the person needs to act (an order number, a time, a quantity).
 */
public class Refusal extends RuntimeException {

    private final String detail;

    public Refusal(String key, String detail) {
        super(key);
        this.detail = detail;
    }

    /** Words for the message, or null. */
    public String detail() {
        return detail;
    }
}
