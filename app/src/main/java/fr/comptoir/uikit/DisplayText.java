package fr.comptoir.uikit;

/**
 * Text typed by people (notes, names) as the screens can draw it. The fonts a terminal has draw letters,
 * accents and the usual symbols, but not pictographic emoji (U+1F000 and up: "😊", "👍🏽", "🎁"), which
 * JavaFX would draw as an empty box. Those, with the joiners and modifiers that build them, are left out
 * of what is shown, and so are private-use characters (no standard font has them), and the spaces around
 * them tidied; what is stored is never changed.
 */
public final class DisplayText {

    private DisplayText() {
    }

    /** {@code text} without what no shipped font draws; null stays null. */
    public static String shown(String text) {
        if (text == null || text.chars().noneMatch(c -> Character.isSurrogate((char) c) || (c >= 0xE000 && c <= 0xF8FF)
                || c == 0x200D || c == 0xFE0F || c == 0x20E3)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (!undrawable(cp)) {
                out.appendCodePoint(cp);
            }
        });
        return out.toString().replaceAll("[ \\t]{2,}", " ").replaceAll("(?m)[ \\t]+$", "").strip();
    }

    private static boolean undrawable(int cp) {
        return (cp >= 0x1F000 && cp <= 0x1FAFF) // pictographs, emoticons, transport, flags, skin tones
                || (cp >= 0xE0020 && cp <= 0xE007F) // tag characters of subdivision flags
                || (cp >= 0xE000 && cp <= 0xF8FF) // private use: no standard font has them (an emoji cut to 16 bits)
                || cp == 0x200D || cp == 0xFE0F || cp == 0x20E3; // joiner, emoji presentation, keycap
    }

    /**
     * Lines too wide for {@code width} (as {@code measure} sees them) that hold an e-mail address are broken
     * after its "@": "helene.bernard1112@" / "orange.fr", never "helene.bernard1112@orange.f" / "r".
     * Other lines are left to the usual wrapping between words.
     */
    public static String breakAddresses(String text, double width, java.util.function.ToDoubleFunction<String> measure) {
        if (text == null || width <= 0 || text.indexOf('@') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 4);
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (i > 0) {
                out.append('\n');
            }
            int at = line.indexOf('@');
            boolean oneWord = at > 0 && line.indexOf(' ', at) < 0 && line.lastIndexOf(' ', at) < 0;
            out.append(oneWord && measure.applyAsDouble(line) > width ? line.substring(0, at + 1) + "\n" + line.substring(at + 1) : line);
        }
        return out.toString();
    }
}
