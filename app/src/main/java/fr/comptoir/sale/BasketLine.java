package fr.comptoir.sale;

/**
 * One line of the store basket: a quantity of a variant at its tax-inclusive unit price, less a
 * discount given by the associate. A negative quantity is an item coming back (a return or the returned
 * side of an exchange): its discount and promotion are then the negative of what was taken off when it
 * was sold, so that its total is what is refunded.
 *
 * @param fromCartId     the online cart the line was taken over from, or null
 * @param discountCents  the discount on the whole line (0 to the line's gross amount)
 * @param discountReason why, in the reason codes of {@link DiscountReason}; null without discount
 * @param approvedBy     the manager who approved the discount, when it needed approval
 * @param fulfilment     null when the customer takes it now; {@code HOME} to deliver, {@code PICKUP:<storeId>}
 *                       to collect in another store (endless aisle: paid here, sent from another location);
 *                       {@code ORDER:<orderId>} for the balance of an order placed elsewhere, paid here and
 *                       handed over at the pickup desk (no stock moves with the sale: see {@link OrderSettlement})
 * @param category       the product's category path, for promotions ("Femme > Robes")
 * @param promotionCents what the centrally published promotions take off the line (set by the pricing engine)
 * @param promotionLabel which promotions, in words, for the line and the receipt
 * @param returnOf       for an item coming back, the order line it was bought on (null otherwise)
 */
public record BasketLine(String variantId, String sku, String label, int quantity, long unitPriceCents,
                         int vatRateBasisPoints, String fromCartId, long discountCents, String discountReason, String approvedBy,
                         String fulfilment, String category, long promotionCents, String promotionLabel, ReturnOf returnOf) {

    public BasketLine {
        if (quantity == 0) {
            throw new IllegalArgumentException("quantity cannot be zero");
        }
        if (unitPriceCents < 0) {
            throw new IllegalArgumentException("price cannot be negative");
        }
        long gross = Math.multiplyExact(unitPriceCents, quantity);
        boolean returned = quantity < 0;
        if (!returned && (discountCents < 0 || promotionCents < 0 || discountCents + promotionCents > gross)) {
            throw new IllegalArgumentException("discount must be between 0 and the line's amount");
        }
        if (returned && (discountCents > 0 || promotionCents > 0 || discountCents + promotionCents < gross)) {
            throw new IllegalArgumentException("a returned line's discount must be between the line's amount and 0");
        }
        if (fulfilment != null && !fulfilment.equals(HOME) && !fulfilment.startsWith(PICKUP) && !fulfilment.startsWith(ORDER)) {
            throw new IllegalArgumentException("unknown fulfilment " + fulfilment);
        }
        if (returnOf != null && !returned) {
            throw new IllegalArgumentException("only an item coming back names the order it was bought on");
        }
    }

    /** A line that is not an item coming back from an order. */
    public BasketLine(String variantId, String sku, String label, int quantity, long unitPriceCents, int vatRateBasisPoints, String fromCartId,
                      long discountCents, String discountReason, String approvedBy, String fulfilment, String category, long promotionCents,
                      String promotionLabel) {
        this(variantId, sku, label, quantity, unitPriceCents, vatRateBasisPoints, fromCartId, discountCents, discountReason, approvedBy,
                fulfilment, category, promotionCents, promotionLabel, null);
    }

    /**
     * {@code units} of an order line coming back, refunding {@code refundCents} (what was paid for them): the
     * line's unit price, less the negative of what was not paid.
     */
    public static BasketLine comingBack(String variantId, String sku, String label, int units, long unitPriceCents, int vatRateBasisPoints,
                                        String category, long refundCents, ReturnOf from) {
        long unit = Math.max(unitPriceCents, Math.floorDiv(refundCents + units - 1, units));
        long notPaid = Math.multiplyExact(unit, (long) units) - refundCents;
        return new BasketLine(variantId, sku, label, -units, unit, vatRateBasisPoints, null, -notPaid, notPaid == 0 ? null : AS_PAID,
                null, null, category, 0, null, from);
    }

    /** The reason of a returned line's negative discount: it refunds what was paid, not the list price. */
    public static final String AS_PAID = "AS_PAID";

    public static final String HOME = "HOME";
    public static final String PICKUP = "PICKUP:";
    public static final String ORDER = "ORDER:";

    /** A line without discount. */
    public BasketLine(String variantId, String sku, String label, int quantity, long unitPriceCents, int vatRateBasisPoints,
                      String fromCartId) {
        this(variantId, sku, label, quantity, unitPriceCents, vatRateBasisPoints, fromCartId, null);
    }

    /** A line without discount, of a product of {@code category}. */
    public BasketLine(String variantId, String sku, String label, int quantity, long unitPriceCents, int vatRateBasisPoints,
                      String fromCartId, String category) {
        this(variantId, sku, label, quantity, unitPriceCents, vatRateBasisPoints, fromCartId, 0, null, null, null, category, 0, null);
    }

    public long grossCents() {
        return Math.multiplyExact(unitPriceCents, quantity);
    }

    public long totalCents() {
        return grossCents() - promotionCents - discountCents;
    }

    public BasketLine withQuantity(int newQuantity) {
        // A discount was given for a quantity: changing it takes the discount off, to be given again.
        return new BasketLine(variantId, sku, label, newQuantity, unitPriceCents, vatRateBasisPoints, fromCartId, 0, null, null, fulfilment,
                category, 0, null, returnOf);
    }

    public BasketLine withDiscount(long cents, String reason, String approver) {
        return new BasketLine(variantId, sku, label, quantity, unitPriceCents, vatRateBasisPoints, fromCartId, cents,
                cents == 0 ? null : reason, cents == 0 ? null : approver, fulfilment, category, promotionCents, promotionLabel, returnOf);
    }

    /**
     * The line as the pricing engine prices it; an associate's discount that no longer fits beside the
     * promotion is reduced to what is left.
     */
    public BasketLine withPromotion(long cents, String label) {
        long room = grossCents() - cents;
        long manual = Math.min(discountCents, room);
        return new BasketLine(variantId, sku, this.label, quantity, unitPriceCents, vatRateBasisPoints, fromCartId, manual,
                manual == 0 ? null : discountReason, manual == 0 ? null : approvedBy, fulfilment, category, cents, cents == 0 ? null : label,
                returnOf);
    }

    /** The same line, to be sent from another location instead of taken now (null: taken now). */
    public BasketLine withFulfilment(String how) {
        return new BasketLine(variantId, sku, label, quantity, unitPriceCents, vatRateBasisPoints, fromCartId, discountCents,
                discountReason, approvedBy, how, category, promotionCents, promotionLabel, returnOf);
    }

    public boolean takenNow() {
        return fulfilment == null;
    }

    /** Part of the balance of an order placed elsewhere ({@link #ORDER}). */
    public boolean settlesOrder() {
        return fulfilment != null && fulfilment.startsWith(ORDER);
    }

    /** Sent from another location (home delivery or pickup in another store): the endless aisle. */
    public boolean orderedElsewhere() {
        return fulfilment != null && !settlesOrder();
    }

    /** An item coming back (negative quantity). */
    public boolean returned() {
        return quantity < 0;
    }
}
