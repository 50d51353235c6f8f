package fr.comptoir.bench;

import fr.comptoir.centralapi.Feed;
import fr.comptoir.centralapi.FeedPage;
import fr.comptoir.customers.Customer;
import fr.comptoir.customers.CustomerMatch;
import fr.comptoir.customers.CustomerQuery;
import fr.comptoir.demo.DemoDataGenerator;
import fr.comptoir.demo.DemoSize;
import fr.comptoir.storage.SqliteCustomerSearch;
import fr.comptoir.storage.SqliteDatabase;
import fr.comptoir.storage.SqliteFeedCache;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Type-ahead latency of the customer search over a cache of generated customers: a mix of name,
 * phone, email and loyalty card queries as associates type them, timed one keystroke at a time.
 * Prints p50/p95/p99/max per kind and overall, and how often the intended customer came first.
 */
public final class CustomerSearchBenchmark {

    private final Path dir;
    private final DemoSize size;
    private final int rounds;
    private final PrintWriter out;

    public CustomerSearchBenchmark(Path dir, DemoSize size, int rounds, PrintWriter out) {
        this.dir = dir;
        this.size = size;
        this.rounds = rounds;
        this.out = out;
    }

    public void run() {
        Path file = dir.resolve("bench-customers-" + size.name().toLowerCase(Locale.ROOT) + ".db");
        try (SqliteDatabase db = SqliteDatabase.open(file, "cache")) {
            SqliteFeedCache cache = new SqliteFeedCache(db, fr.comptoir.storage.CanonicalJson.codec());
            List<Customer> sample = new ArrayList<>();
            Map<String, Integer> namesakes = new HashMap<>();
            if (cache.counts().get("customers") < size.customers) {
                out.printf("Filling %s with %,d generated customers...%n", file, size.customers);
                out.flush();
                long t0 = System.nanoTime();
                fill(cache, sample, namesakes);
                out.printf("Filled in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            } else {
                new DemoDataGenerator(size, 42, LocalDate.of(2026, 11, 1)).generateCustomers((f, id, s, r) -> {
                    if (r instanceof Customer c) {
                        keep(sample, c);
                        namesakes.merge(fullName(c), 1, Integer::sum);
                    }
                });
            }
            measure(new SqliteCustomerSearch(db), sample, namesakes);
        }
    }

    private static void keep(List<Customer> sample, Customer c) {
        // Every 997th customer is someone an associate will look for.
        if (Math.abs(c.id().hashCode()) % 997 == 0) {
            sample.add(c);
        }
    }

    /** Who else bears the same name, as search sees names (case and accents aside). */
    private static String fullName(Customer c) {
        return fr.comptoir.customers.CustomerQuery.normalize(c.firstName() + " " + c.lastName());
    }

    private void fill(SqliteFeedCache cache, List<Customer> sample, Map<String, Integer> namesakes) {
        List<Customer> batch = new ArrayList<>(10_000);
        long[] n = {0};
        Runnable flush = () -> {
            List<Customer> page = List.copyOf(batch);
            batch.clear();
            cache.applyPage(Feed.CUSTOMERS, (cursor, h) -> {
                page.forEach(h::upsert);
                n[0] += page.size();
                return new FeedPage("bench-" + n[0], true, page.size(), -1);
            }, System.currentTimeMillis());
        };
        new DemoDataGenerator(size, 42, LocalDate.of(2026, 11, 1)).generateCustomers((f, id, s, r) -> {
            if (!(r instanceof Customer c)) {
                return;
            }
            keep(sample, c);
            namesakes.merge(fullName(c), 1, Integer::sum);
            batch.add(c);
            if (batch.size() == 10_000) {
                flush.run();
            }
        });
        if (!batch.isEmpty()) {
            flush.run();
        }
        cache.markLoaded(Feed.CUSTOMERS, System.currentTimeMillis());
    }

    private record Probe(String kind, String typed, Customer customer) {
    }

    private void measure(SqliteCustomerSearch search, List<Customer> sample, Map<String, Integer> namesakes) {
        SplittableRandom rnd = new SplittableRandom(7);
        List<Probe> probes = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            Customer c = sample.get(rnd.nextInt(sample.size()));
            switch (r % 4) {
                case 0 -> typeAhead(probes, "name", c.firstName() + " " + c.lastName(), c);
                case 1 -> {
                    if (c.phone() != null) {
                        typeAhead(probes, "phone", c.phone(), c);
                    }
                }
                case 2 -> {
                    if (c.email() != null) {
                        typeAhead(probes, "email", c.email(), c);
                    }
                }
                default -> typeAhead(probes, "surname", c.lastName() + " " + c.firstName().substring(0, 2), c);
            }
        }
        // Warm-up: the first queries load pages from disk.
        for (int i = 0; i < Math.min(500, probes.size()); i++) {
            search.search(CustomerQuery.parse(probes.get(i).typed()), 20);
        }
        Map<String, List<Long>> byKind = new LinkedHashMap<>();
        Map<String, int[]> found = new LinkedHashMap<>();
        long namesakesOfNames = 0;
        for (Probe p : probes) {
            long t0 = System.nanoTime();
            List<CustomerMatch> result = search.search(CustomerQuery.parse(p.typed()), 20);
            long micros = (System.nanoTime() - t0) / 1000;
            byKind.computeIfAbsent(p.kind(), k -> new ArrayList<>()).add(micros);
            byKind.computeIfAbsent("all", k -> new ArrayList<>()).add(micros);
            if (p.customer() != null) {
                // complete entries, listed, first
                for (String kind : List.of(p.kind(), "all")) {
                    int[] f = found.computeIfAbsent(kind, k -> new int[3]);
                    f[0]++;
                    if (result.stream().anyMatch(m -> m.customer().id().equals(p.customer().id()))) {
                        f[1]++;
                    }
                    if (!result.isEmpty() && result.get(0).customer().id().equals(p.customer().id())) {
                        f[2]++;
                    }
                }
                if (p.kind().equals("name")) {
                    namesakesOfNames += namesakes.getOrDefault(fullName(p.customer()), 1);
                }
            }
        }
        out.printf("%nCustomer search over %,d customers, %,d keystrokes (limit 20 results)%n", size.customers, probes.size());
        out.printf("%-6s %8s %10s %10s %10s %10s%n", "kind", "queries", "p50 ms", "p95 ms", "p99 ms", "max ms");
        byKind.forEach((kind, times) -> {
            long[] t = times.stream().mapToLong(Long::longValue).sorted().toArray();
            out.printf("%-6s %8d %10.2f %10.2f %10.2f %10.2f%n", kind, t.length, pct(t, 50), pct(t, 95), pct(t, 99), t[t.length - 1] / 1000.0);
        });
        found.entrySet().stream().sorted(java.util.Comparator.comparing(e -> e.getKey().equals("all")))
                .forEach(e -> out.printf("Typed in full (%s): %,d; intended customer listed %.1f %%, first %.1f %%%n",
                        e.getKey(), e.getValue()[0], 100.0 * e.getValue()[1] / e.getValue()[0], 100.0 * e.getValue()[2] / e.getValue()[0]));
        int[] names = found.getOrDefault("name", new int[3]);
        if (names[0] > 0) {
            double avg = namesakesOfNames / (double) names[0];
            out.printf("A name typed in full is borne by %.0f customers on average (%d first names x %d last names here): a list of 20 "
                    + "holds the one looked for at most %.1f %% of the time; a phone, an e-mail or a card number finds them.%n",
                    avg, DemoDataGenerator.FIRST_NAMES, DemoDataGenerator.LAST_NAMES, Math.min(100, 100 * 20 / avg));
        }
        out.println("Target: p99 <= 20 ms.");
        out.flush();
    }

    /** Every prefix the associate types, from the search minimum to the whole entry. */
    private static void typeAhead(List<Probe> probes, String kind, String full, Customer customer) {
        for (int len = 2; len <= full.length(); len++) {
            String typed = full.substring(0, len);
            if (CustomerQuery.parse(typed) instanceof CustomerQuery.TooShort) {
                continue;
            }
            probes.add(new Probe(kind, typed, len == full.length() ? customer : null));
        }
    }

    private static double pct(long[] sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(i, sorted.length - 1))] / 1000.0;
    }
}
