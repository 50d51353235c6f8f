package fr.comptoir.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code comptoir bench start} (issue 15): the app started cold, as its own process, until its first useful
 * screen is laid out — the activation screen on a fresh data folder, the sign-in screen on a terminal
 * already activated and synced (the demo store) — several times each; prints the time from the JVM's start
 * and from the launch. Needs a display (Xvfb on a server), or {@code --headless} where Monocle is on the
 * classpath (tests).
 */
public final class StartBenchmark {

    private static final Pattern PROBE = Pattern.compile("Comptoir start: (\\S+) screen laid out (\\d+) ms after the JVM started");

    private final Path dir;
    private final int runs;
    private final boolean headless;
    private final PrintWriter out;

    public StartBenchmark(Path dir, int runs, boolean headless, PrintWriter out) {
        this.dir = dir;
        this.runs = runs;
        this.headless = headless;
        this.out = out;
    }

    /** One screen's runs: time from the JVM's start to the screen laid out, and from the launch to the process's end. */
    public record Figures(String screen, List<Long> fromJvmStart, List<Long> launchToExit) {
        long median(List<Long> values) {
            List<Long> sorted = values.stream().sorted().toList();
            return sorted.get(sorted.size() / 2);
        }

        String line() {
            return String.format(Locale.ROOT, "%-10s screen: median %,d ms from the JVM's start (min %,d, max %,d over %d runs); launch to exit %,d ms",
                    screen, median(fromJvmStart), fromJvmStart.stream().min(Comparator.naturalOrder()).orElse(0L),
                    fromJvmStart.stream().max(Comparator.naturalOrder()).orElse(0L), fromJvmStart.size(), median(launchToExit));
        }
    }

    public List<Figures> run() throws IOException, InterruptedException {
        Comptoirs.deleteTree(dir);
        Files.createDirectories(dir);
        out.println("Comptoir started by " + Comptoirs.describe());
        out.flush();
        List<Figures> all = new ArrayList<>();
        all.add(measure("activation", () -> Files.createTempDirectory(dir, "fresh-")));
        Path terminal = dir.resolve("demo-terminal");
        Comptoirs.Run activated = Comptoirs.run(List.of(), List.of("activate", "--demo", "--home", terminal.toString()));
        Comptoirs.Run synced = Comptoirs.run(List.of(), List.of("sync", "--once", "--home", terminal.toString()));
        if (activated.exit() != 0 || synced.exit() != 0) {
            throw new IllegalStateException("The demo terminal could not be set up:\n" + activated.output() + "\n" + synced.output());
        }
        all.add(measure("sign-in", () -> terminal));
        for (Figures f : all) {
            out.println(f.line());
        }
        out.flush();
        return all;
    }

    private interface Folder {
        Path next() throws IOException;
    }

    private Figures measure(String screen, Folder folder) throws IOException, InterruptedException {
        List<Long> fromJvm = new ArrayList<>();
        List<Long> wall = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            List<String> options = new ArrayList<>(List.of("-Dcomptoir.startupProbe=true"));
            if (headless) {
                options.addAll(List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw", "-Djava.awt.headless=true"));
            }
            Comptoirs.Run run = Comptoirs.run(options, List.of("--home", folder.next().toString()));
            Matcher m = PROBE.matcher(run.output());
            if (!m.find() || !m.group(1).equals(screen)) {
                throw new IllegalStateException("The " + screen + " screen did not show (exit " + run.exit() + "):\n" + run.output());
            }
            fromJvm.add(Long.parseLong(m.group(2)));
            wall.add(run.wallMillis());
        }
        return new Figures(screen, fromJvm, wall);
    }
}
