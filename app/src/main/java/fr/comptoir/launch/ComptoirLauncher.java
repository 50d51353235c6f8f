package fr.comptoir.launch;

import fr.comptoir.AppHome;
import fr.comptoir.cli.ComptoirCli;
import fr.comptoir.shell.ComptoirApplication;
import javafx.application.Application;

import fr.comptoir.logging.Logging;
import org.slf4j.LoggerFactory;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * Entry point of the jar: no arguments start the app; a command ({@code status}, {@code sync --once},
 * {@code demo-server}, ...) runs headless. Not a JavaFX {@code Application} itself, so the jar also runs
 * with JavaFX on the class path.
 */
public final class ComptoirLauncher {

    private ComptoirLauncher() {
    }

    public static void main(String[] args) {
        Path log = Logging.toFolder(AppHome.fromArgs(List.of(args)));
        Thread.setDefaultUncaughtExceptionHandler((thread, e) ->
                LoggerFactory.getLogger(ComptoirLauncher.class).error("Uncaught failure on thread {}", thread.getName(), e));
        LoggerFactory.getLogger(ComptoirLauncher.class).info("Comptoir starting ({}), logging to {}",
                args.length == 0 ? "app" : args[0], log);
        if (args.length == 0 || args[0].startsWith("--home")) {
            ComptoirApplication.openDataEarly(List.of(args));
            try {
                Application.launch(ComptoirApplication.class, args);
            } catch (RuntimeException e) {
                // The window could not open at all (no display, no GTK 3): said where the person launched it.
                fr.comptoir.shell.StartupSplash.close();
                LoggerFactory.getLogger(ComptoirLauncher.class).error("The window could not be opened", e);
                System.err.println("Comptoir could not open its window: " + e.getMessage());
                System.err.println("On Linux it needs a display and GTK 3 (Debian/Ubuntu: apt install libgtk-3-0). Log: " + log);
                System.exit(1);
            }
            return;
        }
        // A command has no window: the picture shown while the app starts goes at once.
        fr.comptoir.shell.StartupSplash.close();
        int code = ComptoirCli.run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        if (code != 0 || !args[0].equals("demo-server")) {
            System.exit(code);
        }
    }
}
