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
