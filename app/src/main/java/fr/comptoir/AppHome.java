package fr.comptoir;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Function;

/**
 * Where Comptoir keeps its data: {@code --home}, else {@code $COMPTOIR_HOME}, else, for an installed terminal
 * (its launcher sets {@code -Dcomptoir.installed=true}), the machine's own folder for the OS
 * ({@link #machineFolder}), else {@code ~/.comptoir} (a developer's checkout). Decision 0036.
 */
public final class AppHome {

    /** The system property the installed launcher sets: data in the machine-wide folder. */
    public static final String INSTALLED_PROPERTY = "comptoir.installed";

    private AppHome() {
    }

    /** The data folder named by {@code --home DIR} or {@code --home=DIR} among {@code args}, resolved as {@link #resolve} does. */
    public static Path fromArgs(java.util.List<String> args) {
        Path home = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.startsWith("--home=")) {
                home = Path.of(a.substring("--home=".length()));
            } else if (a.equals("--home") && i + 1 < args.size()) {
                home = Path.of(args.get(i + 1));
            }
        }
        return resolve(home);
    }

    public static Path resolve(Path explicit) {
        return resolve(explicit, System::getenv, System.getProperties()::getProperty);
    }

    /** As {@link #resolve(Path)}, reading the environment and the system properties from the given look-ups. */
    static Path resolve(Path explicit, Function<String, String> env, Function<String, String> properties) {
        if (explicit != null) {
            return explicit;
        }
        String named = env.apply("COMPTOIR_HOME");
        if (named != null && !named.isBlank()) {
            return Path.of(named);
        }
        if (Boolean.parseBoolean(properties.apply(INSTALLED_PROPERTY))) {
            return machineFolder(properties.apply("os.name"), env);
        }
        return Path.of(properties.apply("user.home"), ".comptoir");
    }

    /**
     * The installed terminal's data folder, shared by every account that works at the till: Linux
     * {@code /var/lib/comptoir}, Windows {@code %ProgramData%\Comptoir}, macOS {@code /Library/Application Support/Comptoir}.
     */
    public static Path machineFolder(String osName, Function<String, String> env) {
        String os = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String programData = env.apply("ProgramData");
            return Path.of(programData == null || programData.isBlank() ? "C:\\ProgramData" : programData, "Comptoir");
        }
        if (os.startsWith("mac")) {
            return Path.of("/Library/Application Support/Comptoir");
        }
        return Path.of("/var/lib/comptoir");
    }
}
