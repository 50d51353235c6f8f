package fr.comptoir.comptoirapi;

import fr.comptoir.centralapi.CentralFailedException;
import fr.comptoir.centralapi.CentralPlatform;
import fr.comptoir.centralapi.CentralPlatformException;
import fr.comptoir.centralapi.CentralProtocolException;
import fr.comptoir.centralapi.CentralRejectedException;
import fr.comptoir.centralapi.CentralUnreachableException;
import fr.comptoir.centralapi.ChangeHandler;
import fr.comptoir.centralapi.DeliveryReceipt;
import fr.comptoir.centralapi.DeviceActivation;
import fr.comptoir.centralapi.Feed;
import fr.comptoir.centralapi.FeedPage;
import fr.comptoir.centralapi.FeedRestartException;
import fr.comptoir.centralapi.FeedSummary;
import fr.comptoir.centralapi.PendingWrite;
import fr.comptoir.centralapi.PlatformHealth;
import fr.comptoir.centralapi.WriteProgress;

import fr.comptoir.common.RecordFormat;
import fr.comptoir.common.WriteKind;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The Comptoir Commerce API over HTTP (OkHttp + Jackson), as documented in docs/commerce-api.yaml.
 *
 * <p>Every request is safe to retry: reads by nature, writes because they carry an
 * {@code Idempotency-Key}. Temporary failures (connection errors, timeouts, 429, 502, 503, 504, and any
 * error answer that is not the platform's own RFC 9457 problem, such as a gateway's HTML page) are
 * retried with backoff, honouring {@code Retry-After}; what is left after the last attempt becomes a
 * {@link CentralUnreachableException}. The platform's own problems become typed refusals
 * ({@link CentralRejectedException}, {@link FeedRestartException}, {@link CentralFailedException}): HTTP
 * statuses never leave this class. Every call has a total deadline, so a server that trickles its answer
 * cannot hold a caller. Thread-safe; blocks, so never call it on the JavaFX thread.
 */
public final class HttpCentralPlatform implements CentralPlatform {

    private static final MediaType JSON = MediaType.get("application/json");

    private final HttpUrl baseUrl;
    private final OkHttpClient http;
    private final RetryPolicy retryPolicy;
    private final Supplier<Credentials> credentials;
    private final ObjectMapper mapper = WireJson.mapper();

    /** Who this terminal is, once activated. */
    public record Credentials(String storeId, String accessToken) {
    }

    public HttpCentralPlatform(String baseUrl, Supplier<Credentials> credentials, OkHttpClient http, RetryPolicy retryPolicy) {
        HttpUrl parsed = HttpUrl.parse(baseUrl);
        if (parsed == null) {
            throw new IllegalArgumentException("Not an http(s) address: " + baseUrl);
        }
        this.baseUrl = parsed;
        this.credentials = Objects.requireNonNull(credentials);
        this.http = http;
        this.retryPolicy = retryPolicy;
    }

    /** The longest one HTTP call may take from start to the last byte of its answer. */
    public static final Duration CALL_DEADLINE = Duration.ofSeconds(60);

    /**
     * The client Comptoir uses: short connect timeout so that going offline is noticed quickly, and a
     * total deadline per call ({@link #CALL_DEADLINE}) so that a trickling answer cannot hold sync.
     */
    public static OkHttpClient defaultClient() {
        return client(CALL_DEADLINE);
    }

    /** As {@link #defaultClient()}, with another total deadline per call. */
    public static OkHttpClient client(Duration callDeadline) {
        return new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(3))
                .readTimeout(Duration.ofSeconds(20))
                .writeTimeout(Duration.ofSeconds(20))
                .callTimeout(callDeadline)
                .retryOnConnectionFailure(false)
                .build();
    }

    @Override
    public PlatformHealth health() {
        Request request = new Request.Builder().url(url("v1/health")).get().build();
        return execute(request, body -> readJson(body, PlatformHealth.class));
    }

    @Override
    public DeviceActivation activate(String activationCode, String deviceName, String installationId,
                                     fr.comptoir.fiscal.SigningKeyRegistration signingKey) {
        ObjectNode body = mapper.createObjectNode().put("activationCode", activationCode).put("deviceName", deviceName)
                .put("installationId", installationId);
        body.set("signingKey", mapper.valueToTree(signingKey));
        Request request = new Request.Builder().url(url("v1/devices/activate"))
                .header("Idempotency-Key", UUID.nameUUIDFromBytes(("activate:" + activationCode + ":" + installationId)
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString())
                .post(RequestBody.create(body.toString(), JSON)).build();
        return execute(request, b -> readJson(b, DeviceActivation.class));
    }

    @Override
    public <T> FeedPage pull(Feed<T> feed, String cursor, int limit, boolean withRemaining, ChangeHandler<T> handler) {
        HttpUrl.Builder u = url("v1/feeds/" + feed.name()).newBuilder().addQueryParameter("limit", Integer.toString(limit));
        if (cursor != null) {
            u.addQueryParameter("cursor", cursor);
        }
        if (withRemaining) {
            u.addQueryParameter("withRemaining", "true");
        }
        Request request = authorized(new Request.Builder().url(u.build()).get()).build();
        return execute(request, body -> parseFeed(feed, cursor, body, handler));
    }

    @Override
    public java.util.List<FeedSummary> feedSummaries() {
        Request request = authorized(new Request.Builder().url(url("v1/feeds")).get()).build();
        try {
            return execute(request, body -> {
                JsonNode answer = mapper.readTree(body);
                java.util.List<FeedSummary> list = new java.util.ArrayList<>();
                for (JsonNode f : answer.path("feeds")) {
                    if (!f.path("feed").isTextual() || !f.path("count").canConvertToLong() || !f.path("cursor").isTextual()) {
                        throw new CentralProtocolException("Feed summary without feed, count or cursor", null);
                    }
                    list.add(new FeedSummary(f.get("feed").asText(), f.get("count").asLong(), f.get("cursor").asText()));
                }
                return list;
            });
        } catch (CentralRejectedException e) {
            if (e.reason() == CentralRejectedException.Reason.NOT_FOUND) {
                return java.util.List.of(); // a platform of an earlier contract version: nothing to compare with
            }
            throw e;
        }
    }

    @Override
    public java.util.List<fr.comptoir.customers.Customer> searchCustomers(String query, int limit) {
        HttpUrl u = url("v1/customers").newBuilder().addQueryParameter("q", query).addQueryParameter("limit", Integer.toString(limit)).build();
        return execute(authorized(new Request.Builder().url(u).get()).build(), body -> readList(body, fr.comptoir.customers.Customer.class));
    }

    @Override
    public long giftCardBalance(String number) {
        Request request = authorized(new Request.Builder().url(segments("v1", "gift-cards", number)).get()).build();
        return execute(request, body -> {
            JsonNode n = mapper.readTree(body);
            if (n == null || !n.path("balanceCents").canConvertToLong()) {
                throw new CentralProtocolException("Gift card answer without balanceCents", null);
            }
            return n.path("balanceCents").asLong();
        });
    }

    @Override
    public String redeemGiftCard(String number, long amountCents, String saleReference, String idempotencyKey) {
        ObjectNode body = mapper.createObjectNode().put("amountCents", amountCents).put("saleId", saleReference);
        Request request = authorized(new Request.Builder().url(segments("v1", "gift-cards", number, "redemptions"))
                .header("Idempotency-Key", idempotencyKey).post(RequestBody.create(body.toString(), JSON))).build();
        return execute(request, b -> mapper.readTree(b).path("redemptionId").asText(""));
    }

    @Override
    public java.util.List<fr.comptoir.catalog.StockLevel> liveStock(String variantId) {
        HttpUrl u = url("v1/stock").newBuilder().addQueryParameter("variantId", variantId).build();
        return execute(authorized(new Request.Builder().url(u).get()).build(), body -> readList(body, fr.comptoir.catalog.StockLevel.class));
    }

    @Override
    public java.util.List<fr.comptoir.customers.OnlineCart> cartsOf(String customerId) {
        HttpUrl u = url("v1/customers").newBuilder().addPathSegment(customerId).addPathSegment("carts").build();
        return execute(authorized(new Request.Builder().url(u).get()).build(), body -> readList(body, fr.comptoir.customers.OnlineCart.class));
    }

    @Override
    public fr.comptoir.pickups.Pickup pickup(String orderId) {
        HttpUrl u = url("v1/pickups").newBuilder().addPathSegment(orderId).build();
        return execute(authorized(new Request.Builder().url(u).get()).build(), body -> {
            try {
                return mapper.readValue(body, fr.comptoir.pickups.Pickup.class);
            } catch (JsonProcessingException e) {
                throw new CentralProtocolException("Unexpected pickup: " + e.getOriginalMessage(), e);
            }
        });
    }

    @Override
    public String issueStoreCredit(long amountCents, String saleReference, String customerId, String idempotencyKey) {
        ObjectNode body = mapper.createObjectNode().put("amountCents", amountCents).put("saleId", saleReference).put("customerId", customerId);
        Request request = authorized(new Request.Builder().url(segments("v1", "store-credits"))
                .header("Idempotency-Key", idempotencyKey).post(RequestBody.create(body.toString(), JSON))).build();
        return execute(request, b -> {
            String number = mapper.readTree(b).path("number").asText("");
            if (number.isBlank()) {
                throw new CentralProtocolException("Store credit answer without its number", null);
            }
            return number;
        });
    }

    @Override
    public java.util.Map<String, Integer> returnedSoFar(String orderId) {
        HttpUrl u = url("v1/orders").newBuilder().addPathSegment(orderId).addPathSegment("returnable").build();
        return execute(authorized(new Request.Builder().url(u).get()).build(), body -> {
            try {
                com.fasterxml.jackson.databind.JsonNode answer = mapper.readTree(body);
                if (!answer.path("lines").isArray() || !orderId.equals(answer.path("orderId").asText())) {
                    throw new CentralProtocolException("Unexpected returnable lines for " + orderId, null);
                }
                java.util.Map<String, Integer> returned = new java.util.HashMap<>();
                for (com.fasterxml.jackson.databind.JsonNode l : answer.path("lines")) {
                    returned.put(l.path("lineId").asText(), l.path("returned").asInt());
                }
                return returned;
            } catch (JsonProcessingException e) {
                throw new CentralProtocolException("Unexpected returnable lines: " + e.getOriginalMessage(), e);
            }
        });
    }

    private <T> java.util.List<T> readList(InputStream body, Class<T> type) throws IOException {
        try {
            return mapper.readValue(body, mapper.getTypeFactory().constructCollectionType(java.util.List.class, type));
        } catch (JsonProcessingException e) {
            throw new CentralProtocolException("Unexpected list of " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public DeliveryReceipt deliver(PendingWrite write, WriteProgress progress) {
        // The terminal's canonical form maps one to one to the contract's schemas (decisions 0004, 0025): a
        // payload of a format this version knows is sent as it is kept. One request per write, idempotent:
        // no progress to keep.
        if (!RecordFormat.readable(write.format())) {
            throw new IllegalArgumentException("Outbox payload " + write.id() + " is in format " + write.format()
                    + ", written by a later version of Comptoir");
        }
        JsonNode payload;
        try {
            payload = mapper.readTree(write.payloadJson());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Outbox payload " + write.id() + " is not JSON", e);
        }
        RequestBody body = RequestBody.create(write.payloadJson(), JSON);
        Request.Builder b = new Request.Builder().header("Idempotency-Key", write.idempotencyKey());
        if (write.fiscalProof() != null) {
            b.header("Fiscal-Proof", write.fiscalProof()); // the record's signed place in its chain (decision 0031)
        }
        WriteKind kind = WriteKind.of(write.kind())
                .orElseThrow(() -> new IllegalArgumentException("No Commerce API operation for write kind " + write.kind()));
        // A switch expression: a new kind does not compile until it is mapped here.
        Request.Builder mapped = switch (kind) {
            case STAFF_EVENT, TILL_EVENT -> b.url(url("v1/stores/" + requireCredentials().storeId() + "/events")).post(body);
            case CUSTOMER_CREATED -> b.url(url("v1/customers")).post(body);
            case CUSTOMER_NOTE -> b.url(segments("v1", "customers", field(payload, "customerId"), "notes")).post(body);
            case CUSTOMER_PREFERENCES -> b.url(segments("v1", "customers", field(payload, "customerId"))).patch(body);
            // The wishlist operations carry everything in their path: no body (the payload's time stays local).
            case WISHLIST_ADD -> b.url(segments("v1", "customers", field(payload, "customerId"), "wishlist",
                    field(payload, "variantId"))).put(RequestBody.create(new byte[0]));
            case WISHLIST_REMOVE -> b.url(segments("v1", "customers", field(payload, "customerId"), "wishlist",
                    field(payload, "variantId"))).delete();
            case RECEIPT_EMAIL -> b.url(segments("v1", "receipts", field(payload, "saleId"), "email")).post(body);
            case SALE_RECORDED -> b.url(segments("v1", "stores", requireCredentials().storeId(), "sales")).post(body);
            case CART_CONTINUED -> b.url(segments("v1", "carts", field(payload, "cartId"), "continued-in-store")).post(body);
            case PICKUP_READY -> b.url(segments("v1", "pickups", field(payload, "orderId"), "ready")).post(body);
            case PICKUP_NOTICE -> b.url(segments("v1", "pickups", field(payload, "orderId"), "ready-notice")).post(body);
            case PICKUP_HANDOVER -> b.url(segments("v1", "pickups", field(payload, "orderId"), "handover")).post(body);
            case PICKUP_RETURN_TO_STOCK -> b.url(segments("v1", "pickups", field(payload, "orderId"), "return-to-stock")).post(body);
            case PICKUP_RECEIPT_EMAIL -> b.url(segments("v1", "pickups", field(payload, "orderId"), "receipt-email")).post(body);
            case CLOSING_RECORDED -> b.url(segments("v1", "stores", requireCredentials().storeId(), "closings")).post(body);
            case SIGNING_KEY -> b.url(segments("v1", "signing-keys")).post(body); // the key of the device the token names
        };
        Request request = authorized(mapped).build();
        return executeRaw(request, response -> {
            String text = response.body() == null ? "" : response.body().string();
            // A write counts as delivered only on the platform's own answer: a proxy's "200 OK" page is not one.
            if (response.code() != 204 && !isJson(response)) {
                throw new NotFromPlatform("HTTP " + response.code() + " " + contentType(response));
            }
            return new DeliveryReceipt(text, "true".equalsIgnoreCase(response.header("Idempotent-Replayed")));
        });
    }

    private static String field(JsonNode payload, String name) {
        String v = payload.path(name).asText("");
        if (v.isEmpty()) {
            throw new IllegalArgumentException("Outbox payload without " + name);
        }
        return v;
    }

    private HttpUrl segments(String... parts) {
        HttpUrl.Builder u = baseUrl.newBuilder();
        for (String p : parts) {
            u.addPathSegment(p);
        }
        return u.build();
    }

    /**
     * Reads a page, refusing it unless it says it answers this very request (this feed, from this cursor):
     * a stale or misrouted answer applied as if it were the next page would move the cursor past data that
     * was never stored. The check runs before the page's transaction commits, so a refused page leaves
     * nothing behind.
     */
    private <T> FeedPage parseFeed(Feed<T> feed, String askedCursor, InputStream body, ChangeHandler<T> handler) throws IOException {
        String nextCursor = null;
        Boolean hasMore = null;
        long remaining = -1;
        int count = 0;
        String echoedFeed = null;
        boolean cursorEchoed = false;
        String echoedCursor = null;
        try (JsonParser p = mapper.getFactory().createParser(body)) {
            expect(p.nextToken(), JsonToken.START_OBJECT, "feed page");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "feed" -> echoedFeed = p.getValueAsString();
                    case "cursor" -> {
                        cursorEchoed = true;
                        echoedCursor = value == JsonToken.VALUE_NULL ? null : p.getValueAsString();
                    }
                    case "nextCursor" -> nextCursor = value == JsonToken.VALUE_NULL ? null : p.getValueAsString();
                    case "hasMore" -> hasMore = p.getBooleanValue();
                    case "remaining" -> remaining = p.getLongValue();
                    case "changes" -> {
                        expect(value, JsonToken.START_ARRAY, "changes");
                        JsonToken next;
                        while ((next = p.nextToken()) == JsonToken.START_OBJECT) {
                            readChange(feed, p, handler);
                            count++;
                        }
                        expect(next, JsonToken.END_ARRAY, "end of changes");
                    }
                    default -> p.skipChildren();
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
                throw new CentralProtocolException("Feed " + feed + ": page does not end where it should", null);
            }
        } catch (JsonProcessingException e) {
            throw new CentralProtocolException("Feed " + feed + ": malformed JSON: " + e.getOriginalMessage(), e);
        }
        if (hasMore == null || nextCursor == null) {
            throw new CentralProtocolException("Feed " + feed + ": page without nextCursor or hasMore", null);
        }
        if (!feed.name().equals(echoedFeed) || !cursorEchoed || !Objects.equals(emptyToNull(askedCursor), emptyToNull(echoedCursor))) {
            throw new CentralProtocolException("Feed " + feed + ": the page answers another request (feed " + echoedFeed
                    + (cursorEchoed ? ", another cursor" : ", no cursor") + "); it was not applied", null);
        }
        return new FeedPage(nextCursor, hasMore, count, remaining);
    }

    /**
     * Reads one change from the stream, its record straight into the feed's type (no tree in between): the
     * fields may come in any order, and every change is checked whole before it reaches the handler.
     */
    private <T> void readChange(Feed<T> feed, JsonParser p, ChangeHandler<T> handler) throws IOException {
        String op = "";
        String id = "";
        T item = null;
        boolean hasData = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "op" -> op = value.isScalarValue() ? p.getValueAsString("") : skip(p, "");
                case "id" -> id = value.isScalarValue() ? p.getValueAsString("") : skip(p, "");
                case "data" -> {
                    if (value == JsonToken.START_OBJECT) {
                        hasData = true;
                        try {
                            item = mapper.readValue(p, feed.type());
                        } catch (com.fasterxml.jackson.databind.JsonMappingException | IllegalArgumentException e) {
                            throw new CentralProtocolException("Feed " + feed + ": record " + (id.isEmpty() ? "" : id + " ")
                                    + "does not match the contract: " + e.getMessage(), e);
                        }
                    } else {
                        p.skipChildren();
                    }
                }
                default -> p.skipChildren();
            }
        }
        if (id.isEmpty()) {
            throw new CentralProtocolException("Feed " + feed + ": change without id", null);
        }
        switch (op) {
            case "upsert" -> {
                if (!hasData || item == null) {
                    throw new CentralProtocolException("Feed " + feed + ": upsert of " + id + " without data", null);
                }
                handler.upsert(item);
            }
            case "delete" -> handler.delete(id);
            default -> throw new CentralProtocolException("Feed " + feed + ": unknown operation '" + op + "'", null);
        }
    }

    private static String skip(JsonParser p, String value) throws IOException {
        p.skipChildren();
        return value;
    }

    private static void expect(JsonToken actual, JsonToken expected, String what) {
        if (actual != expected) {
            throw new CentralProtocolException("Expected " + what + " to start with " + expected + " but got " + actual, null);
        }
    }

    private <T> T readJson(InputStream body, Class<T> type) throws IOException {
        try {
            return mapper.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new CentralProtocolException("Unexpected " + type.getSimpleName() + " answer: " + e.getOriginalMessage(), e);
        }
    }

    private Request.Builder authorized(Request.Builder b) {
        return b.header("Authorization", "Bearer " + requireCredentials().accessToken());
    }

    private Credentials requireCredentials() {
        Credentials c = credentials.get();
        if (c == null) {
            throw new IllegalStateException("This terminal is not activated yet");
        }
        return c;
    }

    private HttpUrl url(String path) {
        return baseUrl.newBuilder().addPathSegments(path).build();
    }

    @FunctionalInterface
    private interface BodyReader<T> {
        T read(InputStream body) throws IOException;
    }

    @FunctionalInterface
    private interface ResponseReader<T> {
        T read(Response response) throws IOException;
    }

    private <T> T execute(Request request, BodyReader<T> reader) {
        return executeRaw(request, response -> {
            ResponseBody body = response.body();
            if (body == null) {
                throw new CentralProtocolException("Empty answer to " + request.method() + " " + request.url().encodedPath(), null);
            }
            if (!isJson(response)) {
                throw new NotFromPlatform("HTTP " + response.code() + " " + contentType(response));
            }
            return reader.read(body.byteStream());
        });
    }

    /** Sends with retries; gives {@code reader} a successful (2xx) response, turns the rest into exceptions. */
    private <T> T executeRaw(Request request, ResponseReader<T> reader) {
        IOException lastFailure = null;
        String lastStatus = null;
        Problem platformFailure = null;
        for (int attempt = 1; attempt <= retryPolicy.maxAttempts(); attempt++) {
            String retryAfter = null;
            platformFailure = null;
            try (Response response = http.newCall(request).execute()) {
                int code = response.code();
                if (response.isSuccessful()) {
                    try {
                        return reader.read(response);
                    } catch (NotFromPlatform e) {
                        lastStatus = "an answer that did not come from the central platform (" + e.getMessage() + ")";
                    } catch (IOException e) {
                        // The answer broke off while being read: nothing from it was kept.
                        throw new CentralProtocolException("Answer to " + request.url().encodedPath() + " broke off: " + e.getMessage(), e);
                    }
                } else {
                    Problem problem = readProblem(response);
                    if (problem == null) {
                        // A gateway's or proxy's page, not the platform's word: the platform was not reached.
                        lastStatus = "HTTP " + code + " that did not come from the central platform (" + contentType(response) + ")";
                        retryAfter = response.header("Retry-After");
                    } else if (code == 429 || code == 502 || code == 503 || code == 504) {
                        lastStatus = "HTTP " + code + " " + problem.title();
                        retryAfter = response.header("Retry-After");
                    } else if (code >= 500) {
                        platformFailure = problem;
                        lastStatus = "HTTP " + code + " " + problem.title();
                    } else {
                        throw refusal(code, problem);
                    }
                }
            } catch (IOException e) {
                lastFailure = e;
                lastStatus = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            }
            if (attempt < retryPolicy.maxAttempts()) {
                sleep(retryPolicy.delayAfter(attempt, retryAfter, Instant.now()));
            }
        }
        if (platformFailure != null) {
            throw new CentralFailedException("The central platform failed on this request: " + platformFailure.describe());
        }
        throw new CentralUnreachableException("Central platform unreachable (" + lastStatus + ")", lastFailure);
    }

    /** The platform's own explanation of an error (RFC 9457). */
    private record Problem(String code, String title, String detail) {
        String describe() {
            return title + (detail == null ? "" : ": " + detail);
        }
    }

    /** A 2xx answer that is not the platform's (no JSON where JSON was due): treated as not reaching it. */
    private static final class NotFromPlatform extends IOException {
        NotFromPlatform(String what) {
            super(what);
        }
    }

    /**
     * The problem the platform sent, or null when the error answer is not one (wrong media type, not a
     * JSON object with a title or type): then it came from something in between, not from the platform.
     */
    private Problem readProblem(Response response) {
        if (!contentType(response).startsWith("application/problem+json")) {
            return null;
        }
        try {
            ResponseBody body = response.body();
            JsonNode problem = body == null ? null : mapper.readTree(body.string());
            if (problem == null || !problem.isObject() || (!problem.hasNonNull("type") && !problem.hasNonNull("title"))) {
                return null;
            }
            String type = problem.path("type").asText("");
            String code = type.isEmpty() ? null : type.substring(type.lastIndexOf('/') + 1);
            return new Problem(code, problem.path("title").asText(response.message()), problem.path("detail").asText(null));
        } catch (IOException unreadable) {
            return null;
        }
    }

    private static CentralPlatformException refusal(int code, Problem problem) {
        if (code == 410) {
            return new FeedRestartException(problem.describe());
        }
        CentralRejectedException.Reason reason = switch (code) {
            case 401, 403 -> CentralRejectedException.Reason.CREDENTIALS;
            case 404 -> CentralRejectedException.Reason.NOT_FOUND;
            case 409 -> CentralRejectedException.Reason.CONFLICT;
            case 422 -> CentralRejectedException.Reason.BUSINESS_RULE;
            default -> CentralRejectedException.Reason.INVALID_REQUEST;
        };
        return new CentralRejectedException(reason, problem.code(), problem.title(), problem.detail());
    }

    private static String contentType(Response response) {
        String type = response.header("Content-Type");
        return type == null ? "no content type" : type.toLowerCase(java.util.Locale.ROOT).strip();
    }

    private static boolean isJson(Response response) {
        String type = contentType(response);
        return type.startsWith("application/json") || type.startsWith("application/problem+json");
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CentralUnreachableException("Interrupted while waiting to retry", e);
        }
    }
}
