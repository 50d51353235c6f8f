package fr.comptoir.testing;

import fr.comptoir.uikit.TaskRunner;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** A task runner that keeps the work until the test runs it, in any order: to test late answers. */
public final class DeferredTaskRunner implements TaskRunner {

    private final List<Runnable> pending = new ArrayList<>();

    @Override
    public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        pending.add(() -> TaskRunner.direct().run(work, onSuccess, onFailure));
    }

    /** The {@code i}-th piece of work submitted. */
    public Runnable get(int i) {
        return pending.get(i);
    }

    public int size() {
        return pending.size();
    }

    public void runAll() {
        List<Runnable> now = new ArrayList<>(pending);
        now.forEach(Runnable::run);
    }
}
