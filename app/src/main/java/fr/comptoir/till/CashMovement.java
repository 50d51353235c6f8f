package fr.comptoir.till;

/**
 * Cash put into or taken out of the drawer outside a sale, with its reason.
 *
 * @param amountCents positive; {@link #signedCents()} says which way it went
 */
public record CashMovement(String id, String sessionId, Direction direction, Reason reason, long amountCents, String staffId,
                           String occurredAt, String note) {

    public enum Direction { IN, OUT }

    /** Why cash moved: petty cash (out, a receipt kept), a drop into the safe, a bank deposit, change brought in. */
    public enum Reason { PETTY_CASH, SAFE_DROP, BANK_DEPOSIT, CHANGE_TOP_UP, OTHER }

    public CashMovement {
        if (amountCents <= 0) {
            throw new IllegalArgumentException("A cash movement is a positive amount");
        }
    }

    public long signedCents() {
        return direction == Direction.IN ? amountCents : -amountCents;
    }
}
