package fr.comptoir;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * A terminal set up without a person at it (issue 15): head-office IT or the installer drops
 * {@code provisioning.properties} into the data folder, and the first start activates the terminal by
 * itself with what it says, then syncs and shows the sign-in screen. Keys (docs/operations.md):
 *
 * <pre>
 * platform.url=https://commerce.example.fr/   (or demo=true: the embedded demo store)
 * activation.code=PAR01-7F3K-Q9
 * language=fr                                  (optional: fr or en)
 * printer.address=192.168.1.50:9100            (optional: the receipt printer, host:port)
 * </pre>
 *
 * A file that cannot be used is refused whole with a message saying which key and why; nothing of it is
 * applied, and the activation screen shows the message.
 */
public record Provisioning(String platformUrl, boolean demo, String activationCode, String language, String printerAddress) {

    public static final String FILE = "provisioning.properties";

    private static final Set<String> KEYS = Set.of("platform.url", "demo", "activation.code", "language", "printer.address");

    /** Why a provisioning file cannot be used, in words for IT. */
    public static final class Invalid extends RuntimeException {
        public Invalid(String message) {
            super(message);
        }
    }

    /** The data folder's provisioning file, if there is one; {@link Invalid} when it cannot be used. */
    public static Optional<Provisioning> read(Path home) {
        Path file = home.resolve(FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) {
            throw new Invalid(FILE + " cannot be read: " + e.getMessage());
        }
        for (String key : p.stringPropertyNames()) {
            if (!KEYS.contains(key)) {
                throw new Invalid(FILE + ": unknown key '" + key + "' (known: platform.url, demo, activation.code, language, printer.address)");
            }
        }
        boolean demo = switch (value(p, "demo", "false").toLowerCase(Locale.ROOT)) {
            case "true", "yes" -> true;
            case "false", "no" -> false;
            default -> throw new Invalid(FILE + ": demo must be true or false");
        };
        String url = value(p, "platform.url", null);
        String code = value(p, "activation.code", null);
        if (!demo) {
            if (url == null) {
                throw new Invalid(FILE + ": platform.url is missing (the address of the central platform, https://...)");
            }
            if (!url.matches("(?i)https?://[^\\s/]+.*")) {
                throw new Invalid(FILE + ": platform.url is not an http(s) address: " + url);
            }
            if (code == null) {
                throw new Invalid(FILE + ": activation.code is missing (given by head office for this terminal)");
            }
        }
        String language = value(p, "language", null);
        if (language != null && !Set.of("fr", "en").contains(language.toLowerCase(Locale.ROOT))) {
            throw new Invalid(FILE + ": language must be fr or en, not " + language);
        }
        String printer = value(p, "printer.address", null);
        if (printer != null && !printer.matches("[^:\\s]+:\\d{1,5}")) {
            throw new Invalid(FILE + ": printer.address must be host:port (e.g. 192.168.1.50:9100), not " + printer);
        }
        return Optional.of(new Provisioning(demo ? "" : url, demo, demo ? null : code, language == null ? null : language.toLowerCase(Locale.ROOT),
                printer));
    }

    private static String value(Properties p, String key, String absent) {
        String v = p.getProperty(key);
        return v == null || v.isBlank() ? absent : v.strip();
    }

    /** What the activation screen and the log say of this file, without the activation code. */
    public String describe() {
        return demo ? "the embedded demo store" : platformUrl;
    }
}
