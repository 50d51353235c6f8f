package fr.comptoir.sync;

import fr.comptoir.comptoirapi.HttpCentralPlatform;
import fr.comptoir.comptoirapi.RetryPolicy;
import fr.comptoir.staff.StaffEvent;
import fr.comptoir.storage.SqliteDatabase;
import fr.comptoir.storage.SqliteFeedCache;
import fr.comptoir.storage.SqliteJournal;
import fr.comptoir.storage.SqliteOutbox;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The sync engine facing a misbehaving platform: nothing is lost, nothing applied twice. */
class SyncFaultTest {

    @TempDir
    Path dir;
    MockWebServer server;
    SqliteDatabase cacheDb;
    SqliteDatabase journalDb;
    SqliteFeedCache cache;
    SqliteOutbox outbox;
    SqliteJournal journal;
    SyncEngine engine;

    static String page(String cursor, boolean more, String... customerIds) {
        StringBuilder b = new StringBuilder("{\"changes\":[");
        for (int i = 0; i < customerIds.length; i++) {
            String id = customerIds[i];
            b.append(i == 0 ? "" : ",").append("{\"op\":\"upsert\",\"id\":\"").append(id).append("\",\"data\":{\"id\":\"").append(id)
                    .append("\",\"firstName\":\"A\",\"lastName\":\"B\",\"loyaltyTier\":\"NONE\",\"loyaltyPoints\":0,")
                    .append("\"emailConsent\":false,\"smsConsent\":false}}");
        }
        return b.append("],\"nextCursor\":\"").append(cursor).append("\",\"hasMore\":").append(more).append("}").toString();
    }

    static final String EMPTY = "{\"changes\":[],\"nextCursor\":\"end\",\"hasMore\":false}";

    /**
     * Plays the scripted answers in order, as a platform that says which request each page answers:
     * feed pages get the feed and the cursor asked for.
     */
    static final class Echoing extends okhttp3.mockwebserver.Dispatcher {
        final java.util.concurrent.BlockingQueue<MockResponse> script = new java.util.concurrent.LinkedBlockingQueue<>();

        @Override
        public MockResponse dispatch(okhttp3.mockwebserver.RecordedRequest r) throws InterruptedException {
            MockResponse next = script.poll(2, java.util.concurrent.TimeUnit.SECONDS);
            if (next == null) {
                return new MockResponse().setResponseCode(599);
            }
            if (r.getPath().startsWith("/v1/feeds/") && next.getBody() != null) {
                next.setBody(echoing(r, next.getBody().clone().readUtf8()));
            }
            return next;
        }

        /** The page's body saying it answers this request's feed and cursor. */
        static String echoing(okhttp3.mockwebserver.RecordedRequest r, String body) {
            okhttp3.HttpUrl url = r.getRequestUrl();
            String feed = url.pathSegments().get(2);
            String cursor = url.queryParameter("cursor");
            String echo = "{\"feed\":\"" + feed + "\",\"cursor\":" + (cursor == null ? "null" : "\"" + cursor + "\"") + ",";
            return body.replaceFirst("^\\{", java.util.regex.Matcher.quoteReplacement(echo));
        }
    }

    final Echoing script = new Echoing();

    static MockResponse json(String body) {
        return new MockResponse().setHeader("Content-Type", "application/json").setBody(body);
    }

    @BeforeEach
    void setUp() throws Exception {
        server = new MockWebServer();
        server.setDispatcher(script);
        server.start();
        cacheDb = SqliteDatabase.open(dir.resolve("cache.db"), "cache");
        journalDb = SqliteDatabase.open(dir.resolve("journal.db"), "journal");
        cache = new SqliteFeedCache(cacheDb, fr.comptoir.storage.CanonicalJson.codec());
        outbox = new SqliteOutbox(journalDb);
        journal = new SqliteJournal(journalDb, fr.comptoir.storage.CanonicalJson.codec(), Clock.systemUTC());
        // No pooled connections: every attempt opens its own, so a scripted response is never skipped by a stale socket.
        OkHttpClient http = new OkHttpClient.Builder().readTimeout(Duration.ofMillis(800)).retryOnConnectionFailure(false)
                .connectionPool(new okhttp3.ConnectionPool(0, 1, java.util.concurrent.TimeUnit.SECONDS)).build();
        HttpCentralPlatform central = new HttpCentralPlatform(server.url("/").toString(),
                () -> new HttpCentralPlatform.Credentials("st-1", "tok"), http, new RetryPolicy(2, Duration.ofMillis(5), Duration.ofMillis(20)));
        engine = new SyncEngine(central, cache, outbox, Clock.systemUTC(),
                new SyncEngine.Settings(2, Duration.ofMinutes(10), Duration.ofMinutes(10), Duration.ofMillis(1)));
    }

    @AfterEach
    void tearDown() throws Exception {
        engine.close();
        server.shutdown();
        cacheDb.close();
        journalDb.close();
    }

    @Test
    void aFirstPageWhoseRemainingCountTimesOutIsAskedAgainWithoutItAndTheFeedLoads() throws Exception {
        java.util.List<String> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
        server.setDispatcher(new okhttp3.mockwebserver.Dispatcher() {
            @Override
            public MockResponse dispatch(okhttp3.mockwebserver.RecordedRequest r) {
                if (!r.getPath().startsWith("/v1/feeds/")) {
                    return new MockResponse().setResponseCode(599);
                }
                asked.add(r.getPath());
                boolean customers = r.getPath().startsWith("/v1/feeds/customers");
                MockResponse answer = json(Echoing.echoing(r, customers ? page("p1", false, "c1", "c2", "c3") : EMPTY));
                // Counting what remains of a large feed takes the platform longer than the terminal waits.
                if (customers && "true".equals(r.getRequestUrl().queryParameter("withRemaining"))) {
                    answer.setHeadersDelay(3, java.util.concurrent.TimeUnit.SECONDS);
                }
                return answer;
            }
        });

        SyncEngine.Report report = engine.syncOnce();

        assertThat(report.ok()).as(report.error()).isTrue();
        assertThat(cache.counts().get("customers")).isEqualTo(3);
        assertThat(asked.stream().filter(p -> p.startsWith("/v1/feeds/customers") && p.contains("withRemaining"))).isNotEmpty();
        assertThat(asked.stream().filter(p -> p.startsWith("/v1/feeds/customers") && !p.contains("withRemaining"))).hasSize(1);
    }

    @Test
    void aTruncatedPageIsNotKeptAndTheNextSyncResumesFromTheLastGoodCursor() throws Exception {
        // Feeds before customers: empty; customers: one good page, then a page cut off mid-body.
        int before = fr.comptoir.centralapi.Feed.ALL.indexOf(fr.comptoir.centralapi.Feed.CUSTOMERS);
        int after = fr.comptoir.centralapi.Feed.ALL.size() - before - 1;
        for (int i = 0; i < before; i++) {
            script.script.add(json(EMPTY));
        }
        script.script.add(json(page("p1", true, "c1", "c2")));
        String second = page("p2", false, "c3", "c4");
        script.script.add(json(second.substring(0, second.length() / 2)));

        SyncEngine.Report failed = engine.syncOnce();

        assertThat(failed.ok()).isFalse();
        assertThat(failed.error()).contains("Unexpected answer");
        assertThat(cache.counts().get("customers")).isEqualTo(2);

        // Second run: customers resume at p1, and the retried page is applied once.
        for (int i = 0; i < before; i++) {
            script.script.add(json(EMPTY));
        }
        script.script.add(json(second));
        for (int i = 0; i < after; i++) {
            script.script.add(json(EMPTY));
        }
        SyncEngine.Report ok = engine.syncOnce();

        assertThat(ok.ok()).as(ok.error()).isTrue();
        assertThat(cache.counts().get("customers")).isEqualTo(4);
        boolean resumed = false;
        while (server.getRequestCount() > 0) {
            var r = server.takeRequest(100, java.util.concurrent.TimeUnit.MILLISECONDS);
            if (r == null) {
                break;
            }
            resumed |= r.getPath().startsWith("/v1/feeds/customers") && r.getPath().contains("cursor=p1");
        }
        assertThat(resumed).isTrue();
    }

    @Test
    void readersNeverWaitWhileAPageIsOnItsWay() throws Exception {
        // The customers page takes two seconds to arrive, byte by byte.
        int before = fr.comptoir.centralapi.Feed.ALL.indexOf(fr.comptoir.centralapi.Feed.CUSTOMERS);
        for (int i = 0; i < before; i++) {
            script.script.add(json(EMPTY));
        }
        String slow = page("p1", false, "c1", "c2");
        script.script.add(json(slow).throttleBody(Math.max(1, slow.length() / 20), 100, java.util.concurrent.TimeUnit.MILLISECONDS));
        for (int i = before + 1; i < fr.comptoir.centralapi.Feed.ALL.size(); i++) {
            script.script.add(json(EMPTY));
        }
        java.util.concurrent.CompletableFuture<SyncEngine.Report> sync = java.util.concurrent.CompletableFuture.supplyAsync(engine::syncOnce);
        // Wait until the slow page is being read, then read the cache as a scan or a search would.
        long deadline = System.currentTimeMillis() + 10_000;
        while (!"customers".equals(engine.status().currentFeed()) && System.currentTimeMillis() < deadline) {
            Thread.sleep(5);
        }
        Thread.sleep(200);
        long t0 = System.nanoTime();
        cache.counts();
        cache.state(fr.comptoir.centralapi.Feed.CUSTOMERS);
        long waited = (System.nanoTime() - t0) / 1_000_000;
        assertThat(sync.isDone()).as("the page was still on its way").isFalse();
        assertThat(waited).as("ms a reader waited while a page was on the network").isLessThan(500);
        assertThat(sync.get(30, java.util.concurrent.TimeUnit.SECONDS).ok()).isTrue();
        assertThat(cache.counts().get("customers")).isEqualTo(2);
    }

    @Test
    void aWriteThePlatformKeepsFailingOnNeverHoldsTheOthersAndIsSetAsideAfterTenTries() throws Exception {
        journal.appendWithOutbox("x", "s1", new fr.comptoir.common.OutboxWrite(fr.comptoir.common.WriteKind.STAFF_EVENT, "poison", "record-a", java.util.Map.of("n", 0)));
        journal.appendWithOutbox("x", "s1", new fr.comptoir.common.OutboxWrite(fr.comptoir.common.WriteKind.STAFF_EVENT, "after-poison", "record-a", java.util.Map.of("n", 1)));
        journal.appendWithOutbox("x", "s1", new fr.comptoir.common.OutboxWrite(fr.comptoir.common.WriteKind.STAFF_EVENT, "other", "record-b", java.util.Map.of("n", 2)));
        String problem = "{\"type\":\"https://x/internal\",\"title\":\"Internal error\",\"status\":500,\"detail\":\"boom\"}";
        int delivered = 0;
        for (int round = 0; round < SyncEngine.MAX_WRITE_FAILURES; round++) {
            // The poisoned write gets the platform's own 500 at each of its two attempts; anything else goes through.
            script.script.add(new MockResponse().setResponseCode(500).setHeader("Content-Type", "application/problem+json").setBody(problem));
            script.script.add(new MockResponse().setResponseCode(500).setHeader("Content-Type", "application/problem+json").setBody(problem));
            if (round == 0) {
                script.script.add(json("{}").setResponseCode(201));
            }
            Thread.sleep(3);
            outbox.makeDueNow();
            delivered += engine.drainOutbox();
            if (round == 0) {
                assertThat(delivered).as("the other record's write went on").isEqualTo(1);
                assertThat(engine.status().connectivity()).as("a failing write is not an outage").isEqualTo(Connectivity.ONLINE);
            }
        }
        assertThat(outbox.needsAttention()).singleElement().satisfies(e -> assertThat(e.lastError()).startsWith("Gave up after 10 tries"));
        // Its record's next write waits for a person; nothing else was held.
        assertThat(outbox.pendingCount()).isEqualTo(1);
        assertThat(outbox.sentCount()).isEqualTo(1);
    }

    @Test
    void outboxSurvivesDropsTimeoutsAndServerErrorsWithOneKeyPerWriteAndInOrder() throws Exception {
        for (int i = 0; i < 3; i++) {
            journal.record(new StaffEvent("e" + i, StaffEvent.Type.SIGNED_IN, "s1", "st-1", "d1", "2026-11-20T09:00:00Z"));
        }
        script.script.add(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        script.script.add(new MockResponse().setResponseCode(503).setHeader("Retry-After", "0"));
        // Attempt budget spent: the write stays pending with its backoff, delivery stops to keep the order.
        assertThat(engine.drainOutbox()).isZero();
        assertThat(outbox.pendingCount()).isEqualTo(3);
        assertThat(engine.status().connectivity()).isEqualTo(Connectivity.OFFLINE);

        Thread.sleep(5);
        script.script.add(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        script.script.add(json("{}").setResponseCode(201));
        script.script.add(json("{}").setResponseCode(201));
        script.script.add(json("{}").setResponseCode(201).setHeader("Idempotent-Replayed", "true"));
        assertThat(engine.drainOutbox()).isEqualTo(3);
        assertThat(outbox.pendingCount()).isZero();
        assertThat(outbox.sentCount()).isEqualTo(3);

        Set<String> keys = new HashSet<>();
        String[] order = new String[server.getRequestCount()];
        for (int i = 0; i < order.length; i++) {
            var r = server.takeRequest();
            order[i] = r.getBody().readUtf8();
            keys.add(r.getHeader("Idempotency-Key"));
        }
        assertThat(keys).containsExactlyInAnyOrder("e0", "e1", "e2");
        assertThat(order[0]).contains("\"e0\"");
        assertThat(order[order.length - 1]).contains("\"e2\"");
    }
}
