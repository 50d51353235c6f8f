package fr.comptoir.uikit;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The product's words in the chosen language (French or English), from resource bundles. */
public final class I18n {

    public static final List<Locale> SUPPORTED = List.of(Locale.FRENCH, Locale.ENGLISH);

    private final Locale locale;
    private final ResourceBundle bundle;

    public I18n(Locale locale) {
        this.locale = SUPPORTED.stream().filter(l -> l.getLanguage().equals(locale.getLanguage())).findFirst().orElse(Locale.ENGLISH);
        this.bundle = ResourceBundle.getBundle("fr.comptoir.uikit.messages", this.locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** French when the system speaks French, else English. */
    public static Locale systemDefault() {
        return Locale.getDefault().getLanguage().equals("fr") ? Locale.FRENCH : Locale.ENGLISH;
    }

    /**
     * How amounts and dates are written: French stores write them the French way ("71,99 €",
     * "02/12/2026 12:37") whatever the language of the screens, on screen and on receipts alike.
     */
    public static final Locale STORE_FORMATS = Locale.FRANCE;

    public Locale formats() {
        return STORE_FORMATS;
    }

    /** "02/12/2026 12:37", in the terminal's time zone. */
    public java.time.format.DateTimeFormatter dateTime() {
        return java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm", STORE_FORMATS).withZone(java.time.ZoneId.systemDefault());
    }

    /** "02/12/2026", in the terminal's time zone. */
    public java.time.format.DateTimeFormatter date() {
        return java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy", STORE_FORMATS).withZone(java.time.ZoneId.systemDefault());
    }

    /** "12:37", in the terminal's time zone. */
    public java.time.format.DateTimeFormatter time() {
        return java.time.format.DateTimeFormatter.ofPattern("HH:mm", STORE_FORMATS).withZone(java.time.ZoneId.systemDefault());
    }

    public Locale locale() {
        return locale;
    }

    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        return new MessageFormat(pattern, locale).format(args);
    }
}
