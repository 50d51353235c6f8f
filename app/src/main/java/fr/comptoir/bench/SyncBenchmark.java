package fr.comptoir.bench;

import fr.comptoir.centralapi.DeviceActivation;
import fr.comptoir.comptoirapi.HttpCentralPlatform;
import fr.comptoir.comptoirapi.RetryPolicy;
import fr.comptoir.customers.CustomerQuery;
import fr.comptoir.demo.DemoCentralServer;
import fr.comptoir.demo.DemoPlatformStore;
import fr.comptoir.demo.DemoSize;
import fr.comptoir.sale.ScanLookup;
import fr.comptoir.storage.CanonicalJson;
import fr.comptoir.storage.RawFeedLoad;
import fr.comptoir.storage.SqliteCatalog;
import fr.comptoir.storage.SqliteCustomerSearch;
import fr.comptoir.storage.SqliteDatabase;
import fr.comptoir.storage.SqliteFeedCache;
import fr.comptoir.storage.SqliteOutbox;
import fr.comptoir.sync.SyncEngine;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code comptoir bench sync}: the app's first full sync of a demo store, run as its own process
 * ({@code comptoir sync --once} on a fresh data folder, against the demo platform over loopback), then in
 * the same run the raw limit on the same pages ({@link RawFeedLoad}); records per second of both, per
 * feed, the app's peak memory and bytes written against its cache's size; then a busy store's minute
 * (2,000 records changed centrally) pulled by the app while this process scans and searches its cache.
 * The last line is {@code ratio to raw limit: 0.NN}.
 */
public final class SyncBenchmark {

    private static final Pattern FEED_LINE = Pattern.compile("^(\\S+)\\s+(\\d+) changes in\\s+([\\d.]+) s");

    private final Path dir;
    private final DemoSize size;
    private final PrintWriter out;

    public SyncBenchmark(Path dir, DemoSize size, PrintWriter out) {
        this.dir = dir;
        this.size = size;
        this.out = out;
    }

    /** What one run of the app's {@code sync --once} printed and took. */
    private record AppRun(long wallMillis, Map<String, long[]> feeds, ProcessFigures figures, List<String> output) {
        long changes() {
            return feeds.values().stream().mapToLong(f -> f[0]).sum();
        }
    }

    public void run() throws Exception {
        out.printf("Preparing the %s demo store...%n", size.name().toLowerCase(Locale.ROOT));
        out.flush();
        long t0 = System.nanoTime();
        try (DemoPlatformStore platform = DemoPlatformStore.openOrGenerate(dir.resolve("sync-platform"), size, 42, LocalDate.now());
             DemoCentralServer server = DemoCentralServer.start(platform, 0)) {
            out.printf("Ready in %.1f s. First full sync by the app, as its own process...%n", (System.nanoTime() - t0) / 1e9);
            out.flush();
            Path home = dir.resolve("sync-terminal");
            Comptoirs.deleteTree(home);
            AppRun activation = app(home, "activate", "--url", server.baseUrl(), "--code", "DEMO");
            if (activation.output().stream().noneMatch(l -> l.startsWith("Activated"))) {
                throw new IllegalStateException("The terminal could not be activated: " + String.join("\n", activation.output()));
            }
            AppRun first = app(home, "sync", "--once", "--figures");
            long cacheBytes = fileSize(home.resolve("cache.db")) + fileSize(home.resolve("cache.db-wal"));
            out.printf("App: %,d records in %.1f s. Raw limit on the same pages...%n", first.changes(), first.wallMillis() / 1e3);
            out.flush();

            HttpCentralPlatform central = central(server);
            // The first load's gigabytes reach the disk first: the minute measured is a terminal's at work, not
            // one whose disk is still busy writing back the load (a minute later, in a store, it would not be).
            try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(home.resolve("cache.db"),
                    java.nio.file.StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            Incremental busy = incremental(platform, central, home);

            Path rawFile = dir.resolve("sync-raw-limit.db");
            long rawStarted = System.nanoTime();
            List<RawFeedLoad.FeedFigures> raw = RawFeedLoad.run(rawFile, central, 1000, 10_000);
            long rawMillis = (System.nanoTime() - rawStarted) / 1_000_000;
            Files.deleteIfExists(rawFile);

            report(first, raw, rawMillis, cacheBytes, busy);
        }
    }

    private void report(AppRun first, List<RawFeedLoad.FeedFigures> raw, long rawMillis, long cacheBytes, Incremental busy) {
        out.println();
        out.printf("First full sync of the %s demo store: the app (its own process, end to end) and the raw limit%n",
                size.name().toLowerCase(Locale.ROOT));
        out.printf("%-15s %11s %9s %11s %9s %11s%n", "feed", "records", "app s", "app rec/s", "raw s", "raw rec/s");
        long rawChanges = 0;
        for (RawFeedLoad.FeedFigures r : raw) {
            long[] app = first.feeds().getOrDefault(r.feed(), new long[]{0, 0});
            out.printf(Locale.ROOT, "%-15s %,11d %9.1f %,11d %9.1f %,11d%n", r.feed(), app[0], app[1] / 1e3, perSecond(app[0], app[1]),
                    r.millis() / 1e3, perSecond(r.changes(), r.millis()));
            rawChanges += r.changes();
        }
        long appRate = perSecond(first.changes(), first.wallMillis());
        long rawRate = perSecond(rawChanges, rawMillis);
        out.printf(Locale.ROOT, "%-15s %,11d %9.1f %,11d %9.1f %,11d%n", "total", first.changes(), first.wallMillis() / 1e3, appRate,
                rawMillis / 1e3, rawRate);
        if (first.figures() != null) {
            out.printf(Locale.ROOT, "App process: peak memory %,d MB; %,d MB written to disk for a %,d MB cache (%.1f times its size)%n",
                    first.figures().peakRssBytes() >> 20, first.figures().writtenBytes() >> 20, cacheBytes >> 20,
                    first.figures().writtenBytes() / (double) Math.max(1, cacheBytes));
        } else {
            out.println("App process: memory and bytes written not available on this system");
        }
        out.printf(Locale.ROOT, "Busy store's minute: %,d records changed centrally, pulled by the app's sync in %.2f s (%s)%n",
                Incremental.changes(busy.quiet()), Incremental.millis(busy.quiet()) / 1e3, Incremental.byFeed(busy.quiet()));
        out.printf(Locale.ROOT, "The same with scans and customer searches running without a pause: %.2f s; they took %s (alone, before: %s)%n",
                Incremental.millis(busy.busy()) / 1e3, busy.during().line(), busy.alone().line());
        out.printf(Locale.ROOT, "ratio to raw limit: %.2f%n", appRate / (double) Math.max(1, rawRate));
        out.flush();
    }

    /** A busy store's minute pulled alone, then another while readers scan and search without a pause. */
    private record Incremental(SyncEngine.Report quiet, SyncEngine.Report busy, Latencies alone, Latencies during) {
        static int changes(SyncEngine.Report r) {
            return r.changesByFeed().values().stream().mapToInt(Integer::intValue).sum();
        }

        static long millis(SyncEngine.Report r) {
            return r.millisByFeed().values().stream().mapToLong(Long::longValue).sum();
        }

        static String byFeed(SyncEngine.Report r) {
            return r.millisByFeed().entrySet().stream().filter(e -> r.changesByFeed().getOrDefault(e.getKey(), 0) > 0)
                    .map(e -> e.getKey() + " " + r.changesByFeed().get(e.getKey()) + " in " + e.getValue() + " ms")
                    .collect(java.util.stream.Collectors.joining(", "));
        }
    }

    /**
     * A busy store's minute: 1,000 stock levels, 500 customers and 500 orders changed centrally, then pulled
     * by the app's sync engine on the cache just loaded, warm (one such minute first), while another thread
     * scans and searches that cache on connections of its own, as the screens do.
     */
    private Incremental incremental(DemoPlatformStore platform, HttpCentralPlatform central, Path home) throws Exception {
        Path journalFile = dir.resolve("sync-bench-journal.db");
        for (String suffix : List.of("", "-wal", "-shm")) {
            Files.deleteIfExists(journalFile.resolveSibling(journalFile.getFileName() + suffix));
        }
        try (SqliteDatabase cache = SqliteDatabase.open(home.resolve("cache.db"), "cache");
             SqliteDatabase journal = SqliteDatabase.open(journalFile, "journal");
             SyncEngine engine = new SyncEngine(central, new SqliteFeedCache(cache, CanonicalJson.codec()), new SqliteOutbox(journal),
                     java.time.Clock.systemUTC(), SyncEngine.Settings.DEFAULT)) {
            busyMinute(platform);
            engine.syncOnce();
            List<String> eans = new ArrayList<>();
            platform.readFeed("products", "st-par01", 0, 200, doc -> CanonicalJson.codec().decode(doc.body(), fr.comptoir.catalog.Product.class)
                    .variants().forEach(v -> eans.add(v.ean())));
            ScanLookup scans = new ScanLookup(new SqliteCatalog(cache, java.time.Clock.systemUTC()), "st-par01");
            SqliteCustomerSearch search = new SqliteCustomerSearch(cache);
            List<String> names = List.of("martin", "bernard", "dubois", "thomas", "robert", "richard", "petit", "durand");
            Readers idle = Readers.start(scans, search, eans, names);
            Thread.sleep(1000);
            Latencies alone = idle.stop();
            SyncEngine.Report quiet = pull(engine, busyMinute(platform));
            int changed = busyMinute(platform);
            Readers readers = Readers.start(scans, search, eans, names);
            SyncEngine.Report report;
            Latencies during;
            try {
                report = pull(engine, changed);
            } finally {
                during = readers.stop();
            }
            return new Incremental(quiet, report, alone, during);
        }
    }

    private static SyncEngine.Report pull(SyncEngine engine, int changed) {
        SyncEngine.Report report = engine.syncOnce();
        if (!report.ok()) {
            throw new IllegalStateException("The busy store's minute did not sync: " + report.error());
        }
        int pulled = report.changesByFeed().values().stream().mapToInt(Integer::intValue).sum();
        if (pulled < changed) {
            throw new IllegalStateException(changed + " records changed centrally but " + pulled + " pulled");
        }
        return report;
    }

    /** Latencies of scans and customer searches, in milliseconds. */
    private record Latencies(int count, double p99, double worst) {
        String line() {
            return String.format(Locale.ROOT, "%,d, p99 %.2f ms, worst %.2f ms", count, p99, worst);
        }
    }

    /** A thread that scans and searches the cache, one after the other, until stopped, as the screens do. */
    private static final class Readers {
        private final AtomicBoolean done = new AtomicBoolean();
        private final List<Long> nanos = new ArrayList<>();
        private Thread thread;

        static Readers start(ScanLookup scans, SqliteCustomerSearch search, List<String> eans, List<String> names) {
            Readers r = new Readers();
            r.thread = new Thread(() -> {
                int i = 0;
                while (!r.done.get()) {
                    long s = System.nanoTime();
                    if (i % 2 == 0) {
                        scans.lookup(eans.get(i % eans.size()));
                    } else {
                        search.search(CustomerQuery.parse(names.get(i % names.size())), 20);
                    }
                    r.nanos.add(System.nanoTime() - s);
                    i++;
                }
            }, "bench-readers");
            r.thread.start();
            return r;
        }

        Latencies stop() throws InterruptedException {
            done.set(true);
            thread.join();
            nanos.sort(Comparator.naturalOrder());
            if (nanos.isEmpty()) {
                return new Latencies(0, 0, 0);
            }
            return new Latencies(nanos.size(), nanos.get(Math.min(nanos.size() - 1, (int) (nanos.size() * 0.99))) / 1e6,
                    nanos.get(nanos.size() - 1) / 1e6);
        }
    }

    private static int busyMinute(DemoPlatformStore platform) {
        return platform.touch("stock", "$.onHand", 7, 1000) + platform.touch("customers", "$.loyaltyPoints", 123, 500)
                + platform.touch("orders", "$.status", "DELIVERED", 500);
    }

    private static HttpCentralPlatform central(DemoCentralServer server) {
        DeviceActivation device = new HttpCentralPlatform(server.baseUrl(), () -> null, HttpCentralPlatform.defaultClient(), RetryPolicy.NONE)
                .activate("DEMO", "bench-raw", "bench-raw-" + System.nanoTime(),
                        fr.comptoir.fiscal.SigningKeyRegistration.of(fr.comptoir.fiscal.SigningKey.generate()));
        return new HttpCentralPlatform(server.baseUrl(), () -> new HttpCentralPlatform.Credentials(device.storeId(), device.accessToken()),
                HttpCentralPlatform.defaultClient(), RetryPolicy.DEFAULT);
    }

    /** Runs {@code comptoir <args> --home home} as a child JVM and reads what it printed. */
    private AppRun app(Path home, String... args) throws IOException, InterruptedException {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--home");
        all.add(home.toString());
        Comptoirs.Run run = Comptoirs.run(List.of(), all);
        if (run.exit() != 0) {
            throw new IllegalStateException("comptoir " + String.join(" ", args) + " failed:\n" + run.output());
        }
        Map<String, long[]> feeds = new LinkedHashMap<>();
        ProcessFigures figures = null;
        for (String line : run.lines()) {
            Matcher m = FEED_LINE.matcher(line);
            if (m.find()) {
                feeds.put(m.group(1), new long[]{Long.parseLong(m.group(2)), Math.round(Double.parseDouble(m.group(3)) * 1000)});
            }
            figures = ProcessFigures.parse(line).orElse(figures);
        }
        return new AppRun(run.wallMillis(), feeds, figures, run.lines());
    }

    private static long perSecond(long n, long millis) {
        return millis <= 0 ? 0 : n * 1000 / millis;
    }

    private static long fileSize(Path p) throws IOException {
        return Files.exists(p) ? Files.size(p) : 0;
    }
}
