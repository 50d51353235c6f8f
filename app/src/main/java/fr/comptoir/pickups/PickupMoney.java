package fr.comptoir.pickups;

import java.util.List;
import java.util.Map;

/**
 * What a hand-over costs or gives back, to the cent, the same on the platform and at the desk.
 *
 * <p>A line's units are worth {@code value(k) = floor(lineTotal × k / quantity)} for k of them, and all of
 * them exactly the line's total (promotions are in the total, so a unit refunded is never worth more than
 * was paid, and refusing every unit refunds the whole line). The money the customer has put in is
 * {@code held = paid online + paid at the desk − refunded}. After a hand-over:
 * <ul>
 *   <li>what is owed for what was collected is {@code K = Σ lineTotal − value(units not collected)};</li>
 *   <li>what the order can still be worth is {@code W = Σ lineTotal − value(units refused or missing)};</li>
 *   <li>the customer pays at the desk {@code max(0, K − held)} (an order not fully prepaid);</li>
 *   <li>the platform refunds {@code max(0, held − W)} on the original payment (refused lines of a prepaid order).</li>
 * </ul>
 * Both are differences of the same running totals, so partial hand-overs over several visits add up exactly
 * to what one hand-over would have given.
 */
public final class PickupMoney {

    private PickupMoney() {
    }

    /** What happens to one line at this hand-over: units handed over now, units refused now (and why). */
    public record LineOutcome(String lineId, int collect, int refuse, RefusalReason reason) {
    }

    /** Why a customer refused an item at the desk. */
    public enum RefusalReason { DAMAGED, WRONG_SIZE, CHANGED_MIND, NOT_AS_DESCRIBED, OTHER }

    /** The money of a hand-over: paid at the desk now, refunded by the platform now. At most one is not zero. */
    public record Settlement(long dueCents, long refundCents) {
    }

    /** Refused by {@link #settle}: the outcomes do not fit the order (the key says which rule). */
    public static final class Invalid extends IllegalArgumentException {
        private final String lineId;

        Invalid(String key, String lineId) {
            super(key);
            this.lineId = lineId;
        }

        /** The line the problem is on, or null. */
        public String lineId() {
            return lineId;
        }
    }

    /** What {@code units} units of {@code line} are worth (missing at preparation, refunded). */
    public static long worth(Pickup.PickupLine line, int units) {
        return value(line.lineTotalCents(), line.quantity(), units);
    }

    /** A line's units: {@code units} of {@code quantity} are worth this much of {@code lineTotal}. */
    static long value(long lineTotalCents, int quantity, int units) {
        if (units >= quantity) {
            return lineTotalCents;
        }
        return units <= 0 ? 0 : Math.floorDiv(lineTotalCents * units, quantity);
    }

    /**
     * What the units collected at this hand-over are worth, per line (lines collecting nothing left out), in
     * the order's lines' order: the weights a balance due is shared over, so that the till's ticket says
     * which items it paid for and at which VAT rate (decision 0029). Same unit values as {@link #settle}.
     */
    public static Map<String, Long> collectedWorth(Pickup pickup, List<LineOutcome> outcomes) {
        Map<String, Long> worth = new java.util.LinkedHashMap<>();
        for (Pickup.PickupLine l : pickup.lines()) {
            int now = outcomes.stream().filter(o -> o.lineId().equals(l.lineId())).mapToInt(LineOutcome::collect).sum();
            if (now > 0) {
                long before = l.lineTotalCents() - value(l.lineTotalCents(), l.quantity(), l.quantity() - l.collected());
                long after = l.lineTotalCents() - value(l.lineTotalCents(), l.quantity(), l.quantity() - l.collected() - now);
                worth.put(l.lineId(), after - before);
            }
        }
        return worth;
    }

    /**
     * The money of a hand-over with these outcomes (lines not named are left for later).
     *
     * @throws Invalid when a line is unknown, a count is negative, a refusal has no reason, or more units are
     *                 collected and refused than are still open on a line
     */
    public static Settlement settle(Pickup pickup, List<LineOutcome> outcomes) {
        Map<String, LineOutcome> byLine = new java.util.HashMap<>();
        for (LineOutcome o : outcomes) {
            if (pickup.lines().stream().noneMatch(l -> l.lineId().equals(o.lineId()))) {
                throw new Invalid("unknown-line", o.lineId());
            }
            if (o.collect() < 0 || o.refuse() < 0) {
                throw new Invalid("negative-quantity", o.lineId());
            }
            if (o.refuse() > 0 && o.reason() == null) {
                throw new Invalid("refusal-needs-reason", o.lineId());
            }
            if (byLine.put(o.lineId(), o) != null) {
                throw new Invalid("line-twice", o.lineId());
            }
        }
        long owedForCollected = 0;
        long stillWorth = 0;
        for (Pickup.PickupLine l : pickup.lines()) {
            LineOutcome o = byLine.getOrDefault(l.lineId(), new LineOutcome(l.lineId(), 0, 0, null));
            if (o.collect() + o.refuse() > l.open()) {
                throw new Invalid("more-than-open", l.lineId());
            }
            int collected = l.collected() + o.collect();
            int gone = l.refused() + o.refuse() + l.missing();
            owedForCollected += l.lineTotalCents() - value(l.lineTotalCents(), l.quantity(), l.quantity() - collected);
            stillWorth += l.lineTotalCents() - value(l.lineTotalCents(), l.quantity(), gone);
        }
        long held = pickup.paidCents() + pickup.settledInStoreCents() - pickup.refundedCents();
        return new Settlement(Math.max(0, owedForCollected - held), Math.max(0, held - stillWorth));
    }
}
