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

    /** The real app: data in the folder given by {@code --home}, {@code $COMPTOIR_HOME} or {@code ~/.comptoir}. */
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

    private static Supplier<AppContext> defaultContext(List<String> args) {
        java.nio.file.Path resolved = AppHome.fromArgs(args);
        return () -> AppContext.open(resolved, Clock.systemUTC(), AppContext.Options.defaults());
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
