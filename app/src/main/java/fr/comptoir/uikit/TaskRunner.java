package fr.comptoir.uikit;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs blocking work (disk, network) away from the JavaFX thread and hands the outcome back on it.
 * View models depend on this interface; tests use {@link #direct()} to run everything in line.
 */
public interface TaskRunner {

    <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    /** Runs work and callbacks on the calling thread: for view-model tests. */
    static TaskRunner direct() {
        return new TaskRunner() {
            @Override
            public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
                T result;
                try {
                    result = work.call();
                } catch (Exception e) {
                    onFailure.accept(e);
                    return;
                }
                onSuccess.accept(result);
            }
        };
    }
}
