package fr.comptoir.centralapi;

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
            {"changes":[
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
        server.enqueue(new MockResponse().setBody(PAGE));

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
    void retriesA503AfterTheDelayTheServerAsksFor() {
        server.enqueue(new MockResponse().setResponseCode(503).setHeader("Retry-After", "0"));
        server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "0"));
        server.enqueue(new MockResponse().setBody(PAGE));

        assertThat(client.pull(Feed.CUSTOMERS, null, 10, false, handler).nextCursor()).isEqualTo("abc");
        assertThat(server.getRequestCount()).isEqualTo(3);
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
        server.enqueue(new MockResponse().setBody("{\"changes\":[{\"op\":\"upsert\",\"id\":\"c1\",\"data\":{\"id\":\"c1\",\"firstName\":"));
        assertThatThrownBy(() -> client.pull(Feed.CUSTOMERS, null, 10, false, handler)).isInstanceOf(CentralProtocolException.class);
    }

    @Test
    void aBodyCutOffMidStreamIsAProtocolError() {
        server.enqueue(new MockResponse().setBody(PAGE).setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));
        assertThatThrownBy(() -> client.pull(Feed.CUSTOMERS, null, 10, false, handler)).isInstanceOf(CentralProtocolException.class);
    }

    @Test
    void aRecordThatDoesNotMatchTheContractIsRefused() {
        server.enqueue(new MockResponse().setBody("""
                {"changes":[{"op":"upsert","id":"c1","data":{"id":"c1","loyaltyTier":"DIAMOND","loyaltyPoints":1}}],
                 "nextCursor":"a","hasMore":false}"""));
        assertThatThrownBy(() -> client.pull(Feed.CUSTOMERS, null, 10, false, handler))
                .isInstanceOf(CentralProtocolException.class).hasMessageContaining("c1");
    }

    @Test
    void unknownOperationsAndMissingCursorsAreRefused() {
        server.enqueue(new MockResponse().setBody("{\"changes\":[{\"op\":\"merge\",\"id\":\"c1\"}],\"nextCursor\":\"a\",\"hasMore\":false}"));
        assertThatThrownBy(() -> client.pull(Feed.CUSTOMERS, null, 10, false, handler)).hasMessageContaining("merge");
        server.enqueue(new MockResponse().setBody("{\"changes\":[],\"hasMore\":false}"));
        assertThatThrownBy(() -> client.pull(Feed.CUSTOMERS, null, 10, false, handler)).hasMessageContaining("nextCursor");
    }

    @Test
    void problemDetailsBecomeARejectionWithoutRetry() {
        server.enqueue(new MockResponse().setResponseCode(409).setHeader("Content-Type", "application/problem+json")
                .setBody("{\"type\":\"https://x/already-handed-over\",\"title\":\"Already handed over\",\"status\":409,\"detail\":\"Order W1 was handed over at 10:02\"}"));
        assertThatThrownBy(() -> client.deliver(new PendingWrite(1, WriteKinds.STAFF_EVENT, "k1", "{}", 0)))
                .isInstanceOfSatisfying(CentralRejectedException.class, e -> {
                    assertThat(e.isConflict()).isTrue();
                    assertThat(e.detail()).contains("W1");
                });
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aWriteKeepsItsIdempotencyKeyOnEveryRetryAndSeesReplays() throws InterruptedException {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        server.enqueue(new MockResponse().setResponseCode(500));
        server.enqueue(new MockResponse().setResponseCode(201).setHeader("Idempotent-Replayed", "true").setBody("{\"eventId\":\"e1\"}"));

        DeliveryReceipt receipt = client.deliver(new PendingWrite(1, WriteKinds.STAFF_EVENT, "key-42", "{\"eventId\":\"e1\"}", 0));

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
