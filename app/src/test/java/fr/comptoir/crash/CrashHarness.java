package fr.comptoir.crash;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.comptoir.demo.DemoCentralServer;
import fr.comptoir.demo.DemoPlatformStore;
import fr.comptoir.demo.DemoSize;
import fr.comptoir.sale.SimulatedPaymentTerminal;
import fr.comptoir.storage.SqliteDatabase;
import fr.comptoir.testing.FaultyProxy;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Kills a selling till with SIGKILL at random points, over and over, then checks at the platform that
 * nothing the till committed was lost or arrived twice. The till ({@link CrashWorkload}) runs in a child
 * JVM on one data folder; it talks to the demo platform through a {@link FaultyProxy} (refusals, gateway
 * pages, lost answers, duplicated writes, stale feed pages). At the end one more run completes what was in
 * progress and delivers everything, and both SQLite files must pass {@code integrity_check}.
 *
 * <p>Counts business effects, not rows a duplicate would overwrite: the sales the platform applied (each
 * purchase carries its own marker, so one purchase recorded twice under two ids shows), their card and
 * gift card money against the terminal's ledger and the card's balance, notes, customers, till events and
 * e-mailed receipts by their own content.
 */
public final class CrashHarness {

    /** What the harness found. */
    public record Result(int killPoints, int committed, int atPlatform, int lost, int duplicated, List<String> problems) {
        public String line() {
            return "kill points: " + killPoints + ", committed: " + committed + ", at platform: " + atPlatform + ", lost: " + lost
                    + ", duplicated: " + duplicated;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final long seed;
    private final PrintStream log;

    public CrashHarness(Path dir, long seed, PrintStream log) {
        this.dir = dir;
        this.seed = seed;
        this.log = log;
    }

    public Result run(int kills) throws Exception {
        Path home = dir.resolve("till");
        try (DemoPlatformStore platform = DemoPlatformStore.openOrGenerate(dir.resolve("platform"), DemoSize.TINY, 42, LocalDate.now());
             DemoCentralServer server = DemoCentralServer.start(platform, 0);
             FaultyProxy proxy = new FaultyProxy(server.baseUrl(), seed)) {
            long cardBalance = 100_000_000;
            platform.upsert("_giftcards", CrashWorkload.GIFT_CARD, JSON.createObjectNode().put("number", CrashWorkload.GIFT_CARD)
                    .put("balanceCents", cardBalance).putNull("expiresAt"));
            proxy.setFaults(new FaultyProxy.Faults(8, 4, 12, 8, 8, 0));
            SplittableRandom random = new SplittableRandom(seed);
            int killPoints = 0;
            for (int i = 0; i < kills; i++) {
                Process child = start(home, proxy.url(), seed * 1000 + i, "run");
                java.util.Deque<String> output = new java.util.concurrent.ConcurrentLinkedDeque<>();
                boolean ready = waitForReady(child, 120_000, output);
                if (!ready) {
                    throw new IllegalStateException("the till did not start: " + String.join("\n", output));
                }
                // Kill anywhere from the first instant of selling to deep into the run.
                Thread.sleep(random.nextInt(600));
                if (!child.isAlive()) {
                    throw new IllegalStateException("the till stopped on its own (exit " + child.exitValue() + "): " + String.join("\n", output));
                }
                child.destroyForcibly();
                child.waitFor(30, TimeUnit.SECONDS);
                TRANSCRIPT.add("KILLED run " + i);
                killPoints++;
                if ((i + 1) % 50 == 0) {
                    log.println("  ... " + (i + 1) + " kill points");
                }
            }
            // The last run: what was in progress is completed, every write delivered through a network that still fails.
            Process finish = start(home, proxy.url(), seed * 1000 + kills, "finish");
            if (!finish.waitFor(15, TimeUnit.MINUTES) || finish.exitValue() != 0) {
                finish.destroyForcibly();
                throw new IllegalStateException("the finishing run failed: " + drain(finish));
            }
            return check(home, platform, cardBalance, killPoints, proxy);
        }
    }

    private Process start(Path home, String url, long childSeed, String mode) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-Dcrash.transcript=" + Boolean.getBoolean("crash.transcript"), "-cp", System.getProperty("java.class.path"), CrashWorkload.class.getName(),
                home.toString(), url, Long.toString(childSeed), mode);
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.PIPE);
        return pb.start();
    }

    /** Waits for the till to say READY; keeps its last lines of output in {@code output}. */
    private static boolean waitForReady(Process child, long timeoutMillis, java.util.Deque<String> output) throws IOException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while (System.currentTimeMillis() < deadline && (line = out.readLine()) != null) {
            keep(output, line);
            if (line.equals("READY")) {
                // Keep reading its output so that it never blocks on a full pipe.
                Thread t = new Thread(() -> {
                    try {
                        String more;
                        while ((more = out.readLine()) != null) {
                            keep(output, more);
                        }
                    } catch (IOException killed) {
                        keep(output, "(output ended: " + killed.getMessage() + ")");
                    }
                });
                t.setDaemon(true);
                t.start();
                return true;
            }
        }
        return false;
    }

    static final java.util.Queue<String> TRANSCRIPT = new java.util.concurrent.ConcurrentLinkedQueue<>();

    private static void keep(java.util.Deque<String> output, String line) {
        if (Boolean.getBoolean("crash.transcript")) {
            TRANSCRIPT.add(line);
        }
        output.addLast(line);
        while (output.size() > 40) {
            output.pollFirst();
        }
    }

    private static String drain(Process child) {
        try {
            return new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no output)";
        }
    }

    private Result check(Path home, DemoPlatformStore platform, long cardBalance, int killPoints, FaultyProxy proxy) throws Exception {
        List<String> problems = new ArrayList<>();
        for (String file : new String[]{"journal.db", "cache.db"}) {
            try (SqliteDatabase db = SqliteDatabase.open(home.resolve(file), file.startsWith("journal") ? "journal" : "cache")) {
                List<String> integrity = db.integrityProblems("integrity_check");
                if (!integrity.isEmpty()) {
                    problems.add(file + " fails integrity_check: " + integrity);
                }
            }
        }
        String deviceId;
        Map<Long, Integer> committed = new HashMap<>();
        Map<String, Integer> journalCounts = new HashMap<>();
        long pending;
        try (SqliteDatabase journal = SqliteDatabase.open(home.resolve("journal.db"), "journal")) {
            deviceId = journal.read(c -> {
                try (var s = c.createStatement(); var rs = s.executeQuery("SELECT value FROM settings WHERE key = 'device.id'")) {
                    return rs.getString(1);
                }
            });
            journal.read(c -> {
                try (var s = c.createStatement(); var rs = s.executeQuery("SELECT kind, payload FROM journal UNION ALL SELECT kind, body FROM fiscal_records")) {
                    while (rs.next()) {
                        journalCounts.merge(rs.getString(1), 1, Integer::sum);
                        if (rs.getString(1).equals("sale.completed")) {
                            JsonNode sale = JSON.readTree(rs.getString(2));
                            committed.merge(sale.path("lines").get(0).path("unitPriceCents").asLong() - CrashWorkload.MARKER_BASE, 1, Integer::sum);
                        }
                    }
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                return null;
            });
            pending = journal.read(c -> {
                try (var s = c.createStatement(); var rs = s.executeQuery("SELECT COUNT(*) FROM outbox WHERE state <> 'SENT'")) {
                    return rs.getLong(1);
                }
            });
            long unresolved = journal.read(c -> {
                try (var s = c.createStatement(); var rs = s.executeQuery("SELECT COUNT(*) FROM payment_intents WHERE state = 'ASKED'")) {
                    return rs.getLong(1);
                }
            });
            if (unresolved > 0) {
                problems.add(unresolved + " payment(s) never settled");
            }
        }
        if (pending > 0) {
            problems.add(pending + " write(s) not delivered at the end");
        }

        // Sales at the platform, by purchase marker; their money.
        Map<Long, Integer> atPlatform = new HashMap<>();
        long cardCents = 0;
        long giftCents = 0;
        for (String body : platform.appliedWrites("POST", "/v1/stores/%/sales")) {
            JsonNode sale = JSON.readTree(body);
            if (!sale.path("deviceId").asText().equals(deviceId)) {
                continue;
            }
            atPlatform.merge(sale.path("lines").get(0).path("unitPriceCents").asLong() - CrashWorkload.MARKER_BASE, 1, Integer::sum);
            for (JsonNode p : sale.path("payments")) {
                if (p.path("tender").asText().equals("CARD")) {
                    cardCents += p.path("amountCents").asLong();
                } else if (p.path("tender").asText().equals("GIFT_CARD")) {
                    giftCents += p.path("amountCents").asLong();
                }
            }
        }
        int lost = 0;
        int duplicated = 0;
        long highest = committed.keySet().stream().mapToLong(Long::longValue).max().orElse(0);
        for (long k = 1; k <= highest; k++) {
            int inJournal = committed.getOrDefault(k, 0);
            int there = atPlatform.getOrDefault(k, 0);
            if (inJournal == 0 || there == 0) {
                // A purchase begun after k-1 was recorded is only ever begun once k-1 is in the journal: a hole is a lost sale.
                lost++;
                problems.add("purchase " + k + ": " + inJournal + " in the journal, " + there + " at the platform");
            }
            if (inJournal > 1 || there > 1) {
                duplicated += Math.max(inJournal, there) - 1;
                problems.add("purchase " + k + " recorded " + inJournal + " time(s) here, " + there + " at the platform");
            }
        }
        for (Long k : atPlatform.keySet()) {
            if (k < 1 || k > highest) {
                problems.add("the platform has a sale the journal does not: purchase " + k);
                duplicated++;
            }
        }

        // Money: the terminal charged exactly what the sales say; the gift card was spent exactly once per payment.
        long charged = new SimulatedPaymentTerminal(0, home.resolve("payment-terminal").resolve("simulated-terminal.log")).approvedChargesCents();
        if (charged != cardCents) {
            problems.add("the terminal charged " + charged + " cents, the sales at the platform say " + cardCents);
        }
        long balance = JSON.readTree(platform.body("_giftcards", CrashWorkload.GIFT_CARD).orElseThrow()).path("balanceCents").asLong();
        if (cardBalance - balance != giftCents) {
            problems.add("the gift card lost " + (cardBalance - balance) + " cents, the sales at the platform say " + giftCents);
        }

        // The other writes, each by its own content.
        duplicated += compare(problems, "notes", journalCounts.getOrDefault("customer.note", 0),
                platform.appliedWrites("POST", "/v1/customers/%/notes"), b -> b.path("text").asText());
        duplicated += compare(problems, "new customers", journalCounts.getOrDefault("customer.created", 0),
                platform.appliedWrites("POST", "/v1/customers"), b -> b.path("email").asText());
        duplicated += compare(problems, "till events", journalCounts.getOrDefault("till.drawer_opened", 0),
                platform.appliedWrites("POST", "/v1/stores/%/events").stream().filter(b -> b.contains("DRAWER_OPENED")).toList(),
                b -> b.path("eventId").asText());
        duplicated += compare(problems, "e-mailed receipts", journalCounts.getOrDefault("receipt.email", 0),
                platform.appliedWrites("POST", "/v1/receipts/%/email"), b -> b.path("saleId").asText());

        // Pickup hand-overs: each journaled round applied once, and the platform's orders hold exactly as many rounds by this till.
        duplicated += compare(problems, "pickup hand-overs", journalCounts.getOrDefault("pickup.handover", 0),
                platform.appliedWrites("POST", "/v1/pickups/%/handover"), b -> b.path("orderId").asText() + ":" + b.path("round").asInt());
        int rounds = 0;
        for (String body : platform.bodiesWhere("pickups", "storeId", "st-par01")) {
            for (JsonNode h : JSON.readTree(body).path("handovers")) {
                rounds += h.path("deviceId").asText().equals(deviceId) ? 1 : 0;
            }
        }
        if (rounds != journalCounts.getOrDefault("pickup.handover", 0)) {
            problems.add("pickup hand-overs: " + journalCounts.getOrDefault("pickup.handover", 0) + " journaled, " + rounds
                    + " rounds in the platform's orders (missing)");
        }
        log.printf("pickup hand-overs: %d journaled, %d at the platform%n", journalCounts.getOrDefault("pickup.handover", 0), rounds);

        int committedSales = committed.values().stream().mapToInt(Integer::intValue).sum();
        int platformSales = atPlatform.values().stream().mapToInt(Integer::intValue).sum();
        log.printf("faults met: %d refused, %d gateway pages, %d answers lost, %d writes duplicated, %d stale pages%n",
                proxy.refused.get(), proxy.gatewayPages.get(), proxy.lostAnswers.get(), proxy.duplicated.get(), proxy.stalePages.get());
        log.printf("card payments %d cents = terminal %d cents; gift card payments %d cents%n", cardCents, charged, giftCents);
        lost += problems.stream().filter(p -> p.contains("missing")).count();
        return new Result(killPoints, committedSales, platformSales, lost, duplicated, problems);
    }

    /** Journaled {@code expected}; applied once each by content at the platform. Returns the duplicates. */
    private static int compare(List<String> problems, String what, int expected, List<String> applied,
                               java.util.function.Function<JsonNode, String> identity) throws IOException {
        Map<String, Integer> seen = new HashMap<>();
        for (String body : applied) {
            seen.merge(identity.apply(JSON.readTree(body)), 1, Integer::sum);
        }
        int duplicates = seen.values().stream().mapToInt(n -> n - 1).sum();
        if (duplicates > 0) {
            problems.add(what + ": " + duplicates + " applied twice");
        }
        if (seen.size() != expected) {
            problems.add(what + ": " + expected + " journaled, " + seen.size() + " at the platform (missing)");
        }
        return duplicates;
    }

    /** {@code java ... CrashHarness <kills> [dir]}: the long setting, from a command line. */
    public static void main(String[] args) throws Exception {
        int kills = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        Path dir = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("comptoir-crash");
        Result r = new CrashHarness(dir, 2026, System.out).run(kills);
        if (Boolean.getBoolean("crash.transcript")) {
            Files.write(dir.resolve("transcript.txt"), TRANSCRIPT);
        }
        System.out.println(r.line());
        r.problems().forEach(p -> System.out.println("  " + p));
        System.exit(r.lost() == 0 && r.duplicated() == 0 && r.problems().isEmpty() ? 0 : 1);
    }

    static String classpathOf(File... entries) {
        return String.join(File.pathSeparator, java.util.Arrays.stream(entries).map(File::toString).toList());
    }
}
