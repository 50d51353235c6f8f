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
 * nothing: the next start offers it back, under the same sale id. Saves are written in order by one
 * background thread (the JavaFX thread only hands over an immutable snapshot); an empty basket forgets the
 * save. The sale's payments are not part of it: they are journaled on their own before they are taken
 * ({@link PaymentJournal}), and a save arriving after its sale was recorded is ignored by the store.
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

    /** Saves {@code basket} after each of its changes from now on. */
    public void watch(Basket basket) {
        basket.addListener(this::changed);
    }

    private void changed(Basket basket) {
        ParkedSale snapshot = basket.lines().isEmpty() ? null : new ParkedSale("in-progress", basket.saleId(), clock.instant().toString(),
                null, basket.customer(), basket.lines(), basket.deliveryAddress(), List.of(), basket.settlement());
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
