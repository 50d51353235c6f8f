package fr.comptoir.common;

import java.util.ArrayList;
import java.util.List;

/**
 * Lines of an 80 mm till slip (42 characters): a text and an amount on the right, text wrapped word by word,
 * centred titles, rules. Every slip the till prints (receipts, pickup slips, hand-over receipts) is laid out
 * with these.
 */
public final class ReceiptLayout {

    /** Characters on a line of 80 mm paper in the printer's normal font. */
    public static final int WIDTH = 42;

    private ReceiptLayout() {
    }

    /** {@code left} and {@code right} on one line, {@code left} cut when it leaves no room. */
    public static void row(StringBuilder b, String left, String right) {
        int room = WIDTH - right.length() - 1;
        b.append(String.format("%-" + room + "s %s%n", clip(left, room), right));
    }

    /**
     * {@code text} word by word on as many lines as it needs, each starting with {@code indent}; the
     * amount on the right of the last line, or on a line of its own when the text leaves no room.
     */
    public static void wrap(StringBuilder b, String indent, String text, String right) {
        int room = WIDTH - indent.length();
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.strip().split("\\s+")) {
            while (word.length() > room) {
                if (line.length() > 0) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                lines.add(word.substring(0, room));
                word = word.substring(room);
            }
            if (line.length() > 0 && line.length() + 1 + word.length() > room) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (!word.isEmpty()) {
                line.append(line.length() > 0 ? " " : "").append(word);
            }
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        for (int i = 0; i < lines.size() - 1; i++) {
            b.append(indent).append(lines.get(i)).append('\n');
        }
        String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        if (right.isEmpty()) {
            b.append(indent).append(last).append('\n');
        } else if (indent.length() + last.length() + 1 + right.length() <= WIDTH) {
            row(b, indent + last, right);
        } else {
            b.append(indent).append(last).append('\n');
            row(b, "", right);
        }
    }

    public static void center(StringBuilder b, String text) {
        String t = clip(text, WIDTH);
        b.append(" ".repeat((WIDTH - t.length()) / 2)).append(t).append('\n');
    }

    public static void rule(StringBuilder b) {
        b.append("-".repeat(WIDTH)).append('\n');
    }

    /** An amount as a slip prints it: "71,99 €" with plain spaces (printers have no narrow ones). */
    public static String money(long cents, java.util.Locale formats) {
        return Money.ofCents(cents).format(formats).replace('\u00a0', ' ').replace('\u202f', ' ');
    }

    private static String clip(String s, int max) {
        // Receipt printers have no ellipsis in their code page: a plain full stop says the text goes on.
        return s.length() <= max ? s : s.substring(0, max - 1) + ".";
    }
}
