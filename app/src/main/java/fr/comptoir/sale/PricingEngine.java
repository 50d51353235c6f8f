package fr.comptoir.sale;

import fr.comptoir.catalog.Promotion;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies the centrally published promotions to a basket and says, on each line, what it took off
 * and why. Rules (decision 0012): on each line the single best line promotion applies (percentage off
 * a category, fixed price, second item at a percentage off); then basket-threshold promotions apply
 * on what is left, spread over the lines to the cent; an associate's own discount comes on top.
 * Pure, in memory: fast enough to run on every change of the basket.
 */
public final class PricingEngine {

    private final List<Promotion> promotions;
    private final String storeId;

    public PricingEngine(List<Promotion> promotions, String storeId) {
        this.promotions = List.copyOf(promotions);
        this.storeId = storeId;
    }

    public List<BasketLine> price(List<BasketLine> lines, Instant now) {
        if (lines.stream().anyMatch(l -> l.returned() || l.settlesOrder())) {
            // Items coming back refund what was paid for them, an order's balance is what the desk worked out:
            // promotions price only what is sold now, and the others keep their place in the basket.
            List<BasketLine> sold = lines.stream().filter(l -> !l.returned() && !l.settlesOrder()).toList();
            java.util.Iterator<BasketLine> priced = price(sold, now).iterator();
            return lines.stream().map(l -> l.returned() || l.settlesOrder() ? l : priced.next()).toList();
        }
        List<Promotion> active = promotions.stream().filter(p -> isActive(p, now)).toList();
        List<BasketLine> priced = new ArrayList<>();
        for (BasketLine l : lines) {
            long best = 0;
            String label = null;
            for (Promotion p : active) {
                long off = lineDiscount(p, l);
                if (off > best) {
                    best = off;
                    label = p.label();
                }
            }
            priced.add(l.withPromotion(best, label));
        }
        for (Promotion p : active) {
            if (p.kind() != Promotion.Kind.BASKET_THRESHOLD || p.thresholdCents() == null || p.discountCents() == null) {
                continue;
            }
            long total = priced.stream().mapToLong(BasketLine::totalCents).sum();
            if (total >= p.thresholdCents() && total > 0) {
                long off = Math.min(p.discountCents(), total);
                List<Long> shares = DiscountPolicy.spread(off, priced.stream().map(BasketLine::totalCents).toList());
                for (int i = 0; i < priced.size(); i++) {
                    BasketLine l = priced.get(i);
                    if (shares.get(i) > 0) {
                        String both = l.promotionLabel() == null ? p.label() : l.promotionLabel() + " + " + p.label();
                        // The threshold share comes out of the line's room: an associate discount may shrink.
                        priced.set(i, l.withPromotion(l.promotionCents() + shares.get(i), both));
                    }
                }
            }
        }
        return priced;
    }

    private boolean isActive(Promotion p, Instant now) {
        try {
            return (p.validFrom() == null || !now.isBefore(Instant.parse(p.validFrom())))
                    && (p.validTo() == null || now.isBefore(Instant.parse(p.validTo())))
                    && (p.storeIds().isEmpty() || p.storeIds().contains(storeId));
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }

    private static boolean applies(Promotion p, BasketLine l) {
        if (!p.variantIds().isEmpty()) {
            return p.variantIds().contains(l.variantId());
        }
        return p.category() != null && l.category() != null && l.category().startsWith(p.category());
    }

    static long lineDiscount(Promotion p, BasketLine l) {
        if (!applies(p, l)) {
            return 0;
        }
        long gross = l.grossCents();
        return switch (p.kind()) {
            case PERCENT_OFF_CATEGORY -> p.percentBasisPoints() == null ? 0 : DiscountPolicy.percentOf(gross, p.percentBasisPoints());
            case FIXED_PRICE -> p.fixedPriceCents() == null ? 0 : Math.max(0, l.unitPriceCents() - p.fixedPriceCents()) * l.quantity();
            case SECOND_ITEM_PERCENT_OFF -> p.percentBasisPoints() == null ? 0
                    : (long) (l.quantity() / 2) * DiscountPolicy.percentOf(l.unitPriceCents(), p.percentBasisPoints());
            case BASKET_THRESHOLD -> 0;
        };
    }
}
