package fr.comptoir.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a process used, as Linux counts it in {@code /proc}: its peak resident memory and the bytes it had
 * written to the storage layer (WAL, checkpoints and all). Elsewhere there is nothing to read: empty.
 */
public record ProcessFigures(long peakRssBytes, long writtenBytes) {

    /** This process's figures so far. */
    public static Optional<ProcessFigures> self() {
        try {
            Path proc = Path.of("/proc/self");
            return Optional.of(new ProcessFigures(field(Files.readAllLines(proc.resolve("status")), "VmHWM:") * 1024,
                    field(Files.readAllLines(proc.resolve("io")), "write_bytes:")));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static long field(List<String> lines, String name) {
        for (String line : lines) {
            if (line.startsWith(name)) {
                return Long.parseLong(line.substring(name.length()).replace("kB", "").strip());
            }
        }
        throw new IllegalStateException(name + " not found");
    }

    /** The line {@code comptoir sync --figures} prints, read back by {@link #parse}. */
    public String line() {
        return String.format(Locale.ROOT, "Process: peak memory %d MB, %d MB written to disk", peakRssBytes >> 20, writtenBytes >> 20);
    }

    /** Reads {@link #line()} back (MB precision), or empty. */
    public static Optional<ProcessFigures> parse(String line) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Process: peak memory (\\d+) MB, (\\d+) MB written to disk").matcher(line);
        return m.find() ? Optional.of(new ProcessFigures(Long.parseLong(m.group(1)) << 20, Long.parseLong(m.group(2)) << 20)) : Optional.empty();
    }
}
