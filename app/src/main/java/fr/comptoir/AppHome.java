package fr.comptoir;

import java.nio.file.Path;

/** Where Comptoir keeps its data: {@code --home}, else {@code $COMPTOIR_HOME}, else {@code ~/.comptoir}. */
public final class AppHome {

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
        if (explicit != null) {
            return explicit;
        }
        String env = System.getenv("COMPTOIR_HOME");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Path.of(System.getProperty("user.home"), ".comptoir");
    }
}
