package fr.comptoir.cli;

import fr.comptoir.AppContext;
import fr.comptoir.AppHome;
import fr.comptoir.Version;
import fr.comptoir.logging.Logging;
import fr.comptoir.logging.Redaction;
import fr.comptoir.sync.FeedState;
import fr.comptoir.sync.OutboxEntry;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * {@code comptoir diagnostics}: one zip a store can e-mail to head-office IT (issue 15). It holds what IT
 * asks first — software and Java version, system, data folder sizes, the terminal's store and platform,
 * each feed's records and last sync, the outbox's counts and the writes waiting for a manager (what they
 * are and why, not what they carry), and the last log files — and nothing a store must keep to itself: no
 * access token, PIN hash, card number, customer e-mail or phone (every text line goes through
 * {@link Redaction}, the log's own rules, again). Reads the folder without taking it: the app may run.
 */
@Command(name = "diagnostics", description = "Write one zip for head-office IT: versions, system, data folder sizes, sync state, "
        + "outbox counts, writes waiting for a manager and the last log files; no PIN, token, card or customer contact in it.")
final class Diagnostics implements Callable<Integer> {

    /** The log files taken, newest first, at most. */
    static final int LOG_FILES = 5;
    /** Of each log file, at most its last bytes. */
    static final int LOG_TAIL_BYTES = 4 * 1024 * 1024;

    @CommandLine.Mixin
    ComptoirCli.HomeOption home = new ComptoirCli.HomeOption();
    @Option(names = "--output", description = "Where to write the zip (default: comptoir-diagnostics-<time>.zip in the current folder).")
    Path output;
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Path folder = AppHome.resolve(home.home);
        Instant now = Clock.systemUTC().instant();
        Path zip = output != null ? output
                : Path.of("comptoir-diagnostics-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(now) + ".zip");
        String summary;
        List<String> secrets = new ArrayList<>();
        try (AppContext ctx = AppContext.inspect(folder, Clock.systemUTC(), AppContext.Options.defaults())) {
            summary = summary(ctx, now);
            // The terminal's own token is known: taken out wherever it shows, whatever surrounds it.
            ctx.device().map(fr.comptoir.DeviceConfig::accessToken).filter(t -> t != null && t.length() >= 8).ifPresent(secrets::add);
        }
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
            put(out, "diagnostics.txt", summary);
            for (Path log : logFiles(folder.resolve("logs"))) {
                put(out, "logs/" + log.getFileName(), redactedTail(log, secrets));
            }
        }
        PrintWriter pw = spec.commandLine().getOut();
        pw.println("Diagnostics written to " + zip.toAbsolutePath() + " (" + Files.size(zip) + " bytes): send this file to head-office IT.");
        return 0;
    }

    static String summary(AppContext ctx, Instant now) {
        StringBuilder b = new StringBuilder();
        Runtime rt = Runtime.getRuntime();
        line(b, "Comptoir diagnostics, made " + now);
        line(b, "Software:    " + Version.software());
        line(b, "Java:        " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
        line(b, "System:      " + System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch")
                + ", " + rt.availableProcessors() + " processors, Java heap at most " + (rt.maxMemory() >> 20) + " MB");
        line(b, "Data folder: " + ctx.home().toAbsolutePath());
        ctx.cacheRecoveryNote().ifPresent(n -> line(b, "Note:        " + n));
        line(b, "Terminal:    " + ctx.device().map(ComptoirCli::describe).orElse("not activated"));
        line(b, "");
        line(b, "Files in the data folder:");
        for (String entry : sizes(ctx.home())) {
            line(b, "  " + entry);
        }
        line(b, "");
        line(b, String.format(Locale.ROOT, "%-15s %10s  %s", "feed", "records", "last sync"));
        Map<String, Long> counts = ctx.cache().counts();
        for (FeedState s : ctx.cache().states()) {
            line(b, String.format(Locale.ROOT, "%-15s %10d  %s%s", s.feed(), counts.getOrDefault(s.feed(), 0L),
                    s.lastSuccessAt() == 0 ? "never" : Instant.ofEpochMilli(s.lastSuccessAt()).toString(), s.fullSyncDone() ? "" : " (first load not finished)"));
        }
        line(b, "");
        line(b, "Pending writes:  " + ctx.outbox().pendingCount());
        ctx.outbox().oldestPendingProblem().ifPresent(p -> line(b, "Oldest pending write waits because: " + p));
        line(b, "Needs attention: " + ctx.outbox().needsAttentionCount());
        for (OutboxEntry e : ctx.outbox().needsAttention()) {
            line(b, "  #" + e.id() + " " + e.kind() + ", " + e.attempts() + " tries, since " + Instant.ofEpochMilli(e.createdAt())
                    + ": " + e.lastError());
        }
        line(b, "Writes sent:     " + ctx.outbox().sentCount());
        line(b, "Writes discarded by a manager: " + ctx.outbox().discardedCount());
        line(b, "Journal records: " + ctx.journal().size());
        return b.toString();
    }

    private static void line(StringBuilder b, String text) {
        b.append(Redaction.redact(text)).append('\n');
    }

    /** Each file and folder at the top of the data folder, with its size (folders: their files in all). */
    static List<String> sizes(Path folder) {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> top = Files.list(folder)) {
            for (Path p : top.sorted().toList()) {
                if (Files.isDirectory(p)) {
                    long[] files = {0, 0};
                    try (Stream<Path> all = Files.walk(p)) {
                        all.filter(Files::isRegularFile).forEach(f -> {
                            files[0]++;
                            files[1] += sizeOf(f);
                        });
                    }
                    lines.add(String.format(Locale.ROOT, "%-22s %,15d bytes in %d files", p.getFileName() + "/", files[1], files[0]));
                } else {
                    lines.add(String.format(Locale.ROOT, "%-22s %,15d bytes", p.getFileName(), sizeOf(p)));
                }
            }
        } catch (IOException e) {
            lines.add("cannot list " + folder + ": " + e.getMessage());
        }
        return lines;
    }

    private static long sizeOf(Path f) {
        try {
            return Files.size(f);
        } catch (IOException e) {
            return -1;
        }
    }

    /** The rolling log's files, newest first. */
    static List<Path> logFiles(Path logs) throws IOException {
        if (!Files.isDirectory(logs)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(logs)) {
            return files.filter(f -> f.getFileName().toString().startsWith(Logging.FILE.replace(".log", "")))
                    .sorted(Comparator.comparing(Diagnostics::modified).reversed()).limit(LOG_FILES).toList();
        }
    }

    private static Instant modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toInstant();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The end of a log file, every line through the log's redaction rules again. */
    static String redactedTail(Path log, List<String> secrets) throws IOException {
        byte[] all = Files.readAllBytes(log);
        int from = Math.max(0, all.length - LOG_TAIL_BYTES);
        String text = new String(all, from, all.length - from, StandardCharsets.UTF_8);
        StringBuilder b = new StringBuilder(text.length());
        for (String l : text.split("\n", -1)) {
            String line = l;
            for (String secret : secrets) {
                line = line.replace(secret, "<token>");
            }
            b.append(Redaction.redact(line)).append('\n');
        }
        return b.toString();
    }

    private static void put(ZipOutputStream out, String name, String text) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }
}
