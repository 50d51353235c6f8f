package fr.comptoir;

import java.nio.file.Path;

/** Where Comptoir keeps its data: {@code --home}, else {@code $COMPTOIR_HOME}, else {@code ~/.comptoir}. */
public final class AppHome {

    private AppHome() {
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
