package fr.comptoir.bench;

import fr.comptoir.catalog.Product;
import fr.comptoir.catalog.StockLevel;
import fr.comptoir.catalog.Variant;
import fr.comptoir.centralapi.Feed;
import fr.comptoir.centralapi.FeedPage;
import fr.comptoir.demo.DemoDataGenerator;
import fr.comptoir.demo.DemoSize;
import fr.comptoir.sale.Basket;
import fr.comptoir.sale.ScanLookup;
import fr.comptoir.storage.SqliteCatalog;
import fr.comptoir.storage.SqliteDatabase;
import fr.comptoir.storage.SqliteFeedCache;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Scan-to-line latency over a generated catalogue: the logic path from a scanned EAN to a basket line
 * (code check, cache look-up with this store's stock, basket update), p50/p99 and max.
 */
public final class ScanBenchmark {

    private final Path dir;
    private final DemoSize size;
    private final int scans;
    private final PrintWriter out;

    public ScanBenchmark(Path dir, DemoSize size, int scans, PrintWriter out) {
        this.dir = dir;
        this.size = size;
        this.scans = scans;
        this.out = out;
    }

    private DemoSize duringSync;

    /**
     * Measures while a first full sync of a demo store of {@code store} size writes into the same cache
     * (the app's own sync engine, against the demo platform over loopback), as when a terminal catches up.
     */
    public ScanBenchmark duringSyncOf(DemoSize store) {
        this.duringSync = store;
        return this;
    }

    /** A second measure on the same catalogue, e.g. on the real screen ({@code bench.ui}). */
    @FunctionalInterface
    public interface Then {
        void measure(fr.comptoir.catalog.CatalogReader catalog, List<String> eans) throws Exception;
    }

    public void run() {
        run(null);
    }

    /** @param then what to measure next on the same catalogue, or null */
    public void run(Then then) {
        Path file = dir.resolve("bench-catalogue-" + size.name().toLowerCase(Locale.ROOT) + ".db");
        try (SqliteDatabase db = SqliteDatabase.open(file, "cache")) {
            SqliteFeedCache cache = new SqliteFeedCache(db, fr.comptoir.storage.CanonicalJson.codec());
            List<String> eans = new ArrayList<>();
            java.util.Map<String, Long> counts = cache.counts();
            boolean fill = counts.get("products") < size.products || counts.get("price-lists") == 0;
            if (fill) {
                out.printf("Filling %s with %,d generated products and their stock...%n", file, size.products);
                out.flush();
            }
            long t0 = System.nanoTime();
            List<Object> batch = new ArrayList<>();
            new DemoDataGenerator(size, 42, LocalDate.of(2026, 11, 1)).generateCatalog((feed, id, scope, record) -> {
                if (record instanceof Product p) {
                    p.variants().stream().map(Variant::ean).forEach(eans::add);
                }
                if (fill && (record instanceof Product || record instanceof StockLevel || record instanceof fr.comptoir.catalog.PriceList)) {
                    batch.add(record);
                    if (batch.size() >= 20_000) {
                        write(cache, batch);
                    }
                }
            });
            if (fill) {
                write(cache, batch);
                for (Feed<?> feed : List.of(Feed.PRICE_LISTS, Feed.PRODUCTS, Feed.STOCK)) {
                    cache.markLoaded(feed, System.currentTimeMillis());
                }
                out.printf("Filled in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            }
            SqliteCatalog catalog = new SqliteCatalog(db, java.time.Clock.systemUTC());
            if (duringSync == null) {
                measure(new ScanLookup(catalog, "st-par01"), eans);
                if (then != null) {
                    then.measure(catalog, eans);
                }
            } else {
                try (BackgroundSync sync = BackgroundSync.start(dir, duringSync, cache, out)) {
                    measure(new ScanLookup(catalog, "st-par01"), eans);
                    if (then != null) {
                        then.measure(catalog, eans);
                    }
                    out.printf("The sync was %s when the measures ended.%n", sync.describe());
                }
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static void write(SqliteFeedCache cache, List<Object> batch) {
        List<Product> products = batch.stream().filter(Product.class::isInstance).map(Product.class::cast).toList();
        List<StockLevel> stock = batch.stream().filter(StockLevel.class::isInstance).map(StockLevel.class::cast).toList();
        List<fr.comptoir.catalog.PriceList> lists = batch.stream().filter(fr.comptoir.catalog.PriceList.class::isInstance)
                .map(fr.comptoir.catalog.PriceList.class::cast).toList();
        batch.clear();
        if (!lists.isEmpty()) {
            cache.applyPage(Feed.PRICE_LISTS, (c, h) -> {
                lists.forEach(h::upsert);
                return new FeedPage("bench", true, lists.size(), -1);
            }, System.currentTimeMillis());
        }
        if (!products.isEmpty()) {
            cache.applyPage(Feed.PRODUCTS, (c, h) -> {
                products.forEach(h::upsert);
                return new FeedPage("bench", true, products.size(), -1);
            }, System.currentTimeMillis());
        }
        if (!stock.isEmpty()) {
            cache.applyPage(Feed.STOCK, (c, h) -> {
                stock.forEach(h::upsert);
                return new FeedPage("bench", true, stock.size(), -1);
            }, System.currentTimeMillis());
        }
    }

    private void measure(ScanLookup lookup, List<String> eans) {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int i = 0; i < 2_000; i++) {
            lookup.lookup(eans.get(rnd.nextInt(eans.size())));
        }
        long[] micros = new long[scans];
        Basket basket = new Basket();
        int found = 0;
        for (int i = 0; i < scans; i++) {
            String ean = eans.get(rnd.nextInt(eans.size()));
            long t0 = System.nanoTime();
            ScanLookup.Result r = lookup.lookup(ean);
            if (r instanceof ScanLookup.Result.Found f) {
                basket.addOne(f.item().variantId(), f.item().sku(), f.item().label(), f.item().priceCents(), f.item().vatRateBasisPoints());
                found++;
            }
            micros[i] = (System.nanoTime() - t0) / 1000;
            if (basket.lines().size() > 50) {
                basket = new Basket();
            }
        }
        java.util.Arrays.sort(micros);
        out.printf("%nScan to basket line over %,d products (%,d barcodes), %,d scans%n", size.products, eans.size(), scans);
        out.printf("p50 %.3f ms   p99 %.3f ms   max %.3f ms   found %d/%d%n", pct(micros, 50), pct(micros, 99),
                micros[micros.length - 1] / 1000.0, found, scans);
        out.println("Target: p99 <= 1 ms (logic path; the line then shows on the next frame).");
        out.flush();
    }

    private static double pct(long[] sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(i, sorted.length - 1))] / 1000.0;
    }
}
