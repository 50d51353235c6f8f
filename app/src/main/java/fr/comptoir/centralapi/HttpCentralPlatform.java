package fr.comptoir.centralapi;

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
 * {@code Idempotency-Key}. Temporary failures (connection errors, timeouts, 429, 502, 503, 504) are
 * retried with backoff, honouring {@code Retry-After}; what is left after the last attempt becomes a
 * {@link CentralUnreachableException}. Thread-safe; blocks, so never call it on the JavaFX thread.
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

    /** The client Comptoir uses: short connect timeout so that going offline is noticed quickly. */
    public static OkHttpClient defaultClient() {
        return new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(3))
                .readTimeout(Duration.ofSeconds(20))
                .writeTimeout(Duration.ofSeconds(20))
                .retryOnConnectionFailure(false)
                .build();
    }

    @Override
    public PlatformHealth health() {
        Request request = new Request.Builder().url(url("v1/health")).get().build();
        return execute(request, body -> readJson(body, PlatformHealth.class));
    }

    @Override
    public DeviceActivation activate(String activationCode, String deviceName) {
        ObjectNode body = mapper.createObjectNode().put("activationCode", activationCode).put("deviceName", deviceName);
        Request request = new Request.Builder().url(url("v1/devices/activate"))
                .header("Idempotency-Key", UUID.nameUUIDFromBytes(("activate:" + activationCode + ":" + deviceName).getBytes()).toString())
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
        return execute(request, body -> parseFeed(feed, body, handler));
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

    private <T> java.util.List<T> readList(InputStream body, Class<T> type) throws IOException {
        try {
            return mapper.readValue(body, mapper.getTypeFactory().constructCollectionType(java.util.List.class, type));
        } catch (JsonProcessingException e) {
            throw new CentralProtocolException("Unexpected list of " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public DeliveryReceipt deliver(PendingWrite write) {
        JsonNode payload;
        try {
            payload = mapper.readTree(write.payloadJson());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Outbox payload " + write.id() + " is not JSON", e);
        }
        RequestBody body = RequestBody.create(write.payloadJson(), JSON);
        Request.Builder b = new Request.Builder().header("Idempotency-Key", write.idempotencyKey());
        switch (write.kind()) {
            case WriteKinds.STAFF_EVENT, WriteKinds.TILL_EVENT -> b.url(url("v1/stores/" + requireCredentials().storeId() + "/events")).post(body);
            case WriteKinds.CUSTOMER_CREATED -> b.url(url("v1/customers")).post(body);
            case WriteKinds.CUSTOMER_NOTE -> b.url(segments("v1", "customers", field(payload, "customerId"), "notes")).post(body);
            case WriteKinds.CUSTOMER_PREFERENCES -> b.url(segments("v1", "customers", field(payload, "customerId"))).patch(body);
            case WriteKinds.WISHLIST_ADD -> b.url(segments("v1", "customers", field(payload, "customerId"), "wishlist",
                    field(payload, "variantId"))).put(body);
            case WriteKinds.WISHLIST_REMOVE -> b.url(segments("v1", "customers", field(payload, "customerId"), "wishlist",
                    field(payload, "variantId"))).delete(body);
            case WriteKinds.RECEIPT_EMAIL -> b.url(segments("v1", "receipts", field(payload, "saleId"), "email")).post(body);
            case WriteKinds.SALE_RECORDED -> b.url(segments("v1", "stores", requireCredentials().storeId(), "sales")).post(body);
            case WriteKinds.CART_CONTINUED -> b.url(segments("v1", "carts", field(payload, "cartId"), "continued-in-store")).post(body);
            default -> throw new IllegalArgumentException("No Commerce API operation for write kind " + write.kind());
        }
        Request request = authorized(b).build();
        return executeRaw(request, response -> {
            String text = response.body() == null ? "" : response.body().string();
            return new DeliveryReceipt(response.code(), text, "true".equalsIgnoreCase(response.header("Idempotent-Replayed")));
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

    private <T> FeedPage parseFeed(Feed<T> feed, InputStream body, ChangeHandler<T> handler) throws IOException {
        String nextCursor = null;
        Boolean hasMore = null;
        long remaining = -1;
        int count = 0;
        try (JsonParser p = mapper.getFactory().createParser(body)) {
            expect(p.nextToken(), JsonToken.START_OBJECT, "feed page");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "nextCursor" -> nextCursor = value == JsonToken.VALUE_NULL ? null : p.getValueAsString();
                    case "hasMore" -> hasMore = p.getBooleanValue();
                    case "remaining" -> remaining = p.getLongValue();
                    case "changes" -> {
                        expect(value, JsonToken.START_ARRAY, "changes");
                        while (p.nextToken() == JsonToken.START_OBJECT) {
                            JsonNode change = p.readValueAsTree();
                            applyChange(feed, change, handler);
                            count++;
                        }
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
        return new FeedPage(nextCursor, hasMore, count, remaining);
    }

    private <T> void applyChange(Feed<T> feed, JsonNode change, ChangeHandler<T> handler) {
        String op = change.path("op").asText("");
        String id = change.path("id").asText("");
        if (id.isEmpty()) {
            throw new CentralProtocolException("Feed " + feed + ": change without id", null);
        }
        switch (op) {
            case "upsert" -> {
                JsonNode data = change.get("data");
                if (data == null || !data.isObject()) {
                    throw new CentralProtocolException("Feed " + feed + ": upsert of " + id + " without data", null);
                }
                T item;
                try {
                    item = mapper.treeToValue(data, feed.type());
                } catch (JsonProcessingException | IllegalArgumentException e) {
                    throw new CentralProtocolException("Feed " + feed + ": record " + id + " does not match the contract: "
                            + e.getMessage(), e);
                }
                handler.upsert(item);
            }
            case "delete" -> handler.delete(id);
            default -> throw new CentralProtocolException("Feed " + feed + ": unknown operation '" + op + "'", null);
        }
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
            return reader.read(body.byteStream());
        });
    }

    /** Sends with retries; gives {@code reader} a successful (2xx) response, turns the rest into exceptions. */
    private <T> T executeRaw(Request request, ResponseReader<T> reader) {
        IOException lastFailure = null;
        String lastStatus = null;
        for (int attempt = 1; attempt <= retryPolicy.maxAttempts(); attempt++) {
            String retryAfter = null;
            try (Response response = http.newCall(request).execute()) {
                int code = response.code();
                if (response.isSuccessful()) {
                    try {
                        return reader.read(response);
                    } catch (IOException e) {
                        // The answer broke off while being read: nothing from it was kept.
                        throw new CentralProtocolException("Answer to " + request.url().encodedPath() + " broke off: " + e.getMessage(), e);
                    }
                }
                if (isTemporary(code)) {
                    lastStatus = "HTTP " + code;
                    retryAfter = response.header("Retry-After");
                } else {
                    throw rejection(response);
                }
            } catch (IOException e) {
                lastFailure = e;
                lastStatus = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            }
            if (attempt < retryPolicy.maxAttempts()) {
                sleep(retryPolicy.delayAfter(attempt, retryAfter, Instant.now()));
            }
        }
        throw new CentralUnreachableException("Central platform unreachable (" + lastStatus + ")", lastFailure);
    }

    private static boolean isTemporary(int code) {
        return code == 429 || code == 502 || code == 503 || code == 504 || code == 500;
    }

    private CentralRejectedException rejection(Response response) {
        String type = null;
        String title = response.message();
        String detail = null;
        try {
            ResponseBody body = response.body();
            if (body != null) {
                JsonNode problem = mapper.readTree(body.string());
                if (problem != null && problem.isObject()) {
                    type = problem.path("type").asText(null);
                    title = problem.path("title").asText(title);
                    detail = problem.path("detail").asText(null);
                }
            }
        } catch (IOException unreadable) {
            detail = "(unreadable problem details)";
        }
        return new CentralRejectedException(response.code(), type, title, detail);
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
