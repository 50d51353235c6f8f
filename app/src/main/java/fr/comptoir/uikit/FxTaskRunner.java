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
    private final ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "comptoir-task-" + counter.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    @Override
    public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
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
