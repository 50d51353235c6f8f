package fr.comptoir.sale;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Saves the basket at every change, so that a crash or a power cut in the middle of a sale loses
 * nothing: the next start offers it back. Saves are written in order by one background thread (the
 * JavaFX thread only hands over an immutable snapshot); an empty basket forgets the save.
 */
public final class BasketAutosave implements AutoCloseable {

    private final ParkedSales store;
    private final Clock clock;
    private final Consumer<Throwable> onFailure;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "comptoir-basket-autosave");
        t.setDaemon(true);
        return t;
    });

    /** @param onFailure told when a save fails (the basket on screen is untouched) */
    public BasketAutosave(ParkedSales store, Clock clock, Consumer<Throwable> onFailure) {
        this.store = store;
        this.clock = clock;
        this.onFailure = onFailure;
    }

    /** Payments taken for the basket being paid; cleared with the basket. JavaFX thread. */
    private List<Payment> payments = List.of();

    /** Saves {@code basket} after each of its changes from now on. */
    public void watch(Basket basket) {
        basket.addListener(this::changed);
    }

    /**
     * Saves the payments taken so far with the basket: a card approved before a crash is not charged
     * again after it.
     */
    public void paymentsTaken(Basket basket, List<Payment> taken) {
        payments = List.copyOf(taken);
        changed(basket);
    }

    private void changed(Basket basket) {
        if (basket.lines().isEmpty()) {
            payments = List.of();
        }
        ParkedSale snapshot = basket.lines().isEmpty() ? null : new ParkedSale("in-progress", clock.instant().toString(), null,
                basket.customer(), basket.lines(), basket.deliveryAddress(), payments);
        writer.execute(() -> {
            try {
                store.keepInProgress(snapshot);
            } catch (RuntimeException e) {
                onFailure.accept(e);
            }
        });
    }

    /** The basket saved when the app last stopped. Blocking (disk). */
    public Optional<ParkedSale> saved() {
        return store.inProgress();
    }

    /** Waits for the saves handed over so far (tests, shutdown). */
    public void flush() {
        try {
            writer.submit(() -> { }).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("The basket could not be saved: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        writer.shutdown();
        try {
            writer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
