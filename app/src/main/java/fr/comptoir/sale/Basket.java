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
 * over. The selling workflow completes it later; for now it is a list of lines and a total.
 * Not thread-safe: owned by the JavaFX thread.
 */
public final class Basket {

    private final String id = "basket-" + UUID.randomUUID();
    private final List<BasketLine> lines = new ArrayList<>();
    private final List<Consumer<Basket>> listeners = new CopyOnWriteArrayList<>();
    private Customer customer;

    public String id() {
        return id;
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
        lines.add(line);
        changed();
    }

    /** One more of this variant: the existing plain line grows, else a new line is added. */
    public void addOne(String variantId, String sku, String label, long unitPriceCents, int vatRateBasisPoints) {
        for (int i = 0; i < lines.size(); i++) {
            BasketLine l = lines.get(i);
            if (l.variantId().equals(variantId) && l.fromCartId() == null && l.unitPriceCents() == unitPriceCents) {
                lines.set(i, new BasketLine(l.variantId(), l.sku(), l.label(), l.quantity() + 1, l.unitPriceCents(),
                        l.vatRateBasisPoints(), null));
                changed();
                return;
            }
        }
        add(new BasketLine(variantId, sku, label, 1, unitPriceCents, vatRateBasisPoints, null));
    }

    public static final int MAX_QUANTITY = 999;

    /** Changes a line's quantity; below 1 or above {@link #MAX_QUANTITY} is refused. */
    public void setQuantity(int index, int quantity) {
        if (quantity < 1 || quantity > MAX_QUANTITY) {
            throw new IllegalArgumentException("quantity out of range: " + quantity);
        }
        BasketLine l = lines.get(index);
        lines.set(index, new BasketLine(l.variantId(), l.sku(), l.label(), quantity, l.unitPriceCents(), l.vatRateBasisPoints(), l.fromCartId()));
        changed();
    }

    /** Removes a line from the sale before payment. */
    public BasketLine voidLine(int index) {
        BasketLine removed = lines.remove(index);
        changed();
        return removed;
    }

    /** Empties the basket for the next customer (after the sale is recorded). */
    public void clear() {
        lines.clear();
        customer = null;
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

    public void addListener(Consumer<Basket> listener) {
        listeners.add(listener);
    }

    private void changed() {
        listeners.forEach(l -> l.accept(this));
    }
}
