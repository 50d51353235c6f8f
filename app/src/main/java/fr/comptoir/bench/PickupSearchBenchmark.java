package fr.comptoir.bench;

import fr.comptoir.centralapi.Feed;
import fr.comptoir.centralapi.FeedPage;
import fr.comptoir.customers.Customer;
import fr.comptoir.demo.DemoDataGenerator;
import fr.comptoir.demo.DemoSize;
import fr.comptoir.pickups.Pickup;
import fr.comptoir.pickups.PickupCode;
import fr.comptoir.pickups.PickupQuery;
import fr.comptoir.pickups.PickupQueue;
import fr.comptoir.pickups.PickupStatus;
import fr.comptoir.staff.PinHasher;
import fr.comptoir.storage.CanonicalJson;
import fr.comptoir.storage.SqliteDatabase;
import fr.comptoir.storage.SqliteFeedCache;
import fr.comptoir.storage.SqlitePickups;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The pickup desk's search over a store with many click-and-collect orders in every state: by order number
 * (whole and a part), customer name (typed without accents), phone (typed another way than stored), e-mail,
 * pickup code (its bucket, then the code checked against the candidates' hashes, as the desk does) and QR
 * code. Prints p50/p99/max per kind and whether the order looked for was found.
 */
public final class PickupSearchBenchmark {

    private final Path dir;
    private final int pickups;
    private final int rounds;
    private final PrintWriter out;

    public PickupSearchBenchmark(Path dir, int pickups, int rounds, PrintWriter out) {
        this.dir = dir;
        this.pickups = pickups;
        this.rounds = rounds;
        this.out = out;
    }

    /** An order of the bench, with its code in clear (the bench knows what customers were sent). */
    private record Known(Pickup pickup, String code) {
    }

    public void run() {
        Path file = dir.resolve("bench-pickups-" + pickups + ".db");
        List<Customer> customers = new ArrayList<>();
        new DemoDataGenerator(DemoSize.MEDIUM, 42, LocalDate.of(2026, 11, 1)).generateCustomers((f, id, s, r) -> {
            if (r instanceof Customer c) {
                customers.add(c);
            }
        });
        try (SqliteDatabase db = SqliteDatabase.open(file, "cache")) {
            SqliteFeedCache cache = new SqliteFeedCache(db, CanonicalJson.codec());
            List<Known> known = orders(customers);
            if (cache.counts().get("pickups") < pickups) {
                out.printf("Filling %s with %,d pickups (codes hashed as the platform does)...%n", file, pickups);
                out.flush();
                long t0 = System.nanoTime();
                for (int from = 0; from < known.size(); from += 2_000) {
                    List<Known> page = known.subList(from, Math.min(known.size(), from + 2_000));
                    cache.applyPage(Feed.PICKUPS, (cursor, h) -> {
                        page.forEach(k -> h.upsert(withHash(k)));
                        return new FeedPage("bench", true, page.size(), -1);
                    }, System.currentTimeMillis());
                }
                out.printf("Filled in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            }
            measure(new SqlitePickups(db, CanonicalJson.codec(), ZoneId.of("Europe/Paris")), known);
        }
    }

    private static Pickup withHash(Known k) {
        Pickup p = k.pickup();
        return new Pickup(p.orderId(), p.orderNumber(), p.storeId(), p.status(), p.customerId(), p.customer(), p.proxies(), p.placedAt(),
                p.promisedAt(), p.readyAt(), p.expiresAt(), p.totalCents(), p.paidCents(), p.settledInStoreCents(), p.refundedCents(),
                p.shelf(), PinHasher.hash(k.code(), DemoDataGenerator.PICKUP_CODE_ITERATIONS), p.pickupCodeBucket(), p.lines(), p.handovers(),
                p.readyNoticeSentAt());
    }

    /** The store's orders, the same at every run (seeded): statuses as a busy store has them. */
    private List<Known> orders(List<Customer> customers) {
        SplittableRandom rnd = new SplittableRandom(11);
        PickupStatus[] mix = {PickupStatus.TO_PREPARE, PickupStatus.TO_PREPARE, PickupStatus.READY, PickupStatus.READY, PickupStatus.READY,
                PickupStatus.PARTLY_COLLECTED, PickupStatus.COLLECTED, PickupStatus.COLLECTED, PickupStatus.COLLECTED, PickupStatus.COLLECTED,
                PickupStatus.COLLECTED, PickupStatus.EXPIRED};
        Instant base = Instant.parse("2026-11-01T09:00:00Z");
        List<Known> list = new ArrayList<>(pickups);
        for (int i = 0; i < pickups; i++) {
            Customer c = customers.get(rnd.nextInt(customers.size()));
            String number = (i % 2 == 0 ? "W" : "A") + String.format("%08d", 40_000_000 + i * 7);
            String code = String.format("%06d", rnd.nextInt(1_000_000));
            PickupStatus st = mix[rnd.nextInt(mix.length)];
            Instant placed = base.plusSeconds(i * 97L);
            List<Pickup.PickupLine> lines = new ArrayList<>();
            for (int l = 0; l < 1 + rnd.nextInt(3); l++) {
                lines.add(new Pickup.PickupLine(number + "-" + l, "v" + l, "SKU" + l, null, "Article " + l, "M", "Noir", 1, 4_999, 2000,
                        st == PickupStatus.TO_PREPARE ? 0 : 1, 0, st == PickupStatus.COLLECTED ? 1 : 0, 0));
            }
            long total = lines.size() * 4_999L;
            Pickup p = new Pickup("bp-" + i, number, "st-par01", st, c.id(),
                    new Pickup.PickupCustomer(c.firstName(), c.lastName(), c.phone(), c.email()), List.of(), placed.toString(),
                    placed.plusSeconds(86_400).toString(), st == PickupStatus.TO_PREPARE ? null : placed.plusSeconds(7_200).toString(),
                    st == PickupStatus.TO_PREPARE ? null : placed.plusSeconds(7 * 86_400).toString(), total, total, 0, 0,
                    st == PickupStatus.TO_PREPARE ? null : "A-01", null, PickupCode.bucket(code), lines,
                    st == PickupStatus.COLLECTED ? List.of(new Pickup.PickupHandover(placed.plusSeconds(86_400).toString(), "dev", "st-par01", "stf"))
                            : List.of(), null);
            list.add(new Known(p, code));
        }
        return list;
    }

    private record Probe(String kind, String typed, Known wanted) {
    }

    private void measure(PickupQueue queue, List<Known> known) {
        SplittableRandom rnd = new SplittableRandom(7);
        List<Probe> probes = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            Known k = known.get(rnd.nextInt(known.size()));
            Pickup.PickupCustomer c = k.pickup().customer();
            String number = k.pickup().orderNumber();
            switch (r % 7) {
                case 0 -> probes.add(new Probe("number", number, k));
                case 1 -> probes.add(new Probe("number part", number.substring(number.length() - 5), k));
                case 2 -> probes.add(new Probe("name", PickupQuery.fold(c.fullName()), k));
                case 3 -> {
                    if (c.phone() != null) {
                        String digits = c.phone().replaceAll("[^0-9]", "");
                        probes.add(new Probe("phone", digits.startsWith("33") ? "0" + digits.substring(2) : digits, k));
                    }
                }
                case 4 -> {
                    if (c.email() != null) {
                        probes.add(new Probe("email", c.email().toUpperCase(java.util.Locale.ROOT), k));
                    }
                }
                case 5 -> probes.add(new Probe("code", k.code(), k));
                default -> probes.add(new Probe("qr", PickupCode.qr(number, k.code()), k));
            }
        }
        Instant now = Instant.parse("2026-12-02T12:00:00Z");
        for (int i = 0; i < Math.min(300, probes.size()); i++) {
            queue.search(PickupQuery.parse(probes.get(i).typed()), now, 50);
        }
        Map<String, List<Long>> byKind = new LinkedHashMap<>();
        Map<String, int[]> found = new LinkedHashMap<>();
        for (Probe p : probes) {
            long t0 = System.nanoTime();
            PickupQuery q = PickupQuery.parse(p.typed());
            List<PickupQueue.Row> rows = queue.search(q, now, 50);
            boolean hit;
            if (q instanceof PickupQuery.Qr || p.kind().equals("code")) {
                // The desk checks the code against each candidate's hash: that is part of finding the order.
                String code = q instanceof PickupQuery.Qr qr ? qr.code() : p.typed();
                hit = false;
                for (PickupQueue.Row row : rows) {
                    Pickup candidate = queue.pickup(row.orderId()).orElseThrow();
                    if (PickupCode.matches(code, candidate) && candidate.orderId().equals(p.wanted().pickup().orderId())) {
                        hit = true;
                    }
                }
            } else {
                hit = rows.stream().anyMatch(r -> r.orderId().equals(p.wanted().pickup().orderId()));
            }
            long micros = (System.nanoTime() - t0) / 1000;
            byKind.computeIfAbsent(p.kind(), k -> new ArrayList<>()).add(micros);
            byKind.computeIfAbsent("all", k -> new ArrayList<>()).add(micros);
            int[] f = found.computeIfAbsent(p.kind(), k -> new int[2]);
            f[0]++;
            f[1] += hit ? 1 : 0;
        }
        out.printf("%nPickup search over %,d orders (all states), %,d searches (limit 50 results)%n", known.size(), probes.size());
        out.printf("%-12s %8s %10s %10s %10s %10s%n", "kind", "searches", "p50 ms", "p99 ms", "max ms", "found %");
        byKind.forEach((kind, times) -> {
            long[] t = times.stream().mapToLong(Long::longValue).sorted().toArray();
            int[] f = found.get(kind);
            out.printf("%-12s %8d %10.2f %10.2f %10.2f %10s%n", kind, t.length, pct(t, 50), pct(t, 99), t[t.length - 1] / 1000.0,
                    f == null ? "" : String.format("%.1f", 100.0 * f[1] / f[0]));
        });
        out.println("Target: p99 <= 10 ms.");
        out.flush();
    }

    private static double pct(long[] sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(i, sorted.length - 1))] / 1000.0;
    }
}
