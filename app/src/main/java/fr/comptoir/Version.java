package fr.comptoir;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The software's name and version as the build wrote them: printed on receipts, signed into fiscal archives. */
public final class Version {

    private static final Properties PROPS = new Properties();

    static {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                PROPS.load(in);
            }
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private Version() {
    }

    public static String name() {
        return PROPS.getProperty("name", "Comptoir");
    }

    /** The build's version, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String number() {
        String v = PROPS.getProperty("version", "");
        return v.isEmpty() || v.startsWith("${") ? "dev" : v;
    }

    /** Name and version, e.g. {@code Comptoir 0.1.0-SNAPSHOT}. */
    public static String software() {
        return name() + " " + number();
    }
}
