package fr.comptoir.uikit;

import javafx.application.Platform;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The app's {@link TaskRunner}: a small pool of daemon threads, callbacks back on the JavaFX thread. Every
 * failure is logged before it is handed to its screen, so that none goes unseen even where a screen only
 * shows a short message.
 */
public final class FxTaskRunner implements TaskRunner, AutoCloseable {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(FxTaskRunner.class);

    private final AtomicInteger counter = new AtomicInteger();
    private final ExecutorService executor;

    /** Two threads for disk work ({@code comptoir-task-N}). */
    public FxTaskRunner() {
        this("comptoir-task", 2);
    }

    /** {@code threads} threads named {@code name-N}: e.g. the network's own, so that slow calls never hold disk work back. */
    public FxTaskRunner(String name, int threads) {
        executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, name + "-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        if (executor.isShutdown()) {
            // The window is closing: work asked for by a screen's last callbacks has nowhere to run.
            LOG.info("A background task asked for after the app began to stop was not run");
            return;
        }
        executor.execute(() -> {
            try {
                T result = work.call();
                Platform.runLater(() -> onSuccess.accept(result));
            } catch (Throwable e) {
                LOG.warn("Background task failed: {}", e.toString(), e);
                Platform.runLater(() -> onFailure.accept(e));
            }
        });
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
