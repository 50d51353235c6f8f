package fr.comptoir.shell;

import fr.comptoir.uikit.FxTaskRunner;
import atlantafx.base.theme.PrimerLight;
import fr.comptoir.AppContext;
import fr.comptoir.AppHome;
import javafx.application.Application;
import javafx.stage.Stage;

import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

/** The JavaFX application: one window, sized for 1280×800 touch terminals and up. */
public final class ComptoirApplication extends Application {

    private final Supplier<AppContext> contextFactory;
    private FxTaskRunner runner;
    private FxTaskRunner network;
    private AppWindow window;

    /** The real app: data in the folder {@link AppHome} names ({@code --home}, {@code $COMPTOIR_HOME}, the installed terminal's, {@code ~/.comptoir}). */
    public ComptoirApplication() {
        this.contextFactory = null;
    }

    /** For tests: the context comes from {@code contextFactory}. */
    public ComptoirApplication(Supplier<AppContext> contextFactory) {
        this.contextFactory = contextFactory;
    }

    @Override
    public void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        runner = new FxTaskRunner();
        network = new FxTaskRunner("comptoir-network", 3);
        Supplier<AppContext> factory = contextFactory != null ? contextFactory : defaultContext(getParameters().getRaw());
        window = new AppWindow(factory, runner, network);
        stage.setTitle("Comptoir");
        stage.setScene(window.scene());
        stage.setMinWidth(1024);
        stage.setMinHeight(700);
        // The window's first frame already says what is happening ("Starting Comptoir…"): its content is set
        // before it is shown, and the data is opened in the background after.
        window.start();
        StartupSplash.closeAfterFirstFrame(window.scene());
        StartupProbe.watch(window.scene());
        stage.show();
    }

    /** A data folder being opened while the toolkit starts, by {@link #openDataEarly}. */
    private record Early(java.nio.file.Path home, java.util.concurrent.CompletableFuture<AppContext> opening) {
    }

    /** The opening {@link #openDataEarly} started, until the window takes it; null before and after. */
    private static volatile Early early;

    /**
     * Starts opening the data folder named by {@code args} on a thread of its own, before the window's toolkit
     * starts (issue 15: the two no longer wait for each other; the first screen comes about a quarter of a second
     * sooner). The window's start then takes that context, or the failure it met, as if it had opened it itself.
     */
    public static void openDataEarly(List<String> args) {
        java.nio.file.Path home = AppHome.fromArgs(args);
        java.util.concurrent.CompletableFuture<AppContext> opening = new java.util.concurrent.CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                opening.complete(openForTheWindow(home));
            } catch (RuntimeException | Error e) {
                opening.completeExceptionally(e);
            }
        }, "comptoir-open");
        t.setDaemon(true);
        early = new Early(home, opening);
        t.start();
    }

    /** The app's own data: opened, and its cache then checked in the background (not before the first screen). */
    private static AppContext openForTheWindow(java.nio.file.Path home) {
        AppContext ctx = AppContext.open(home, Clock.systemUTC(), AppContext.Options.defaults());
        ctx.checkCacheInBackground();
        return ctx;
    }

    private static Supplier<AppContext> defaultContext(List<String> args) {
        java.nio.file.Path resolved = AppHome.fromArgs(args);
        Early started = early;
        if (started == null || !resolved.equals(started.home())) {
            return () -> openForTheWindow(resolved);
        }
        early = null;
        return () -> {
            try {
                return started.opening().join();
            } catch (java.util.concurrent.CompletionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                if (e.getCause() instanceof Error err) {
                    throw err;
                }
                throw e;
            }
        };
    }

    public AppWindow window() {
        return window;
    }

    @Override
    public void stop() {
        if (window != null) {
            window.close();
        }
        if (window != null && window.context() != null) {
            window.context().close();
        }
        if (network != null) {
            network.close();
        }
        if (runner != null) {
            runner.close();
        }
    }
}
