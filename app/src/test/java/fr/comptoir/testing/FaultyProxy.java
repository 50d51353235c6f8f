package fr.comptoir.testing;

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

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fault-injecting proxy between a terminal and the real (demo) platform, over real HTTP on loopback.
 * It forwards each request, or fails it the ways networks and gateways do, as a seeded coin says:
 * refused with 503, a gateway's own HTML error page (404, 502, 504) without reaching the platform,
 * the platform's answer lost after it applied the write, the write delivered twice, a stale feed page
 * (the answer to an earlier request for the same feed) served in place of the right one, and an answer
 * trickled byte by byte. Counts what it did, so that a test knows the faults were met.
 */
public final class FaultyProxy extends Dispatcher implements AutoCloseable {

    /** Percentages of requests that meet each fault. */
    public record Faults(int refuse, int gatewayPage, int loseAnswer, int duplicate, int stalePage, int trickle) {
        public static final Faults NONE = new Faults(0, 0, 0, 0, 0, 0);
    }

    private final String target;
    private final OkHttpClient http = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(60)).build();
    private final SplittableRandom coin;
    private final MockWebServer server = new MockWebServer();
    private final Map<String, String> earlierPages = new HashMap<>();
    public final AtomicInteger refused = new AtomicInteger();
    public final AtomicInteger gatewayPages = new AtomicInteger();
    public final AtomicInteger lostAnswers = new AtomicInteger();
    public final AtomicInteger duplicated = new AtomicInteger();
    public final AtomicInteger stalePages = new AtomicInteger();
    public final AtomicInteger trickled = new AtomicInteger();
    public final AtomicInteger forwarded = new AtomicInteger();
    private volatile boolean down;
    private volatile boolean writesDown;
    private volatile Faults faults = Faults.NONE;

    public FaultyProxy(String target, long seed) throws IOException {
        this.target = target.endsWith("/") ? target : target + "/";
        this.coin = new SplittableRandom(seed);
        server.setDispatcher(this);
        server.start();
    }

    /** The proxy's address: point the terminal here. */
    public String url() {
        return server.url("/").toString();
    }

    /** Everything refused with 503, as an outage looks from the till. */
    public void setDown(boolean down) {
        this.down = down;
    }

    /** Every write refused with 503, reads forwarded: a platform whose write side is down. */
    public void setWritesDown(boolean writesDown) {
        this.writesDown = writesDown;
    }

    public void setFaults(Faults faults) {
        this.faults = faults;
    }

    private boolean roll(int percent) {
        return percent > 0 && coin.nextInt(100) < percent;
    }

    @Override
    public synchronized MockResponse dispatch(RecordedRequest request) {
        Faults f = faults;
        if (down || (writesDown && !request.getMethod().equals("GET")) || roll(f.refuse())) {
            refused.incrementAndGet();
            return new MockResponse().setResponseCode(503).setHeader("Retry-After", "0");
        }
        if (roll(f.gatewayPage())) {
            gatewayPages.incrementAndGet();
            int code = new int[]{404, 502, 504}[coin.nextInt(3)];
            return new MockResponse().setResponseCode(code).setHeader("Content-Type", "text/html")
                    .setBody("<html><body><h1>" + code + "</h1><p>nginx</p></body></html>");
        }
        String path = request.getPath();
        boolean write = !request.getMethod().equals("GET");
        byte[] body = write ? request.getBody().readByteArray() : null;
        if (!write && path.startsWith("/v1/feeds/") && roll(f.stalePage())) {
            String feed = path.substring("/v1/feeds/".length()).replaceAll("\\?.*", "");
            String earlier = earlierPages.get(feed);
            if (earlier != null) {
                stalePages.incrementAndGet();
                return new MockResponse().setHeader("Content-Type", "application/json").setBody(earlier);
            }
        }
        MockResponse answer = forward(request, body);
        if (write && roll(f.duplicate())) {
            // The same request arrives twice (a retrying gateway): the second answer is the one returned.
            duplicated.incrementAndGet();
            answer = forward(request, body);
        }
        if (write && roll(f.loseAnswer())) {
            // The platform applied it; the answer never reaches the till.
            lostAnswers.incrementAndGet();
            return new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AT_START);
        }
        if (!write && path.startsWith("/v1/feeds/")) {
            String feed = path.substring("/v1/feeds/".length()).replaceAll("\\?.*", "");
            earlierPages.put(feed, answer.getBody().clone().readUtf8());
        }
        if (roll(f.trickle())) {
            trickled.incrementAndGet();
            answer.throttleBody(64, 50, TimeUnit.MILLISECONDS);
        }
        return answer;
    }

    private MockResponse forward(RecordedRequest r, byte[] body) {
        forwarded.incrementAndGet();
        Request.Builder b = new Request.Builder().url(target + r.getPath().substring(1));
        Headers h = r.getHeaders();
        for (String name : h.names()) {
            if (!name.equalsIgnoreCase("Host") && !name.equalsIgnoreCase("Content-Length") && !name.equalsIgnoreCase("Connection")) {
                b.header(name, h.get(name));
            }
        }
        if (body == null) {
            b.get();
        } else {
            b.method(r.getMethod(), RequestBody.create(body, MediaType.get("application/json")));
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
            return new MockResponse().setResponseCode(502).setHeader("Content-Type", "text/html").setBody("<html>bad gateway</html>");
        }
    }

    @Override
    public void close() throws IOException {
        server.shutdown();
    }
}
