package fr.comptoir.comptoirapi;

import fr.comptoir.centralapi.CentralFailedException;
import fr.comptoir.centralapi.CentralPlatformException;
import fr.comptoir.centralapi.CentralProtocolException;
import fr.comptoir.centralapi.CentralRejectedException;
import fr.comptoir.centralapi.CentralUnreachableException;
import fr.comptoir.centralapi.ChangeHandler;
import fr.comptoir.centralapi.DeliveryReceipt;
import fr.comptoir.centralapi.Feed;
import fr.comptoir.centralapi.FeedPage;
import fr.comptoir.centralapi.FeedRestartException;
import fr.comptoir.centralapi.PendingWrite;

import fr.comptoir.customers.Customer;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The HTTP client against a scripted server: retries, Retry-After, timeouts, bad JSON, problems. */
class HttpCentralPlatformTest {

    MockWebServer server;
    HttpCentralPlatform client;
    final List<Customer> upserts = new ArrayList<>();
    final List<String> deletes = new ArrayList<>();
    final ChangeHandler<Customer> handler = new ChangeHandler<>() {
        @Override
        public void upsert(Customer item) {
            upserts.add(item);
        }

        @Override
        public void delete(String id) {
            deletes.add(id);
        }
    };

    static final String PAGE = """
            {"feed":"customers","cursor":"xyz","changes":[
              {"op":"upsert","id":"c1","data":{"id":"c1","firstName":"Hélène","lastName":"Martin","email":"h@example.fr",
               "phone":"0612345678","loyaltyCard":null,"loyaltyTier":"GOLD","loyaltyPoints":120,"emailConsent":true,
               "smsConsent":false,"createdAt":"2024-01-01","someFutureField":{"x":1}}},
              {"op":"delete","id":"c9"}
            ],"nextCursor":"abc","hasMore":true,"remaining":10}""";

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
        // No pooled connections: every attempt opens its own, so a scripted response is never skipped by a stale socket.
        OkHttpClient http = new OkHttpClient.Builder().readTimeout(Duration.ofMillis(800)).retryOnConnectionFailure(false)
                .connectionPool(new okhttp3.ConnectionPool(0, 1, java.util.concurrent.TimeUnit.SECONDS)).build();
        client = new HttpCentralPlatform(server.url("/").toString(), () -> new HttpCentralPlatform.Credentials("st-1", "tok"),
                http, new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(200)));
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    @Test
    void streamsAFeedPageToTheHandler() throws InterruptedException {
        server.enqueue(json(PAGE));

        FeedPage page = client.pull(Feed.CUSTOMERS, "xyz", 100, true, handler);

        assertThat(page).isEqualTo(new FeedPage("abc", true, 2, 10));
        assertThat(upserts).singleElement().satisfies(c -> {
            assertThat(c.firstName()).isEqualTo("Hélène");
            assertThat(c.loyaltyTier()).isEqualTo(Customer.LoyaltyTier.GOLD);
        });
        assertThat(deletes).containsExactly("c9");
        RecordedRequest r = server.takeRequest();
        assertThat(r.getPath()).isEqualTo("/v1/feeds/customers?limit=100&cursor=xyz&withRemaining=true");
        assertThat(r.getHeader("Authorization")).isEqualTo("Bearer tok");
    }

    @Test
    void aCompressedPageIsReadAsTheSame() throws Exception {
        okio.Buffer gzipped = new okio.Buffer();
        try (okio.BufferedSink sink = okio.Okio.buffer(new okio.GzipSink(gzipped))) {
            sink.writeUtf8(PAGE);
        }
        server.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setHeader("Content-Encoding", "gzip").setBody(gzipped));

        FeedPage page = client.pull(Feed.CUSTOMERS, "xyz", 100, true, handler);

        assertThat(page).isEqualTo(new FeedPage("abc", true, 2, 10));
        assertThat(upserts).singleElement().satisfies(c -> assertThat(c.lastName()).isEqualTo("Martin"));
        assertThat(server.takeRequest().getHeader("Accept-Encoding")).isEqualTo("gzip");
    }

    @Test
    void aChangesFieldsMayComeInAnyOrderAndARecordOutsideTheContractStopsThePage() {
        server.enqueue(json("""
                {"feed":"customers","cursor":"xyz","changes":[
                  {"data":{"loyaltyTier":"NONE","id":"c2","lastName":"Curie","firstName":"Marie","loyaltyPoints":0,
                   "emailConsent":false,"smsConsent":false},"id":"c2","op":"upsert"},
                  {"id":"c9","op":"delete","data":null}
                ],"nextCursor":"abc","hasMore":false}"""));

        assertThat(client.pull(Feed.CUSTOMERS, "xyz", 100, false, handler)).isEqualTo(new FeedPage("abc", false, 2, -1));
        assertThat(upserts).singleElement().satisfies(c -> assertThat(c.firstName()).isEqualTo("Marie"));
        assertThat(deletes).containsExactly("c9");

        server.enqueue(json("""
                {"feed":"customers","cursor":"xyz","changes":[
                  {"op":"upsert","id":"c3","data":{"id":"c3","firstName":"A","lastName":"B","loyaltyTier":"DIAMOND","loyaltyPoints":0,
                   "emailConsent":false,"smsConsent":false}}
                ],"nextCursor":"abc","hasMore":false}"""));
        assertThatThrownBy(() -> client.pull(Feed.CUSTOMERS, "xyz", 100, false, handler))
                .isInstanceOf(CentralProtocolException.class).hasMessageContaining("record c3 does not match the contract");
        server.enqueue(json("""
                {"feed":"customers","cursor":"xyz","changes":[{"op":"upsert","data":{"id":"c4","firstName":"A","lastName":"B",
                  "loyaltyTier":"NONE","loyaltyPoints":0,"emailConsent":false,"smsConsent":false}}],"nextCursor":"abc","hasMore":false}"""));
        assertThatThrownBy(() -> client.pull(Feed.CUSTOMERS, "xyz", 100, false, handler))
                .isInstanceOf(CentralProtocolException.class).hasMessageContaining("change without id");
        assertThat(upserts).hasSize(1);
    }

    static MockResponse json(String body) {
        return new MockResponse().setHeader("Content-Type", "application/json").setBody(body);
    }

    static MockResponse problem(int status, String type, String title, String detail) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/problem+json")
                .setBody("{\"type\":\"https://comptoir.example/problems/" + type + "\",\"title\":\"" + title + "\",\"status\":" + status
                        + ",\"detail\":\"" + detail + "\"}");
    }

    @Test
    void retriesA503AfterTheDelayTheServerAsksFor() {
        server.enqueue(new MockResponse().setResponseCode(503).setHeader("Retry-After", "1"));
        server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "0"));
        server.enqueue(json(PAGE));

        HttpCentralPlatform patient = new HttpCentralPlatform(server.url("/").toString(), () -> new HttpCentralPlatform.Credentials("st-1", "tok"),
                new OkHttpClient.Builder().retryOnConnectionFailure(false).build(), new RetryPolicy(3, Duration.ofMillis(10), Duration.ofSeconds(5)));
        long t0 = System.nanoTime();
        assertThat(patient.pull(Feed.CUSTOMERS, "xyz", 10, false, handler).nextCursor()).isEqualTo("abc");
        assertThat(server.getRequestCount()).isEqualTo(3);
        // The policy's own delay is 10 ms: only the server's Retry-After makes it wait a second.
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    @Test
    void aPageThatAnswersAnotherRequestIsRefused() {
        server.enqueue(json(PAGE));
        assertThatThrownBy(() -> client.pull(Feed.CUSTOMERS, "another-cursor", 10, false, handler))
                .isInstanceOf(CentralProtocolException.class).hasMessageContaining("answers another request");
        server.enqueue(json(PAGE));
        assertThatThrownBy(() -> client.pull(Feed.ORDERS, "xyz", 10, false, new ChangeHandler<fr.comptoir.orders.Order>() {
            @Override
            public void upsert(fr.comptoir.orders.Order item) {
            }

            @Override
            public void delete(String id) {
            }
        })).isInstanceOf(CentralProtocolException.class);
        server.enqueue(json(PAGE.replace("\"feed\":\"customers\",\"cursor\":\"xyz\",", "")));
        assertThatThrownBy(() -> client.pull(Feed.CUSTOMERS, "xyz", 10, false, handler))
                .isInstanceOf(CentralProtocolException.class).hasMessageContaining("no cursor");
    }

    @Test
    void aGatewaysHtmlErrorPageIsAnOutageNotARefusal() {
        for (int code : new int[]{404, 502, 504}) {
            server.enqueue(new MockResponse().setResponseCode(code).setHeader("Content-Type", "text/html").setBody("<html>nginx</html>"));
        }
        assertThatThrownBy(() -> client.deliver(new PendingWrite(1, fr.comptoir.common.WriteKind.SALE_RECORDED.wire(), "k1", "{\"id\":\"s1\"}", 0), fr.comptoir.centralapi.WriteProgress.NOT_KEPT))
                .isInstanceOf(CentralUnreachableException.class).hasMessageContaining("did not come from the central platform");
        assertThat(server.getRequestCount()).as("retried, as an outage is").isEqualTo(3);
    }

    @Test
    void aSuccessThatIsNotThePlatformsDoesNotCountAsDelivered() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse().setResponseCode(200).setHeader("Content-Type", "text/html").setBody("<html>Welcome to the hotel wifi</html>"));
        }
        assertThatThrownBy(() -> client.deliver(new PendingWrite(1, fr.comptoir.common.WriteKind.SALE_RECORDED.wire(), "k1", "{\"id\":\"s1\"}", 0), fr.comptoir.centralapi.WriteProgress.NOT_KEPT))
                .isInstanceOf(CentralUnreachableException.class);
    }

    @Test
    void thePlatformsOwnProblemsBecomeTypedOutcomes() {
        server.enqueue(problem(410, "cursor-expired", "Cursor expired", "read again"));
        assertThatThrownBy(() -> client.pull(Feed.CUSTOMERS, "xyz", 10, false, handler)).isInstanceOf(FeedRestartException.class);
        server.enqueue(problem(401, "unauthorized", "Not authorised", "token"));
        assertThatThrownBy(() -> client.health()).isInstanceOfSatisfying(CentralRejectedException.class,
                e -> assertThat(e.reason()).isEqualTo(CentralRejectedException.Reason.CREDENTIALS));
        server.enqueue(problem(422, "insufficient-balance", "Insufficient balance", "20.00 left"));
        assertThatThrownBy(() -> client.redeemGiftCard("GC-1", 5000, "sale-1", "k")).isInstanceOfSatisfying(CentralRejectedException.class, e -> {
            assertThat(e.reason()).isEqualTo(CentralRejectedException.Reason.BUSINESS_RULE);
            assertThat(e.code()).isEqualTo("insufficient-balance");
        });
        for (int i = 0; i < 3; i++) {
            server.enqueue(problem(500, "internal", "Internal error", "NullPointerException"));
        }
        assertThatThrownBy(() -> client.health()).isInstanceOf(CentralFailedException.class);
    }

    @Test
    void aServerThatTricklesItsAnswerIsCutOffAtTheCallsDeadline() {
        HttpCentralPlatform withDeadline = new HttpCentralPlatform(server.url("/").toString(),
                () -> new HttpCentralPlatform.Credentials("st-1", "tok"),
                HttpCentralPlatform.client(Duration.ofSeconds(1)).newBuilder().readTimeout(Duration.ofSeconds(5)).build(),
                new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(20)));
        for (int i = 0; i < 2; i++) {
            // One byte every 300 ms: never silent for the read time-out, 3 minutes for the whole page.
            server.enqueue(json(PAGE).throttleBody(1, 300, TimeUnit.MILLISECONDS));
        }
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> withDeadline.pull(Feed.CUSTOMERS, "xyz", 10, false, handler)).isInstanceOf(CentralPlatformException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(15));
    }

    @Test
    void retriesADroppedConnectionThenGivesUpAsUnreachable() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AT_START));
        }
        assertThatThrownBy(() -> client.health()).isInstanceOf(CentralUnreachableException.class);
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void aServerThatNeverAnswersTimesOut() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        }
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> client.health()).isInstanceOf(CentralUnreachableException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void malformedJsonIsAProtocolError() {
        server.enqueue(json("{\"changes\":[{\"op\":\"upsert\",\"id\":\"c1\",\"data\":{\"id\":\"c1\",\"firstName\":"));
        assertThatThrownBy(() -> client.pull(Feed.CUSTOMERS, null, 10, false, handler)).isInstanceOf(CentralProtocolException.class);
    }

    @Test
    void aBodyCutOffMidStreamIsAProtocolError() {
        server.enqueue(json(PAGE).setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));
        assertThatThrownBy(() -> client.pull(Feed.CUSTOMERS, null, 10, false, handler)).isInstanceOf(CentralProtocolException.class);
    }

    @Test
    void aRecordThatDoesNotMatchTheContractIsRefused() {
        server.enqueue(json("""
                {"feed":"customers","cursor":null,"changes":[{"op":"upsert","id":"c1","data":{"id":"c1","loyaltyTier":"DIAMOND","loyaltyPoints":1}}],
                 "nextCursor":"a","hasMore":false}"""));
        assertThatThrownBy(() -> client.pull(Feed.CUSTOMERS, null, 10, false, handler))
                .isInstanceOf(CentralProtocolException.class).hasMessageContaining("c1");
    }

    @Test
    void unknownOperationsAndMissingCursorsAreRefused() {
        server.enqueue(json("{\"feed\":\"customers\",\"cursor\":null,\"changes\":[{\"op\":\"merge\",\"id\":\"c1\"}],\"nextCursor\":\"a\",\"hasMore\":false}"));
        assertThatThrownBy(() -> client.pull(Feed.CUSTOMERS, null, 10, false, handler)).hasMessageContaining("merge");
        server.enqueue(json("{\"feed\":\"customers\",\"cursor\":null,\"changes\":[],\"hasMore\":false}"));
        assertThatThrownBy(() -> client.pull(Feed.CUSTOMERS, null, 10, false, handler)).hasMessageContaining("nextCursor");
    }

    @Test
    void aKindThisVersionDoesNotKnowIsRefusedBeforeAnythingIsSent() {
        // A journal written by a newer Comptoir may hold one: the sync engine sets it aside for a manager.
        assertThatThrownBy(() -> client.deliver(new PendingWrite(1, "gift-card-issued", "k1", "{}", 0), fr.comptoir.centralapi.WriteProgress.NOT_KEPT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gift-card-issued");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void problemDetailsBecomeARejectionWithoutRetry() {
        server.enqueue(problem(409, "already-handed-over", "Already handed over", "Order W1 was handed over at 10:02"));
        assertThatThrownBy(() -> client.deliver(new PendingWrite(1, fr.comptoir.common.WriteKind.STAFF_EVENT.wire(), "k1", "{}", 0), fr.comptoir.centralapi.WriteProgress.NOT_KEPT))
                .isInstanceOfSatisfying(CentralRejectedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(CentralRejectedException.Reason.CONFLICT);
                    assertThat(e.code()).isEqualTo("already-handed-over");
                    assertThat(e.detail()).contains("W1");
                });
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aWriteKeepsItsIdempotencyKeyOnEveryRetryAndSeesReplays() throws InterruptedException {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        server.enqueue(new MockResponse().setResponseCode(500));
        server.enqueue(json("{\"eventId\":\"e1\"}").setResponseCode(201).setHeader("Idempotent-Replayed", "true"));

        DeliveryReceipt receipt = client.deliver(new PendingWrite(1, fr.comptoir.common.WriteKind.STAFF_EVENT.wire(), "key-42", "{\"eventId\":\"e1\"}", 0), fr.comptoir.centralapi.WriteProgress.NOT_KEPT);

        assertThat(receipt.replayed()).isTrue();
        for (int i = 0; i < 3; i++) {
            RecordedRequest r = server.takeRequest(1, TimeUnit.SECONDS);
            assertThat(r.getHeader("Idempotency-Key")).isEqualTo("key-42");
            assertThat(r.getPath()).isEqualTo("/v1/stores/st-1/events");
        }
    }

    @Test
    void retryAfterAcceptsSecondsAndHttpDatesAndIsCapped() {
        java.time.Instant now = java.time.Instant.parse("2026-11-20T10:00:00Z");
        assertThat(RetryPolicy.parseRetryAfter("7", now)).isEqualTo(Duration.ofSeconds(7));
        assertThat(RetryPolicy.parseRetryAfter("Fri, 20 Nov 2026 10:00:30 GMT", now)).isEqualTo(Duration.ofSeconds(30));
        assertThat(RetryPolicy.parseRetryAfter("soon", now)).isNull();
        RetryPolicy p = new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(5));
        assertThat(p.delayAfter(1, "3600", now)).isEqualTo(Duration.ofSeconds(5));
        assertThat(p.delayAfter(3, null, now)).isBetween(Duration.ofMillis(300), Duration.ofMillis(500));
    }
}
