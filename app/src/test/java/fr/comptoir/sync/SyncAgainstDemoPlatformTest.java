package fr.comptoir.sync;

import fr.comptoir.centralapi.CentralPlatform;
import fr.comptoir.centralapi.DeviceActivation;
import fr.comptoir.comptoirapi.HttpCentralPlatform;
import fr.comptoir.centralapi.PendingWrite;
import fr.comptoir.comptoirapi.RetryPolicy;
import fr.comptoir.centralapi.CentralRejectedException;
import fr.comptoir.customers.Customer;
import fr.comptoir.demo.DemoCentralServer;
import fr.comptoir.demo.DemoDataGenerator;
import fr.comptoir.demo.DemoPlatformStore;
import fr.comptoir.demo.DemoSize;
import fr.comptoir.staff.StaffEvent;
import fr.comptoir.storage.SqliteDatabase;
import fr.comptoir.storage.SqliteFeedCache;
import fr.comptoir.storage.SqliteJournal;
import fr.comptoir.storage.SqliteOutbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Sync between real SQLite files and the demo central platform over real HTTP on loopback. */
class SyncAgainstDemoPlatformTest {

    @TempDir
    Path dir;
    DemoPlatformStore platformStore;
    DemoCentralServer server;
    SqliteDatabase cacheDb;
    SqliteDatabase journalDb;
    SqliteFeedCache cache;
    SqliteOutbox outbox;
    SqliteJournal journal;
    SyncEngine engine;
    DeviceActivation device;
    CentralPlatform central;

    @BeforeEach
    void setUp() throws Exception {
        platformStore = DemoPlatformStore.openOrGenerate(dir.resolve("platform"), DemoSize.TINY, 42, LocalDate.of(2026, 11, 20));
        server = DemoCentralServer.start(platformStore, 0);
        device = new HttpCentralPlatform(server.baseUrl(), () -> null, HttpCentralPlatform.defaultClient(), RetryPolicy.NONE)
                .activate(DemoDataGenerator.DEMO_ACTIVATION_CODE, "test", java.util.UUID.randomUUID().toString(),
                        fr.comptoir.fiscal.SigningKeyRegistration.of(fr.comptoir.fiscal.SigningKey.generate()));
        cacheDb = SqliteDatabase.open(dir.resolve("cache.db"), "cache");
        journalDb = SqliteDatabase.open(dir.resolve("journal.db"), "journal");
        cache = new SqliteFeedCache(cacheDb, fr.comptoir.storage.CanonicalJson.codec());
        outbox = new SqliteOutbox(journalDb);
        journal = new SqliteJournal(journalDb, fr.comptoir.storage.CanonicalJson.codec(), Clock.systemUTC());
        engine = engineOn(server.port());
    }

    private SyncEngine engineOn(int port) {
        central = new HttpCentralPlatform("http://127.0.0.1:" + port + "/",
                () -> new HttpCentralPlatform.Credentials(device.storeId(), device.accessToken()),
                HttpCentralPlatform.defaultClient(), new RetryPolicy(2, Duration.ofMillis(20), Duration.ofMillis(100)));
        return new SyncEngine(central, cache, outbox, Clock.systemUTC(),
                new SyncEngine.Settings(37, Duration.ofMinutes(10), Duration.ofMillis(200), Duration.ofMillis(300)));
    }

    @AfterEach
    void tearDown() {
        engine.close();
        server.close();
        platformStore.close();
        cacheDb.close();
        journalDb.close();
    }

    @Test
    void aFullSyncBringsExactlyThePlatformsDataSetInSmallPages() {
        SyncEngine.Report report = engine.syncOnce();

        assertThat(report.ok()).as(report.error()).isTrue();
        Map<String, Long> expected = new java.util.HashMap<>(platformStore.liveCounts(device.storeId()));
        expected.keySet().retainAll(fr.comptoir.centralapi.Feed.ALL.stream().map(fr.comptoir.centralapi.Feed::name).toList());
        assertThat(expected).hasSize(fr.comptoir.centralapi.Feed.ALL.size());
        assertThat(expected.get("staff")).as("only this store's staff").isEqualTo(5);
        assertThat(cache.counts()).containsAllEntriesOf(expected);
        assertThat(expected.get("customers")).isEqualTo(DemoSize.TINY.customers);
        assertThat(engine.status().initialSyncDone()).isTrue();
        assertThat(engine.status().connectivity()).isEqualTo(Connectivity.ONLINE);
    }

    @Test
    void incrementalSyncAppliesOnlyNewChangesAndTombstones() {
        engine.syncOnce();
        platformStore.upsert("customers", "cus-2", new Customer("cus-2", "Marie", "Curie-Sklodowska", "marie@example.fr",
                null, null, Customer.LoyaltyTier.GOLD, 10, true, true, "2020-01-01"));
        platformStore.delete("customers", "cus-3");

        SyncEngine.Report report = engine.syncOnce();

        assertThat(report.changesByFeed()).containsEntry("customers", 2).containsEntry("orders", 0);
        assertThat(cache.counts().get("customers")).isEqualTo(DemoSize.TINY.customers - 1);
    }

    @Test
    void whenThePlatformsDataIsRebuiltExpiredCursorsAreReadAgainFromTheStart() throws Exception {
        engine.syncOnce();
        // Records the rebuilt platform no longer has at all (their tombstones gone with the old data),
        // and a customer created here, not delivered yet.
        cache.applyPage(fr.comptoir.centralapi.Feed.CUSTOMERS, (cursor, h) -> {
            h.upsert(new Customer("cus-ghost", "Gaspard", "Fantôme", null, null, null, Customer.LoyaltyTier.NONE, 0, false, false, null));
            return new fr.comptoir.centralapi.FeedPage(cursor, false, 1, 0);
        }, 1);
        cache.applyPage(fr.comptoir.centralapi.Feed.PRODUCTS, (cursor, h) -> {
            h.upsert(new fr.comptoir.catalog.Product("prd-ghost", "REFG", "Écharpe disparue", "Atelier Nord", "Maille", 2000,
                    java.util.List.of(new fr.comptoir.catalog.Variant("prd-ghost-1", "REFG-U-TU", "3769999999994", null, null, 2999))));
            return new fr.comptoir.centralapi.FeedPage(cursor, false, 1, 0);
        }, 1);
        cache.applyLocal(new Customer("local-1", "Nouvelle", "Cliente", null, null, null, Customer.LoyaltyTier.NONE, 0, false, false, null));
        int port = server.port();
        server.close();
        Path file = platformStore.file();
        platformStore.close();
        java.nio.file.Files.delete(file);
        platformStore = DemoPlatformStore.openOrGenerate(dir.resolve("platform"), DemoSize.TINY, 42, LocalDate.of(2026, 11, 20));
        server = DemoCentralServer.start(platformStore, port);
        device = new HttpCentralPlatform(server.baseUrl(), () -> null, HttpCentralPlatform.defaultClient(), RetryPolicy.NONE)
                .activate(DemoDataGenerator.DEMO_ACTIVATION_CODE, "test", java.util.UUID.randomUUID().toString(),
                        fr.comptoir.fiscal.SigningKeyRegistration.of(fr.comptoir.fiscal.SigningKey.generate()));
        engine.close();
        engine = engineOn(port);

        SyncEngine.Report report = engine.syncOnce();

        assertThat(report.ok()).as(report.error()).isTrue();
        assertThat(report.changesByFeed().get("customers")).isEqualTo(DemoSize.TINY.customers);
        // What the platform no longer has is gone from the cache, with its variants; the local customer stays.
        assertThat(cache.counts().get("customers")).isEqualTo(DemoSize.TINY.customers + 1);
        assertThat(cache.counts()).containsEntry("products", platformStore.liveCounts(device.storeId()).get("products"));
        int ghosts = cacheDb.read(c -> {
            try (var s = c.createStatement(); var rs = s.executeQuery(
                    "SELECT (SELECT COUNT(*) FROM customers WHERE id = 'cus-ghost') + (SELECT COUNT(*) FROM variants WHERE id = 'prd-ghost-1')"
                            + " + (SELECT COUNT(*) FROM feed_rescan_seen) + (SELECT COUNT(*) FROM sync_state WHERE rescanning = 1)"
                            + " - (SELECT COUNT(*) FROM customers WHERE id = 'local-1')")) {
                return rs.getInt(1);
            }
        });
        assertThat(ghosts).as("ghosts and rescan bookkeeping left, minus the local customer kept").isEqualTo(-1);
    }

    @Test
    void writesReachThePlatformExactlyOnceEvenWhenDeliveredTwice() throws Exception {
        engine.syncOnce();
        String stockId = device.storeId() + ":prd-1-1";
        int stockBefore = new com.fasterxml.jackson.databind.ObjectMapper().readTree(platformStore.body("stock", stockId).orElseThrow())
                .path("onHand").asInt();
        java.util.List<fr.comptoir.sale.BasketLine> lines = java.util.List.of(
                new fr.comptoir.sale.BasketLine("prd-1-1", "SKU", "Article", 1, 2_500, 2000, null));
        fr.comptoir.sale.Checkout paid = new fr.comptoir.sale.Checkout(2_500);
        paid.payCash(2_500);
        fr.comptoir.sale.SaleRecord sale = new fr.comptoir.sale.SaleCompletion(journal, Clock.systemUTC()).complete("sale-twice", lines, null,
                java.util.Set.of(), null, paid, new fr.comptoir.sale.SaleCompletion.Seller(device.storeId(), "PAR01", device.deviceId(), "s", "S"));
        PendingWrite write = outbox.due(System.currentTimeMillis(), 1).get(0);

        // A first delivery whose answer was lost, as if the network broke after the platform applied it.
        assertThat(central.deliver(write, fr.comptoir.centralapi.WriteProgress.NOT_KEPT).replayed()).isFalse();
        assertThat(engine.drainOutbox()).isEqualTo(1);
        assertThat(central.deliver(write, fr.comptoir.centralapi.WriteProgress.NOT_KEPT).replayed()).isTrue();

        // Counted at the platform, in effects a duplicate would add to: sales applied, the stock.
        assertThat(platformStore.appliedWrites("POST", "/v1/stores/%/sales")).hasSize(1);
        assertThat(platformStore.bodiesWhere("orders", "number", sale.ticketNumber())).hasSize(1);
        int stockAfter = new com.fasterxml.jackson.databind.ObjectMapper().readTree(platformStore.body("stock", stockId).orElseThrow())
                .path("onHand").asInt();
        assertThat(stockAfter).isEqualTo(Math.max(0, stockBefore - 1));
        assertThat(outbox.pendingCount()).isZero();
    }

    @Test
    void staleFeedPagesAreRefusedAndTheCacheEndsExactlyAsThePlatform() throws Exception {
        try (fr.comptoir.testing.FaultyProxy proxy = new fr.comptoir.testing.FaultyProxy(server.baseUrl(), 11);
             SqliteDatabase freshDb = SqliteDatabase.open(dir.resolve("fresh-cache.db"), "cache")) {
            // A first terminal reads everything through the proxy: it remembers every feed's pages.
            SyncEngine first = engineThrough(proxy.url(), cache, Duration.ofDays(1));
            assertThat(first.syncOnce().ok()).isTrue();
            first.close();
            // A new cache reads from the start while the proxy serves earlier answers in place of some pages,
            // such as the last page of a feed for its first request: applied, it would skip the whole feed.
            SqliteFeedCache fresh = new SqliteFeedCache(freshDb, fr.comptoir.storage.CanonicalJson.codec());
            proxy.setFaults(new fr.comptoir.testing.FaultyProxy.Faults(0, 0, 0, 0, 40, 0));
            SyncEngine second = engineThrough(proxy.url(), fresh, Duration.ofDays(1));
            SyncEngine.Report report = second.syncOnce();
            for (int i = 0; i < 100 && !report.ok(); i++) {
                report = second.syncOnce();
            }
            second.close();

            assertThat(report.ok()).as(report.error()).isTrue();
            assertThat(proxy.stalePages.get()).isPositive();
            Map<String, Long> expected = new java.util.HashMap<>(platformStore.liveCounts(device.storeId()));
            expected.keySet().retainAll(fr.comptoir.centralapi.Feed.ALL.stream().map(fr.comptoir.centralapi.Feed::name).toList());
            assertThat(fresh.counts()).isEqualTo(expected);
        }
    }

    @Test
    void aCacheThatDriftedFromThePlatformIsFoundAndReadAgain() {
        engine.close();
        engine = engineThrough(server.baseUrl(), cache, Duration.ZERO);
        assertThat(engine.syncOnce().reReadFeeds()).isEmpty();
        // Rows lost behind the cursor's back (a page applied out of place, a damaged file).
        cacheDb.inTransaction(c -> {
            try (var s = c.createStatement()) {
                s.executeUpdate("DELETE FROM customers WHERE id IN (SELECT id FROM customers ORDER BY id LIMIT 10)");
                s.executeUpdate("DELETE FROM stock WHERE rowid IN (SELECT rowid FROM stock LIMIT 7)");
            }
            return null;
        });

        SyncEngine.Report report = engine.syncOnce();

        assertThat(report.reReadFeeds()).containsExactlyInAnyOrder("customers", "stock");
        Map<String, Long> expected = new java.util.HashMap<>(platformStore.liveCounts(device.storeId()));
        expected.keySet().retainAll(fr.comptoir.centralapi.Feed.ALL.stream().map(fr.comptoir.centralapi.Feed::name).toList());
        assertThat(cache.counts()).isEqualTo(expected);
        assertThat(engine.syncOnce().reReadFeeds()).as("no drift is seen where there is none").isEmpty();
    }

    private SyncEngine engineThrough(String url, SqliteFeedCache target, Duration consistencyCheck) {
        HttpCentralPlatform c = new HttpCentralPlatform(url, () -> new HttpCentralPlatform.Credentials(device.storeId(), device.accessToken()),
                HttpCentralPlatform.defaultClient(), new RetryPolicy(2, Duration.ofMillis(5), Duration.ofMillis(20)));
        return new SyncEngine(c, target, outbox, Clock.systemUTC(),
                new SyncEngine.Settings(37, Duration.ofMinutes(10), Duration.ofMillis(200), Duration.ofMillis(300), consistencyCheck));
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefusedAndSetAsideForAPerson() {
        journal.appendWithOutbox("x", null, new fr.comptoir.common.OutboxWrite(fr.comptoir.common.WriteKind.STAFF_EVENT, "dup-key", "s", new StaffEvent("e1",
                StaffEvent.Type.SIGNED_IN, "s", device.storeId(), device.deviceId(), "2026-11-20T09:00:00Z")));
        engine.drainOutbox();
        PendingWrite tampered = new PendingWrite(99, "staff-event", "dup-key", "{\"eventId\":\"e2\"}", 0);
        assertThatThrownBy(() -> central.deliver(tampered, fr.comptoir.centralapi.WriteProgress.NOT_KEPT)).isInstanceOf(CentralRejectedException.class);

        journal.appendWithOutbox("x", null, new fr.comptoir.common.OutboxWrite(fr.comptoir.common.WriteKind.STAFF_EVENT, "bad-body", "s2", java.util.Map.of("nonsense", true)));
        engine.drainOutbox();
        assertThat(outbox.needsAttentionCount()).isEqualTo(1);
        assertThat(outbox.needsAttention().get(0).lastError()).contains("Invalid staff event");
        assertThat(platformStore.staffEventCount()).isEqualTo(1);
    }

    @Test
    void goesOfflineWhenThePlatformStopsAndDrainsPendingWritesWhenItComesBack() throws Exception {
        engine.syncOnce();
        int port = server.port();
        server.close();

        engine.heartbeat();
        assertThat(engine.status().connectivity()).isEqualTo(Connectivity.OFFLINE);
        for (int i = 0; i < 3; i++) {
            journal.record(new StaffEvent(UUID.randomUUID().toString(), StaffEvent.Type.SIGNED_IN, "stf-par01-1",
                    device.storeId(), device.deviceId(), "2026-11-20T09:00:0" + i + "Z"));
        }
        engine.drainOutbox();
        assertThat(engine.status().pendingWrites()).isEqualTo(3);
        assertThat(engine.status().lastError()).contains("unreachable");

        server = DemoCentralServer.start(platformStore, port);
        engine.heartbeat();

        SyncStatus s = engine.status();
        assertThat(s.connectivity()).isEqualTo(Connectivity.ONLINE);
        assertThat(s.pendingWrites()).isZero();
        assertThat(platformStore.staffEventCount()).isEqualTo(3);
    }

    @Test
    void theScheduleNoticesAnOutageWithinSecondsAndReportsToListeners() throws Exception {
        java.util.List<SyncStatus> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        engine.addListener(seen::add);
        engine.start();
        waitFor(() -> engine.status().initialSyncDone() && engine.status().connectivity() == Connectivity.ONLINE);
        server.close();
        waitFor(() -> seen.stream().anyMatch(s -> s.connectivity() == Connectivity.OFFLINE));
        assertThat(engine.status().lastError()).contains("unreachable");
        assertThat(seen).anyMatch(s -> s.running() && s.progress() > 0);
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met in 20 s");
            }
            Thread.sleep(50);
        }
    }
}
