package fr.comptoir.sale;

import fr.comptoir.catalog.Gtin;
import fr.comptoir.centralapi.DeviceActivation;
import fr.comptoir.centralapi.HttpCentralPlatform;
import fr.comptoir.centralapi.RetryPolicy;
import fr.comptoir.centralapi.WireJson;
import fr.comptoir.demo.DemoCentralServer;
import fr.comptoir.demo.DemoPlatformStore;
import fr.comptoir.demo.DemoSize;
import fr.comptoir.storage.SqliteDatabase;
import fr.comptoir.storage.SqliteFeedCache;
import fr.comptoir.storage.SqliteJournal;
import fr.comptoir.storage.SqliteOutbox;
import fr.comptoir.sync.SyncEngine;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 200 sales made during an outage reach the demo platform exactly once, through a network that keeps
 * failing: refused requests, and answers lost after the platform applied the write.
 */
class OfflineSalesFaultTest {

    @TempDir
    Path dir;

    enum Mode { DOWN, FLAKY }

    /** Forwards to the real platform, or not, or loses the answer, as the mode and a seeded coin say. */
    static final class FaultyNetwork extends Dispatcher {
        final String target;
        final OkHttpClient http = new OkHttpClient();
        final SplittableRandom coin = new SplittableRandom(2026);
        final AtomicInteger lostAnswers = new AtomicInteger();
        final AtomicInteger refused = new AtomicInteger();
        volatile Mode mode = Mode.DOWN;

        FaultyNetwork(String target) {
            this.target = target;
        }

        @Override
        public synchronized MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            if (mode == Mode.DOWN || coin.nextInt(100) < 20) {
                refused.incrementAndGet();
                return new MockResponse().setResponseCode(503).setHeader("Retry-After", "0");
            }
            MockResponse answer = forward(request);
            if (request.getMethod().equals("POST") && coin.nextInt(100) < 25) {
                // The platform applied it; the answer never reaches the till.
                lostAnswers.incrementAndGet();
                return new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AT_START);
            }
            return answer;
        }

        private MockResponse forward(RecordedRequest r) {
            Request.Builder b = new Request.Builder().url(target + r.getPath().substring(1));
            Headers h = r.getHeaders();
            for (String name : h.names()) {
                if (!name.equalsIgnoreCase("Host") && !name.equalsIgnoreCase("Content-Length")) {
                    b.header(name, h.get(name));
                }
            }
            if (r.getMethod().equals("GET")) {
                b.get();
            } else {
                b.method(r.getMethod(), RequestBody.create(r.getBody().readByteArray(), MediaType.get("application/json")));
            }
            try (Response resp = http.newCall(b.build()).execute()) {
                MockResponse m = new MockResponse().setResponseCode(resp.code()).setBody(resp.body() == null ? "" : resp.body().string());
                resp.headers().forEach(p -> {
                    if (!p.getFirst().equalsIgnoreCase("Content-Length") && !p.getFirst().equalsIgnoreCase("Transfer-Encoding")) {
                        m.setHeader(p.getFirst(), p.getSecond());
                    }
                });
                return m;
            } catch (IOException e) {
                return new MockResponse().setResponseCode(502);
            }
        }
    }

    @Test
    void twoHundredOfflineSalesArriveExactlyOnce() throws Exception {
        try (DemoPlatformStore platform = DemoPlatformStore.openOrGenerate(dir.resolve("platform"), DemoSize.TINY, 42, LocalDate.of(2026, 11, 20));
             DemoCentralServer server = DemoCentralServer.start(platform, 0);
             MockWebServer network = new MockWebServer();
             SqliteDatabase cacheDb = SqliteDatabase.open(dir.resolve("cache.db"), "cache");
             SqliteDatabase journalDb = SqliteDatabase.open(dir.resolve("journal.db"), "journal")) {
            DeviceActivation device = new HttpCentralPlatform(server.baseUrl(), () -> null, HttpCentralPlatform.defaultClient(), RetryPolicy.NONE)
                    .activate("DEMO", "till-1");
            FaultyNetwork faults = new FaultyNetwork(server.baseUrl());
            network.setDispatcher(faults);
            network.start();

            SqliteJournal journal = new SqliteJournal(journalDb, WireJson::encode, Clock.systemUTC());
            SqliteOutbox outbox = new SqliteOutbox(journalDb);
            HttpCentralPlatform central = new HttpCentralPlatform(network.url("/").toString(),
                    () -> new HttpCentralPlatform.Credentials(device.storeId(), device.accessToken()),
                    new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(5)).retryOnConnectionFailure(false).build(),
                    new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(5)));
            SyncEngine engine = new SyncEngine(central, new SqliteFeedCache(cacheDb, WireJson.codec()), outbox, Clock.systemUTC(),
                    new SyncEngine.Settings(500, Duration.ofMinutes(10), Duration.ofMinutes(10), Duration.ofMillis(1)));

            SaleCompletion completion = new SaleCompletion(journal, Clock.systemUTC());
            SaleCompletion.Seller seller = new SaleCompletion.Seller(device.storeId(), "PAR01", device.deviceId(), "stf-par01-2", "Léo Martin");
            String variant = "prd-1-1";
            List<String> tickets = new ArrayList<>();
            SimulatedPaymentTerminal terminal = new SimulatedPaymentTerminal(0);
            for (int i = 0; i < 200; i++) {
                List<BasketLine> lines = List.of(new BasketLine(variant, "SKU", "Article", 1, 1_000 + i * 10, 2000, null));
                Checkout checkout = new Checkout(lines.get(0).totalCents());
                if (i % 2 == 0) {
                    checkout.payCash(5_000);
                } else {
                    checkout.payCard(terminal, checkout.dueCents(), "r" + i);
                }
                tickets.add(completion.complete(lines, null, Set.of(), checkout, seller).ticketNumber());
                if (i % 50 == 0) {
                    engine.drainOutbox();
                }
            }
            assertThat(outbox.pendingCount()).isEqualTo(200);
            int stockBefore = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(platform.body("stock", device.storeId() + ":" + variant).orElseThrow()).path("onHand").asInt();

            faults.mode = Mode.FLAKY;
            for (int round = 0; round < 400 && outbox.pendingCount() > 0; round++) {
                Thread.sleep(2);
                outbox.makeDueNow();
                engine.drainOutbox();
            }

            assertThat(outbox.pendingCount()).isZero();
            assertThat(outbox.needsAttentionCount()).isZero();
            assertThat(faults.lostAnswers.get()).as("answers lost on the way").isPositive();
            assertThat(faults.refused.get()).isPositive();
            for (String ticket : tickets) {
                assertThat(platform.bodiesWhere("orders", "number", ticket)).as(ticket).hasSize(1);
            }
            int stockAfter = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(platform.body("stock", device.storeId() + ":" + variant).orElseThrow()).path("onHand").asInt();
            assertThat(stockAfter).isEqualTo(Math.max(0, stockBefore - 200));
            engine.close();
        }
    }
}
