package fr.comptoir.sale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.comptoir.centralapi.DeviceActivation;
import fr.comptoir.comptoirapi.HttpCentralPlatform;
import fr.comptoir.comptoirapi.RetryPolicy;
import fr.comptoir.demo.DemoCentralServer;
import fr.comptoir.demo.DemoPlatformStore;
import fr.comptoir.demo.DemoSize;
import fr.comptoir.storage.SqliteDatabase;
import fr.comptoir.storage.SqliteFeedCache;
import fr.comptoir.storage.SqliteJournal;
import fr.comptoir.storage.SqliteOutbox;
import fr.comptoir.sync.SyncEngine;
import fr.comptoir.testing.FaultyProxy;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 200 sales made during an outage reach the demo platform exactly once, through a network that keeps
 * failing: refused requests, gateways' HTML error pages, answers lost after the platform applied the
 * write, and writes delivered twice. "Exactly once" is counted at the platform, in business effects:
 * the sales it applied (a duplicate under a new id would be one more), their amounts, and its stock.
 */
class OfflineSalesFaultTest {

    @TempDir
    Path dir;

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void twoHundredOfflineSalesArriveExactlyOnce() throws Exception {
        try (DemoPlatformStore platform = DemoPlatformStore.openOrGenerate(dir.resolve("platform"), DemoSize.TINY, 42, LocalDate.of(2026, 11, 20));
             DemoCentralServer server = DemoCentralServer.start(platform, 0);
             FaultyProxy proxy = new FaultyProxy(server.baseUrl(), 2026);
             SqliteDatabase cacheDb = SqliteDatabase.open(dir.resolve("cache.db"), "cache");
             SqliteDatabase journalDb = SqliteDatabase.open(dir.resolve("journal.db"), "journal")) {
            DeviceActivation device = new HttpCentralPlatform(server.baseUrl(), () -> null, HttpCentralPlatform.defaultClient(), RetryPolicy.NONE)
                    .activate("DEMO", "till-1", "inst-till-1",
                        fr.comptoir.fiscal.SigningKeyRegistration.of(fr.comptoir.fiscal.SigningKey.generate()));
            String variant = "prd-1-1";
            String stockId = device.storeId() + ":" + variant;
            // Enough on the shelf that every sale shows in the platform's stock.
            JsonNode stock = JSON.readTree(platform.body("stock", stockId).orElseThrow());
            ((com.fasterxml.jackson.databind.node.ObjectNode) stock).put("onHand", 10_000);
            platform.upsert("stock", stockId, stock);

            SqliteJournal journal = new SqliteJournal(journalDb, fr.comptoir.storage.CanonicalJson.codec(), Clock.systemUTC());
            SqliteOutbox outbox = new SqliteOutbox(journalDb);
            HttpCentralPlatform central = new HttpCentralPlatform(proxy.url(),
                    () -> new HttpCentralPlatform.Credentials(device.storeId(), device.accessToken()),
                    new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(5)).retryOnConnectionFailure(false).build(),
                    new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(5)));
            SyncEngine engine = new SyncEngine(central, new SqliteFeedCache(cacheDb, fr.comptoir.storage.CanonicalJson.codec()), outbox, Clock.systemUTC(),
                    new SyncEngine.Settings(500, Duration.ofMinutes(10), Duration.ofMinutes(10), Duration.ofMillis(1)));

            proxy.setDown(true);
            SaleCompletion completion = new SaleCompletion(journal, Clock.systemUTC());
            SaleCompletion.Seller seller = new SaleCompletion.Seller(device.storeId(), "PAR01", device.deviceId(), "stf-par01-2", "Léo Martin");
            Map<Long, Integer> expectedTotals = new TreeMap<>();
            List<String> tickets = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                long price = 1_000 + i * 10L;
                List<BasketLine> lines = List.of(new BasketLine(variant, "SKU", "Article", 1, price, 2000, null));
                Checkout checkout = new Checkout(price);
                if (i % 2 == 0) {
                    checkout.payCash(5_000);
                } else {
                    checkout.add(new Payment(Payment.Tender.CARD, price, "************4242", "123456", "SIM-" + i));
                }
                tickets.add(completion.complete("sale-" + i, lines, null, Set.of(), null, checkout, seller).ticketNumber());
                expectedTotals.merge(price, 1, Integer::sum);
                if (i % 50 == 0) {
                    engine.drainOutbox();
                }
            }
            assertThat(outbox.pendingCount()).isEqualTo(200);
            assertThat(platform.appliedWrites("POST", "/v1/stores/%/sales")).isEmpty();

            proxy.setDown(false);
            proxy.setFaults(new FaultyProxy.Faults(15, 10, 25, 15, 0, 0));
            for (int round = 0; round < 500 && outbox.pendingCount() > 0; round++) {
                Thread.sleep(2);
                outbox.makeDueNow();
                engine.drainOutbox();
            }

            assertThat(outbox.pendingCount()).isZero();
            assertThat(outbox.needsAttentionCount()).as("a gateway's page is not the platform's refusal").isZero();
            assertThat(proxy.lostAnswers.get()).as("answers lost on the way").isPositive();
            assertThat(proxy.refused.get()).isPositive();
            assertThat(proxy.gatewayPages.get()).isPositive();
            assertThat(proxy.duplicated.get()).isPositive();

            List<String> applied = platform.appliedWrites("POST", "/v1/stores/%/sales");
            assertThat(applied).as("sales applied by the platform").hasSize(200);
            Map<Long, Integer> appliedTotals = new TreeMap<>();
            for (String body : applied) {
                appliedTotals.merge(JSON.readTree(body).path("totalCents").asLong(), 1, Integer::sum);
            }
            assertThat(appliedTotals).isEqualTo(expectedTotals);
            for (String ticket : tickets) {
                assertThat(platform.bodiesWhere("orders", "number", ticket)).as(ticket).hasSize(1);
            }
            int stockAfter = JSON.readTree(platform.body("stock", stockId).orElseThrow()).path("onHand").asInt();
            assertThat(stockAfter).isEqualTo(10_000 - 200);
            engine.close();
        }
    }
}
