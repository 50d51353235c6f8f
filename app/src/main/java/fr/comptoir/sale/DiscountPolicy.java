package fr.comptoir.sale;

import java.util.ArrayList;
import java.util.List;

/**
 * Discounts an associate may give alone, and how a basket discount is spread over the lines. Above
 * {@code approvalThresholdBasisPoints} of the amount discounted (10 % by default) a manager approves
 * with their PIN.
 */
public record DiscountPolicy(int approvalThresholdBasisPoints) {

    public static final DiscountPolicy DEFAULT = new DiscountPolicy(1000);

    public DiscountPolicy {
        if (approvalThresholdBasisPoints < 0 || approvalThresholdBasisPoints > 10_000) {
            throw new IllegalArgumentException("threshold out of range: " + approvalThresholdBasisPoints);
        }
    }

    /** The policy kept in the terminal's settings (basis points); the default when absent or unreadable. */
    public static DiscountPolicy parse(String stored) {
        try {
            return stored == null ? DEFAULT : new DiscountPolicy(Integer.parseInt(stored.strip()));
        } catch (IllegalArgumentException e) {
            return DEFAULT;
        }
    }

    public boolean needsApproval(long grossCents, long discountCents) {
        return discountCents * 10_000 > grossCents * approvalThresholdBasisPoints;
    }

    /** Price overrides always need a manager; other discounts above the threshold. */
    public boolean needsApproval(long grossCents, long discountCents, DiscountReason reason) {
        return reason == DiscountReason.PRICE_OVERRIDE || needsApproval(grossCents, discountCents);
    }

    /** {@code percentBasisPoints} of {@code cents}, rounded half-up to the cent. */
    public static long percentOf(long cents, int percentBasisPoints) {
        return (cents * percentBasisPoints + 5_000) / 10_000;
    }

    /**
     * Spreads a basket discount over amounts in proportion, to the cent (largest remainders get the
     * odd cents), so that the VAT of each rate is computed on what is really paid.
     */
    public static List<Long> spread(long discountCents, List<Long> amounts) {
        long total = amounts.stream().mapToLong(Long::longValue).sum();
        if (discountCents < 0 || discountCents > total) {
            throw new IllegalArgumentException("discount must be between 0 and the basket's amount");
        }
        List<Long> shares = new ArrayList<>();
        List<long[]> remainders = new ArrayList<>();
        long given = 0;
        for (int i = 0; i < amounts.size(); i++) {
            long exact = total == 0 ? 0 : discountCents * amounts.get(i);
            long share = total == 0 ? 0 : exact / total;
            shares.add(share);
            given += share;
            remainders.add(new long[]{total == 0 ? 0 : exact % total, i});
        }
        remainders.sort((a, b) -> Long.compare(b[0], a[0]));
        for (int k = 0; given < discountCents; k++) {
            int i = (int) remainders.get(k % remainders.size())[1];
            if (shares.get(i) < amounts.get(i)) {
                shares.set(i, shares.get(i) + 1);
                given++;
            }
        }
        return shares;
    }
}
