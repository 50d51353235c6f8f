package fr.comptoir.returns;

import fr.comptoir.orders.OrderLine;

/**
 * One order line at the returns counter: what was bought, what came back (confirmed by the platform, from every
 * terminal and channel; and from this terminal, not confirmed yet), what may still come back, and why not.
 *
 * @param returnedHere units this terminal took back that the platform has not confirmed yet
 * @param refusal      why it may not come back without a manager ({@link Refusal}), or null
 * @param category     the product's category, as the catalogue has it (null when unknown)
 */
public record ReturnableLine(OrderLine line, int returnedHere, Refusal refusal, String category) {

    /** Why a line may not come back as it is. */
    public enum Refusal {
        /** The store does not take back this kind of item (food, underwear...): a manager may still approve. */
        NON_RETURNABLE_CATEGORY,
        /** Bought longer ago than the store's window for its channel: a manager may still approve. */
        OUTSIDE_WINDOW,
        /** The customer does not have it yet (an order not delivered or collected): nothing to take back. */
        NOT_RECEIVED
    }

    public int bought() {
        return line.quantity();
    }

    /** Units returned so far, everywhere this terminal knows of. */
    public int returned() {
        return line.returnedQuantity() + returnedHere;
    }

    /** Units that may still come back (before the policy). */
    public int returnable() {
        return refusal == Refusal.NOT_RECEIVED ? 0 : Math.max(0, line.quantity() - returned());
    }

    /** What {@code units} more units refund. */
    public long refund(int units) {
        return ReturnMoney.refund(line, returned(), units);
    }
}
