package fr.comptoir.sale;

import fr.comptoir.customers.Customer;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The sale being built at this terminal: lines, the customer it is for, and the online carts it took
 * over. It carries the sale's identity from its first line to its receipt: {@link #saleId()} is the id
 * the sale is recorded under and the idempotency key the platform sees, the reference of its card
 * payments and gift-card redemptions; it survives a crash (saved with the basket) and a park. A new id
 * is drawn only when the basket is cleared for the next customer.
 * Not thread-safe: owned by the JavaFX thread.
 */
public final class Basket {

    private String saleId = newSaleId();
    private final List<BasketLine> lines = new ArrayList<>();
    private final List<Consumer<Basket>> listeners = new CopyOnWriteArrayList<>();
    private Customer customer;
    private java.util.function.UnaryOperator<List<BasketLine>> pricer = l -> l;
    private String deliveryAddress;
    private long paidCents;
    private OrderSettlement settlement;

    /**
     * A change refused because the basket would cost less than what was already paid for it (a card, a gift
     * card or cash taken before the associate came back to the basket): nothing was changed.
     */
    public static final class BelowPaid extends IllegalStateException {
        private final long paidCents;

        BelowPaid(long paidCents) {
            super("below-paid");
            this.paidCents = paidCents;
        }

        public long paidCents() {
            return paidCents;
        }
    }

    /**
     * A change refused because this basket pays the balance of an order placed elsewhere: its lines are what
     * the pickup desk worked out, to be paid or cancelled as they are (decision 0029). Nothing was changed.
     */
    public static final class SettlesOrder extends IllegalStateException {
        private final String orderNumber;

        SettlesOrder(String orderNumber) {
            super("settles-order");
            this.orderNumber = orderNumber;
        }

        public String orderNumber() {
            return orderNumber;
        }
    }

    /** The id the sale being built will be recorded under. */
    public String saleId() {
        return saleId;
    }

    private static String newSaleId() {
        return "sale-" + UUID.randomUUID();
    }

    public List<BasketLine> lines() {
        return List.copyOf(lines);
    }

    public Customer customer() {
        return customer;
    }

    public void attach(Customer c) {
        customer = c;
        changed();
    }

    public void detachCustomer() {
        customer = null;
        changed();
    }

    public void add(BasketLine line) {
        unsettled();
        lines.add(line);
        changed();
    }

    /**
     * Makes this empty basket the payment of an order's balance: its lines (each {@link BasketLine#ORDER}), the
     * customer, and the write that commits with the sale. Until the basket is cleared, its lines cannot be
     * changed and nothing can be added ({@link SettlesOrder}).
     */
    public void settle(OrderSettlement order, List<BasketLine> balance, Customer forCustomer) {
        if (!lines.isEmpty()) {
            throw new IllegalStateException("basket-not-empty");
        }
        if (balance.isEmpty() || !balance.stream().allMatch(l -> (BasketLine.ORDER + order.orderId()).equals(l.fulfilment()))) {
            throw new IllegalArgumentException("balance lines must settle order " + order.orderId());
        }
        lines.addAll(balance);
        customer = forCustomer;
        settlement = order;
        changed();
    }

    /** The order this basket pays the balance of, with its hand-over, or null. */
    public OrderSettlement settlement() {
        return settlement;
    }

    private void unsettled() {
        if (settlement != null) {
            throw new SettlesOrder(settlement.orderNumber());
        }
    }

    /** One more of this variant: the existing plain line grows, else a new line is added. */
    public void addOne(String variantId, String sku, String label, long unitPriceCents, int vatRateBasisPoints) {
        addOne(variantId, sku, label, unitPriceCents, vatRateBasisPoints, null);
    }

    /** One more of this variant, of a product of {@code category}. */
    public void addOne(String variantId, String sku, String label, long unitPriceCents, int vatRateBasisPoints, String category) {
        add(variantId, sku, label, unitPriceCents, vatRateBasisPoints, category, 1);
    }

    /**
     * {@code quantity} more of this variant: the existing plain line grows, else a new line is added.
     * More than {@link #MAX_QUANTITY} on a line is refused and changes nothing.
     */
    public void add(String variantId, String sku, String label, long unitPriceCents, int vatRateBasisPoints, String category, int quantity) {
        unsettled();
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity out of range: " + quantity);
        }
        for (int i = 0; i < lines.size(); i++) {
            BasketLine l = lines.get(i);
            if (l.variantId().equals(variantId) && l.fromCartId() == null && l.unitPriceCents() == unitPriceCents && l.discountCents() == 0
                    && l.takenNow() && !l.returned()) {
                setQuantity(i, l.quantity() + quantity);
                return;
            }
        }
        if (quantity > MAX_QUANTITY) {
            throw new IllegalArgumentException("quantity out of range: " + quantity);
        }
        add(new BasketLine(variantId, sku, label, quantity, unitPriceCents, vatRateBasisPoints, null, category));
    }

    public static final int MAX_QUANTITY = 999;

    /** Changes a line's quantity; below 1 or above {@link #MAX_QUANTITY} is refused. */
    public void setQuantity(int index, int quantity) {
        if (quantity < 1 || quantity > MAX_QUANTITY) {
            throw new IllegalArgumentException("quantity out of range: " + quantity);
        }
        guarded(() -> lines.set(index, lines.get(index).withQuantity(quantity)));
    }

    /** Sets a line's discount (replacing any earlier one). */
    public void discountLine(int index, long cents, DiscountReason reason, String approvedBy) {
        guarded(() -> lines.set(index, lines.get(index).withDiscount(cents, reason.name(), approvedBy)));
    }

    /** Adds a discount on the whole basket, spread over the lines in proportion to what they cost. */
    public void discountBasket(long cents, DiscountReason reason, String approvedBy) {
        List<Long> shares = DiscountPolicy.spread(cents, lines.stream().map(BasketLine::totalCents).toList());
        guarded(() -> {
            for (int i = 0; i < lines.size(); i++) {
                BasketLine l = lines.get(i);
                if (shares.get(i) > 0) {
                    lines.set(i, l.withDiscount(l.discountCents() + shares.get(i), reason.name(), approvedBy != null ? approvedBy : l.approvedBy()));
                }
            }
        });
    }

    public long grossCents() {
        return lines.stream().mapToLong(BasketLine::grossCents).sum();
    }

    /** Removes a line from the sale before payment. */
    public BasketLine voidLine(int index) {
        BasketLine removed = lines.get(index);
        guarded(() -> lines.remove(index));
        return removed;
    }

    /** Sends a line from elsewhere (home delivery or pickup in another store), or back to "taken now". */
    public void fulfil(int index, String how) {
        guarded(() -> lines.set(index, lines.get(index).withFulfilment(how)));
    }

    /** Where ordered lines are delivered; required when a line goes {@link BasketLine#HOME}. */
    public String deliveryAddress() {
        return deliveryAddress;
    }

    public void setDeliveryAddress(String address) {
        unsettled();
        deliveryAddress = address == null || address.isBlank() ? null : address.strip();
        changed();
    }

    /** Takes up a parked or saved sale, with its identity; only into an empty basket. */
    public void restore(ParkedSale parked) {
        if (!lines.isEmpty()) {
            throw new IllegalStateException("basket-not-empty");
        }
        if (parked.saleId() != null) {
            saleId = parked.saleId();
        }
        lines.addAll(parked.lines());
        customer = parked.customer();
        settlement = parked.settlement();
        deliveryAddress = parked.deliveryAddress();
        changed();
    }

    /** Empties the basket for the next customer (after the sale is recorded, voided or parked): a new sale id. */
    public void clear() {
        saleId = newSaleId();
        paidCents = 0;
        settlement = null;
        lines.clear();
        customer = null;
        deliveryAddress = null;
        changed();
    }

    public boolean containsCart(String cartId) {
        return lines.stream().anyMatch(l -> cartId.equals(l.fromCartId()));
    }

    public Set<String> cartIds() {
        return Set.copyOf(lines.stream().map(BasketLine::fromCartId).filter(java.util.Objects::nonNull).toList());
    }

    public long totalCents() {
        return lines.stream().mapToLong(BasketLine::totalCents).sum();
    }

    public int itemCount() {
        return lines.stream().mapToInt(BasketLine::quantity).sum();
    }

    /**
     * Tells {@code listener} of every change from now on. A screen that listens removes itself when it
     * leaves (the returned action), so that dead screens neither react to scans nor stay in memory.
     */
    public Runnable addListener(Consumer<Basket> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Prices the lines on every change (promotions); set once the promotions are loaded. */
    public void setPricer(java.util.function.UnaryOperator<List<BasketLine>> pricer) {
        this.pricer = pricer;
        changed();
    }

    /**
     * What was already paid for this sale (journaled payments), told by the Payment screen. While it is above
     * zero the basket may grow but never cost less than it: a change that would is refused with
     * {@link BelowPaid} and undone. Cleared with the basket.
     */
    public void setPaid(long cents) {
        paidCents = Math.max(0, cents);
    }

    public long paidCents() {
        return paidCents;
    }

    private void guarded(Runnable mutation) {
        unsettled();
        List<BasketLine> before = List.copyOf(lines);
        mutation.run();
        List<BasketLine> priced = pricer.apply(List.copyOf(lines));
        if (paidCents > 0 && priced.stream().mapToLong(BasketLine::totalCents).sum() < paidCents) {
            lines.clear();
            lines.addAll(before);
            throw new BelowPaid(paidCents);
        }
        lines.clear();
        lines.addAll(priced);
        listeners.forEach(l -> l.accept(this));
    }

    private void changed() {
        // An order's balance is what the pickup desk worked out: promotions were in the order's own prices.
        List<BasketLine> priced = settlement != null ? List.copyOf(lines) : pricer.apply(List.copyOf(lines));
        lines.clear();
        lines.addAll(priced);
        listeners.forEach(l -> l.accept(this));
    }
}
