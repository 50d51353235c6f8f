package fr.comptoir.cli;

import fr.comptoir.AppContext;
import fr.comptoir.AppHome;
import fr.comptoir.DeviceConfig;
import fr.comptoir.centralapi.CentralPlatformException;
import fr.comptoir.demo.DemoCentralServer;
import fr.comptoir.demo.DemoDataGenerator;
import fr.comptoir.demo.DemoPlatformStore;
import fr.comptoir.demo.DemoSize;
import fr.comptoir.sync.FeedState;
import fr.comptoir.sync.SyncEngine;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** The headless command line for head-office IT, in the same jar as the app. */
@Command(name = "comptoir", mixinStandardHelpOptions = true, versionProvider = ComptoirCli.BuildVersion.class,
        description = "Comptoir terminal tools. Without a command, the app starts.",
        subcommands = {ComptoirCli.Status.class, ComptoirCli.Sync.class, ComptoirCli.Activate.class, ComptoirCli.DemoServer.class,
                ComptoirCli.Bench.class, JournalCommands.class, FiscalCommands.Verify.class, FiscalCommands.Archive.class, Diagnostics.class})
public final class ComptoirCli {

    /** {@code comptoir --version}: the build's version, and the Java and system it runs on. */
    static final class BuildVersion implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{fr.comptoir.Version.software(),
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + "), "
                            + System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch")};
        }
    }

    /** Exit status when the data folder cannot be used as it is (journal missing, damaged or busy): the message says what to do. */
    public static final int DATA_UNAVAILABLE = 3;

    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new ComptoirCli());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((e, command, parsed) -> {
            if (e instanceof fr.comptoir.storage.StorageException || e instanceof fr.comptoir.datafolder.DataFolderAccess.Unusable) {
                org.slf4j.LoggerFactory.getLogger(ComptoirCli.class).error("Data folder unavailable: {}", e.getMessage());
                command.getErr().println(e.getMessage());
                return DATA_UNAVAILABLE;
            }
            throw e;
        });
        return cl.execute(args);
    }

    static class HomeOption {
        @Option(names = "--home", description = "Data folder (default: $COMPTOIR_HOME, else the machine's folder for an installed terminal, else ~/.comptoir)")
        Path home;
    }

    @Command(name = "status", description = "What the cache holds, the last sync per feed, pending writes.")
    static final class Status implements Callable<Integer> {
        @CommandLine.Mixin
        HomeOption home = new HomeOption();
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            // Read while the app may be running: the folder is looked at, not taken.
            try (AppContext ctx = AppContext.inspect(AppHome.resolve(home.home), Clock.systemUTC(), AppContext.Options.defaults())) {
                out.println("Data folder: " + ctx.home().toAbsolutePath());
                ctx.cacheRecoveryNote().ifPresent(n -> out.println("Note: " + n));
                out.println("Terminal:    " + ctx.device().map(ComptoirCli::describe).orElse("not activated"));
                out.println();
                out.printf("%-10s %10s  %s%n", "feed", "records", "last sync");
                Map<String, Long> counts = ctx.cache().counts();
                for (FeedState s : ctx.cache().states()) {
                    out.printf("%-10s %10d  %s%n", s.feed(), counts.getOrDefault(s.feed(), 0L),
                            s.lastSuccessAt() == 0 ? "never" : Instant.ofEpochMilli(s.lastSuccessAt()).toString());
                }
                out.println();
                out.println("Pending writes:  " + ctx.outbox().pendingCount());
                out.println("Needs attention: " + ctx.outbox().needsAttentionCount());
                out.println("Writes sent:     " + ctx.outbox().sentCount());
                out.println("Writes discarded by a manager: " + ctx.outbox().discardedCount());
                out.println("Journal records: " + ctx.journal().size());
            }
            return 0;
        }
    }

    @Command(name = "sync", description = "Deliver pending writes and bring the cache up to date. Exit status: 0 when everything "
            + "was delivered and the cache is up to date, 1 when the sync failed or writes are still waiting (see the message), "
            + "2 when the terminal is not activated.")
    static final class Sync implements Callable<Integer> {
        @CommandLine.Mixin
        HomeOption home = new HomeOption();
        @Option(names = "--once", required = true, description = "Sync once and exit.")
        boolean once;
        @Option(names = "--figures", description = "Also print the process's peak memory and the bytes it wrote to disk (Linux).")
        boolean figures;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try {
                return syncOnce(out);
            } finally {
                if (figures) {
                    // After the databases closed: their last checkpoint counts too.
                    out.println(fr.comptoir.bench.ProcessFigures.self().map(fr.comptoir.bench.ProcessFigures::line)
                            .orElse("Process: figures not available on this system"));
                }
            }
        }

        private int syncOnce(PrintWriter out) {
            try (AppContext ctx = AppContext.open(AppHome.resolve(home.home), Clock.systemUTC(), AppContext.Options.defaults())) {
                if (ctx.device().isEmpty()) {
                    spec.commandLine().getErr().println("This terminal is not activated: run 'comptoir activate' or start the app.");
                    return 2;
                }
                ctx.connect();
                SyncEngine.Report report = ctx.sync().syncOnce();
                PrintWriter err = spec.commandLine().getErr();
                out.println("Delivered writes: " + report.delivered());
                report.changesByFeed().forEach((feed, n) -> {
                    long ms = report.millisByFeed().getOrDefault(feed, 0L);
                    out.printf(java.util.Locale.ROOT, "%-14s %8d changes in %7.2f s%s%n", feed, n, ms / 1000.0,
                            n >= 10_000 && ms > 0 ? String.format(java.util.Locale.ROOT, " (%,d/s)", n * 1000L / ms) : "");
                });
                for (String feed : report.reReadFeeds()) {
                    out.println("The cached " + feed + " did not match the central platform: read again from the start.");
                }
                out.println("Pending writes:  " + report.pendingWrites());
                out.println("Needs attention: " + report.needsAttention());
                int code = 0;
                if (!report.ok()) {
                    err.println("Sync failed: " + report.error());
                    code = 1;
                }
                if (report.pendingWrites() > 0) {
                    err.println(report.pendingWrites() + " write(s) could not be delivered"
                            + (report.deliveryProblem() == null ? "." : ": " + report.deliveryProblem()));
                    code = 1;
                }
                if (report.needsAttention() > 0) {
                    err.println(report.needsAttention() + " write(s) were refused by the central platform and need a manager: "
                            + "see the Sync screen.");
                    code = 1;
                }
                if (code == 0) {
                    out.println("Sync complete: everything delivered, cache up to date.");
                }
                return code;
            }
        }
    }

    @Command(name = "activate", description = "Activate this terminal on a central platform: with --url and --code, --demo, or as the "
            + "data folder's provisioning.properties says when neither is given.")
    static final class Activate implements Callable<Integer> {
        @CommandLine.Mixin
        HomeOption home = new HomeOption();
        @Option(names = "--url", description = "Address of the central platform (Commerce API).")
        String url;
        @Option(names = "--code", description = "Activation code given by head office.")
        String code;
        @Option(names = "--demo", description = "Use the embedded demo store instead.")
        boolean demo;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            boolean provisioned = !demo && url == null && code == null;
            if (!demo && !provisioned && (url == null || code == null)) {
                spec.commandLine().getErr().println("Give --url and --code, or --demo.");
                return 2;
            }
            try (AppContext ctx = AppContext.open(AppHome.resolve(home.home), Clock.systemUTC(), AppContext.Options.defaults())) {
                DeviceConfig d;
                if (provisioned) {
                    java.util.Optional<DeviceConfig> done = ctx.activateFromProvisioning();
                    if (done.isEmpty()) {
                        spec.commandLine().getErr().println("Give --url and --code, or --demo, or put a " + fr.comptoir.Provisioning.FILE
                                + " in the data folder (" + ctx.home().toAbsolutePath() + ").");
                        return 2;
                    }
                    d = done.get();
                } else {
                    d = demo ? ctx.activateDemo() : ctx.activate(url, code);
                }
                spec.commandLine().getOut().println("Activated: " + describe(d));
                return 0;
            } catch (CentralPlatformException | IllegalArgumentException | fr.comptoir.Provisioning.Invalid e) {
                spec.commandLine().getErr().println("Activation failed: " + e.getMessage());
                return 1;
            }
        }
    }

    @Command(name = "demo-server", description = "Run the demo central platform on its own, until stopped.")
    static final class DemoServer implements Callable<Integer> {
        @Option(names = "--port", defaultValue = "8080", description = "Port on 127.0.0.1 (default ${DEFAULT-VALUE}).")
        int port;
        @Option(names = "--size", defaultValue = "small", description = "tiny, small, medium or large (default ${DEFAULT-VALUE}).")
        String size;
        @Option(names = "--data", description = "Folder of the demo platform's database (default: <home>/demo-platform).")
        Path data;
        @Option(names = "--seed", defaultValue = "42", description = "Seed of the generated data (default ${DEFAULT-VALUE}).")
        long seed;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            DemoSize demoSize;
            try {
                demoSize = DemoSize.parse(size);
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println(e.getMessage());
                return 2;
            }
            Path dir = data != null ? data : AppHome.resolve(null).resolve("demo-platform");
            out.println("Preparing the " + demoSize.name().toLowerCase() + " demo chain in " + dir.toAbsolutePath() + " ...");
            out.flush();
            long t0 = System.nanoTime();
            DemoPlatformStore store = DemoPlatformStore.openOrGenerate(dir, demoSize, seed, LocalDate.now());
            out.printf("Ready in %.1f s: %s%n", (System.nanoTime() - t0) / 1e9, store.liveCounts());
            try (DemoCentralServer server = DemoCentralServer.start(store, port)) {
                out.println("Demo central platform listening on " + server.baseUrl());
                out.println("Activation code of the demo store: " + DemoDataGenerator.DEMO_ACTIVATION_CODE);
                out.flush();
                CountDownLatch stop = new CountDownLatch(1);
                Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
                stop.await();
            } finally {
                store.close();
            }
            return 0;
        }
    }

    @Command(name = "bench", description = "Benchmarks that print figures.", subcommands = {SearchBench.class, ScanBench.class, JournalBench.class, PickupsBench.class,
            SyncBench.class, StartBench.class})
    static final class Bench {
    }

    /** What every benchmark asks for: how big a data set, and where to keep it between runs. */
    abstract static class BenchCommand implements Callable<Integer> {
        @Option(names = "--size", defaultValue = "large", description = "tiny, small, medium or large (default ${DEFAULT-VALUE}).")
        String size;
        @Option(names = "--data", description = "Folder for the benchmark's cache file (default: <home>/bench).")
        Path data;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            DemoSize s;
            try {
                s = DemoSize.parse(size);
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println(e.getMessage());
                return 2;
            }
            run(s, data != null ? data : AppHome.resolve(null).resolve("bench"), spec.commandLine().getOut());
            return 0;
        }

        abstract void run(DemoSize size, Path dir, PrintWriter out);
    }

    @Command(name = "customer-search", description = "Type-ahead latency of customer search (p50/p99) over generated customers "
            + "(large: 1,000,000).")
    static final class SearchBench extends BenchCommand {
        @Option(names = "--rounds", defaultValue = "2000", description = "Customers looked up (default ${DEFAULT-VALUE}); each is typed key by key.")
        int rounds;

        @Override
        void run(DemoSize s, Path dir, PrintWriter out) {
            new fr.comptoir.bench.CustomerSearchBenchmark(dir, s, rounds, out).run();
        }
    }

    @Command(name = "sync", description = "The app's first full sync of a demo store (its own process, over loopback) against the raw "
            + "limit of the same pages in the same run: records/s per feed, memory, bytes written, a busy store's minute; last line "
            + "'ratio to raw limit'.")
    static final class SyncBench extends BenchCommand {
        @Override
        void run(DemoSize s, Path dir, PrintWriter out) {
            try {
                new fr.comptoir.bench.SyncBenchmark(dir, s, out).run();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }
    }

    @Command(name = "start", description = "Cold start of the app, as its own process, to the activation screen (fresh data folder) "
            + "and to the sign-in screen (activated demo terminal), several runs each. Needs a display (xvfb-run on a server).")
    static final class StartBench implements Callable<Integer> {
        @Option(names = "--runs", defaultValue = "5", description = "Starts per screen (default ${DEFAULT-VALUE}).")
        int runs;
        @Option(names = "--data", description = "Folder for the benchmark's data folders (default: <home>/bench/start).")
        Path data;
        @Option(names = "--headless", description = "Run the app without a display (needs Monocle on the classpath, as in tests).")
        boolean headless;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (!headless && System.getenv("DISPLAY") == null && System.getProperty("os.name").startsWith("Linux")) {
                spec.commandLine().getErr().println("bench start opens the app's window: run it with a display, e.g. xvfb-run.");
                return 2;
            }
            new fr.comptoir.bench.StartBenchmark(data != null ? data : AppHome.resolve(null).resolve("bench").resolve("start"), runs, headless,
                    spec.commandLine().getOut()).run();
            return 0;
        }
    }

    @Command(name = "pickups", description = "Pickup desk search latency (p50/p99) by every key over a store's queue "
            + "(default 20,000 orders in all states).")
    static final class PickupsBench implements Callable<Integer> {
        @Option(names = "--orders", defaultValue = "20000", description = "Orders in the queue (default ${DEFAULT-VALUE}).")
        int orders;
        @Option(names = "--rounds", defaultValue = "7000", description = "Searches to time (default ${DEFAULT-VALUE}).")
        int rounds;
        @Option(names = "--data", description = "Folder for the benchmark's cache (default: <home>/bench).")
        Path data;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            new fr.comptoir.bench.PickupSearchBenchmark(data != null ? data : AppHome.resolve(null).resolve("bench"), orders, rounds,
                    spec.commandLine().getOut()).run();
            return 0;
        }
    }

    @Command(name = "scan", description = "Scan-to-line latency (p50/p99) over a generated catalogue (large: 100,000 products).")
    static final class ScanBench extends BenchCommand {
        @Option(names = "--scans", defaultValue = "20000", description = "Scans to time (default ${DEFAULT-VALUE}).")
        int scans;
        @Option(names = "--screen", defaultValue = "0", description = "Then this many scans on the real Sell screen, timed until "
                + "the line is laid out (needs a display; 0: none).")
        int screenScans;
        @Option(names = "--navigations", defaultValue = "0", description = "Leave the Sell screen and come back this many times "
                + "before the screen measure (default ${DEFAULT-VALUE}).")
        int navigations;
        @Option(names = "--during-sync", description = "Measure while a first full sync of a demo store of this size (tiny, small, "
                + "medium, large) writes into the same cache.")
        String duringSync;

        @Override
        void run(DemoSize s, Path dir, PrintWriter out) {
            fr.comptoir.bench.ScanBenchmark bench = new fr.comptoir.bench.ScanBenchmark(dir, s, scans, out);
            if (duringSync != null) {
                bench.duringSyncOf(DemoSize.parse(duringSync));
            }
            bench.run(screenScans <= 0 ? null
                    : (catalog, eans) -> new fr.comptoir.bench.ui.ScreenScanBenchmark(catalog, "st-par01", out).afterNavigations(navigations)
                            .run(eans, screenScans));
        }
    }

    @Command(name = "journal", description = "What recording a sale costs with the journal's durability NORMAL and FULL (p50/p99).")
    static final class JournalBench implements Callable<Integer> {
        @Option(names = "--sales", defaultValue = "2000", description = "Sales to record with each durability (default ${DEFAULT-VALUE}).")
        int sales;
        @Option(names = "--data", description = "Folder for the benchmark's journals (default: <home>/bench).")
        Path data;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            new fr.comptoir.bench.JournalBenchmark(data != null ? data : AppHome.resolve(null).resolve("bench"), sales,
                    spec.commandLine().getOut()).run();
            return 0;
        }
    }

    static String describe(DeviceConfig d) {
        return d.storeName() + " (" + d.storeId() + "), device " + d.deviceId() + ", "
                + (d.demo() ? "embedded demo central platform" : d.platformUrl());
    }
}
