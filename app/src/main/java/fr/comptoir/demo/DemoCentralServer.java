package fr.comptoir.demo;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import fr.comptoir.comptoirapi.WireJson;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The embedded demo central platform: the Comptoir Commerce API (docs/commerce-api.yaml) served over
 * real HTTP on 127.0.0.1 from a {@link DemoPlatformStore}. It enforces what a real platform would:
 * bearer tokens, idempotency keys with replay, RFC 9457 problems.
 */
public final class DemoCentralServer implements AutoCloseable {

    public static final String NAME = "Comptoir demo central platform";
    public static final String VERSION = "1.0";
    /** Staff events, then till events. */
    private static final Set<String> STORE_EVENT_TYPES = java.util.stream.Stream.concat(
            java.util.Arrays.stream(fr.comptoir.staff.StaffEvent.Type.values()), java.util.Arrays.stream(fr.comptoir.sale.TillEvent.Type.values()))
            .map(Enum::name).collect(java.util.stream.Collectors.toUnmodifiableSet());
    private static final Set<String> FEEDS = Set.of("stores", "staff", "products", "price-lists", "stock", "promotions", "customers", "customer-notes", "orders",
            "carts", "pickups", "returns");
    private static final int MAX_PAGE = 5000;
    /** The feeds a terminal keeps in its cache, summarised by {@code GET /v1/feeds}. */
    private static final java.util.List<String> SYNCED_FEEDS = java.util.List.of("stores", "staff", "products", "price-lists", "stock",
            "promotions", "customers", "customer-notes", "orders");

    private final DemoPlatformStore store;
    private final HttpServer server;
    private final ExecutorService executor;
    private final ObjectMapper mapper = WireJson.mapper();
    private final DemoRules rules;
    private final DemoPickupRules pickups;

    private DemoCentralServer(DemoPlatformStore store, HttpServer server, ExecutorService executor, Clock clock) {
        this.store = store;
        this.server = server;
        this.executor = executor;
        this.rules = new DemoRules(store, clock);
        this.pickups = new DemoPickupRules(store, clock);
    }

    static {
        // The JDK's server otherwise waits on Nagle and the client's delayed ACK, about 40 ms per page (issue 14).
        // Read once, when the first server of this JVM starts: set before it, unless someone chose otherwise.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    /** Starts serving {@code store} on 127.0.0.1:{@code port} (0: any free port). */
    public static DemoCentralServer start(DemoPlatformStore store, int port) throws IOException {
        return start(store, port, Clock.systemUTC());
    }

    /** As {@link #start(DemoPlatformStore, int)}, with the clock its rules (pickup expiry, return window) use. */
    public static DemoCentralServer start(DemoPlatformStore store, int port, Clock clock) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "demo-central-http");
            t.setDaemon(true);
            return t;
        });
        DemoCentralServer demo = new DemoCentralServer(store, server, executor, clock);
        server.createContext("/v1/", demo::handle);
        server.setExecutor(executor);
        server.start();
        return demo;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port() + "/";
    }

    public DemoPlatformStore store() {
        return store;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            String method = ex.getRequestMethod();
            String[] parts = path.substring(1).split("/");
            if (method.equals("GET") && path.equals("/v1/health")) {
                sendJson(ex, 200, mapper.createObjectNode().put("name", NAME).put("version", VERSION).toString(), false);
            } else if (method.equals("POST") && path.equals("/v1/devices/activate")) {
                activate(ex);
            } else {
                Optional<DemoPlatformStore.Device> device = authenticate(ex);
                if (device.isEmpty()) {
                    problem(ex, 401, "unauthorized", "Not authorised", "A valid bearer token is required.");
                } else if (method.equals("GET") && parts.length == 3 && parts[1].equals("feeds")) {
                    feed(ex, device.get(), parts[2]);
                } else if (method.equals("GET") && path.equals("/v1/feeds")) {
                    feedSummaries(ex, device.get());
                } else if (method.equals("POST") && parts.length == 4 && parts[1].equals("stores") && parts[3].equals("events")) {
                    staffEvent(ex, device.get(), parts[2]);
                } else if (!routeBusiness(ex, device.get(), method, parts)) {
                    problem(ex, 404, "not-found", "Not found", method + " " + path + " is not part of this platform's API.");
                }
            }
        } catch (RuntimeException e) {
            problem(ex, 500, "internal", "Internal error", e.getMessage());
        }
    }

    /** Customers' carts, click-and-collect and returns; false when no route matches. */
    private boolean routeBusiness(HttpExchange ex, DemoPlatformStore.Device device, String method, String[] parts) throws IOException {
        String route = method + " " + String.join("/", java.util.Arrays.copyOfRange(parts, 1, parts.length)).replaceAll("^(customers|stores|pickups|orders|carts|receipts|gift-cards)/[^/]+", "$1/{id}").replaceAll("/wishlist/[^/]+$", "/wishlist/{v}");
        switch (route) {
            case "GET customers/{id}/carts" -> {
                ArrayNode carts = mapper.createArrayNode();
                for (String body : store.bodiesWhere("carts", "customerId", parts[2])) {
                    JsonNode cart = parseObject(body);
                    if (cart != null && "OPEN".equals(cart.path("status").asText())) {
                        carts.add(cart);
                    }
                }
                sendJson(ex, 200, carts.toString(), false);
            }
            case "GET stores/{id}/pickups" -> {
                if (!parts[2].equals(device.storeId())) {
                    problem(ex, 403, "forbidden", "Wrong store", "This terminal belongs to another store.");
                    return true;
                }
                ArrayNode pickups = mapper.createArrayNode();
                store.bodiesWhere("pickups", "storeId", parts[2]).forEach(b -> pickups.add(parseObject(b)));
                sendJson(ex, 200, pickups.toString(), false);
            }
            case "GET stock" -> {
                String variant = query(ex.getRequestURI()).getOrDefault("variantId", "");
                ArrayNode levels = mapper.createArrayNode();
                store.bodiesWhere("stock", "variantId", variant).forEach(b -> levels.add(parseObject(b)));
                sendJson(ex, 200, levels.toString(), false);
            }
            case "GET customers" -> {
                Map<String, String> q = query(ex.getRequestURI());
                String text = q.getOrDefault("q", "").strip();
                if (text.length() < 2) {
                    problem(ex, 400, "invalid-query", "Query too short", "q needs at least 2 characters.");
                    return true;
                }
                int limit = parseLimit(q.get("limit"));
                sendJson(ex, 200, rules.searchCustomers(text, limit).toString(), false);
            }
            case "POST stores/{id}/closings" -> {
                if (!parts[2].equals(device.storeId())) {
                    problem(ex, 403, "forbidden", "Wrong store", "This terminal belongs to another store.");
                    return true;
                }
                String raw = body(ex);
                idempotent(ex, device.id(), raw, () -> {
                    JsonNode closing = requireObject(raw);
                    if (!closing.path("id").isTextual() || !closing.path("kind").isTextual() || !closing.path("totalCents").isIntegralNumber()) {
                        return problemAnswer(422, "invalid-body", "Invalid closing", "id, kind and totalCents are required.");
                    }
                    return new DemoPlatformStore.Answer(201, mapper.createObjectNode().put("closingId", closing.get("id").asText()).toString());
                });
            }
            case "POST signing-keys" -> {
                String raw = body(ex);
                idempotent(ex, device.id(), raw, () -> {
                    JsonNode key = requireObject(raw);
                    if (!key.path("keyId").isTextual() || !key.path("publicKey").isTextual()) {
                        return problemAnswer(422, "invalid-body", "Invalid signing key", "keyId and publicKey are required.");
                    }
                    store.registerSigningKey(device.id(), key.get("keyId").asText(), key.path("algorithm").asText(""), key.get("publicKey").asText());
                    return new DemoPlatformStore.Answer(201, mapper.createObjectNode().put("keyId", key.get("keyId").asText()).toString());
                });
            }
            case "POST customers" -> {
                String raw = body(ex);
                idempotent(ex, device.id(), raw, () -> new DemoPlatformStore.Answer(201, rules.createCustomer(requireObject(raw)).toString()));
            }
            case "POST customers/{id}/notes" -> {
                String raw = body(ex);
                idempotent(ex, device.id(), raw, () -> new DemoPlatformStore.Answer(201, rules.addNote(parts[2], requireObject(raw)).toString()));
            }
            case "PATCH customers/{id}" -> {
                String raw = body(ex);
                idempotent(ex, device.id(), raw, () -> new DemoPlatformStore.Answer(200, rules.patchCustomer(parts[2], requireObject(raw)).toString()));
            }
            case "PUT customers/{id}/wishlist/{v}", "DELETE customers/{id}/wishlist/{v}" -> {
                String raw = body(ex);
                boolean add = method.equals("PUT");
                idempotent(ex, device.id(), raw, () -> {
                    rules.wishlist(parts[2], parts[4], add);
                    return new DemoPlatformStore.Answer(204, "");
                });
            }
            case "POST carts/{id}/continued-in-store" -> {
                String raw = body(ex);
                idempotent(ex, device.id(), raw, () -> new DemoPlatformStore.Answer(200, rules.continueCart(parts[2], requireObject(raw)).toString()));
            }
            case "GET orders/{id}" -> {
                Optional<String> order = store.body("orders", parts[2]);
                if (order.isPresent()) {
                    sendJson(ex, 200, order.get(), false);
                } else {
                    problem(ex, 404, "not-found", "Unknown order", "No order " + parts[2] + ".");
                }
            }
            case "GET orders/{id}/returnable" -> answer(ex, () -> new DemoPlatformStore.Answer(200, rules.returnable(parts[2]).toString()));
            case "GET pickups/{id}" -> answer(ex, () -> new DemoPlatformStore.Answer(200, encode(pickups.read(device.storeId(), parts[2]))));
            case "POST pickups/{id}/ready" -> {
                String raw = body(ex);
                idempotent(ex, device.id(), raw, () -> new DemoPlatformStore.Answer(200,
                        encode(pickups.markReady(device.storeId(), parts[2], requireObject(raw)))));
            }
            case "POST pickups/{id}/ready-notice" -> {
                String raw = body(ex);
                idempotent(ex, device.id(), raw, () -> new DemoPlatformStore.Answer(200, encode(pickups.resendNotice(device.storeId(), parts[2]))));
            }
            case "POST pickups/{id}/return-to-stock" -> {
                String raw = body(ex);
                idempotent(ex, device.id(), raw, () -> new DemoPlatformStore.Answer(200,
                        encode(pickups.returnToStock(device.storeId(), parts[2], requireObject(raw)))));
            }
            case "POST pickups/{id}/handover" -> {
                String raw = body(ex);
                idempotent(ex, device.id(), raw, () -> new DemoPlatformStore.Answer(200,
                        encode(pickups.handOver(device.storeId(), device.id(), parts[2], handover(raw)))));
            }
            case "POST stores/{id}/sales" -> {
                if (!parts[2].equals(device.storeId())) {
                    problem(ex, 403, "forbidden", "Wrong store", "This terminal belongs to another store.");
                    return true;
                }
                String raw = body(ex);
                idempotent(ex, device.id(), raw, () -> new DemoPlatformStore.Answer(201,
                        rules.recordSale(device.storeId(), requireObject(raw)).toString()));
            }
            case "GET gift-cards/{id}" -> answer(ex, () -> new DemoPlatformStore.Answer(200, rules.giftCard(parts[2]).toString()));
            case "POST store-credits" -> {
                String raw = body(ex);
                idempotent(ex, device.id(), raw, () -> new DemoPlatformStore.Answer(201, rules.issueCredit(requireObject(raw)).toString()));
            }
            case "POST gift-cards/{id}/redemptions" -> {
                String raw = body(ex);
                idempotent(ex, device.id(), raw, () -> new DemoPlatformStore.Answer(201, rules.redeem(parts[2], requireObject(raw)).toString()));
            }
            case "POST pickups/{id}/receipt-email" -> {
                String raw = body(ex);
                idempotent(ex, device.id(), raw, () -> {
                    pickups.read(device.storeId(), parts[2]);
                    return queueEmail(raw, "pickup:" + parts[2] + ":" + requireObject(raw).path("round").asInt());
                });
            }
            case "POST receipts/{id}/email" -> {
                String raw = body(ex);
                idempotent(ex, device.id(), raw, () -> queueEmail(raw, parts[2]));
            }
            case "POST returns" -> {
                String raw = body(ex);
                idempotent(ex, device.id(), raw, () -> new DemoPlatformStore.Answer(201,
                        rules.createReturn(device.storeId(), device.id(), requireObject(raw)).toString()));
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private static int parseLimit(String s) {
        try {
            return s == null ? 20 : Math.max(1, Math.min(100, Integer.parseInt(s)));
        } catch (NumberFormatException e) {
            return 20;
        }
    }

    private static String body(HttpExchange ex) throws IOException {
        return new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    }

    /** An e-mail to send (a receipt, a hand-over's receipt): queued under {@code id}, or 422 for a bad address. */
    private DemoPlatformStore.Answer queueEmail(String raw, String id) {
        JsonNode req = requireObject(raw);
        String email = req.path("email").asText("");
        if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            return problemAnswer(422, "invalid-email", "Invalid email", "Not an e-mail address: " + email);
        }
        store.upsert("_emails", id, req);
        return new DemoPlatformStore.Answer(202, mapper.createObjectNode().put("status", "queued").toString());
    }

    /** A hand-over request as the contract has it; refused with 400 when it is not one. */
    private fr.comptoir.pickups.Handover handover(String raw) {
        try {
            return mapper.treeToValue(requireObject(raw), fr.comptoir.pickups.Handover.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            throw new DemoRules.Refusal(400, "invalid-body", "Invalid hand-over", e.getMessage());
        }
    }

    private String encode(Object record) {
        try {
            return mapper.writeValueAsString(record);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode requireObject(String raw) {
        JsonNode n = parseObject(raw);
        if (n == null) {
            throw new DemoRules.Refusal(400, "invalid-body", "Invalid body", "The request body must be a JSON object.");
        }
        return n;
    }

    private void answer(HttpExchange ex, Write read) throws IOException {
        DemoPlatformStore.Answer a = applyRules(read);
        sendRaw(ex, a.status(), a.body(), a.status() >= 400 ? "application/problem+json" : "application/json", false);
    }

    /** Runs a rule, turning its refusal into a problem answer. */
    private DemoPlatformStore.Answer applyRules(Write write) {
        try {
            return write.apply();
        } catch (DemoRules.Refusal r) {
            return problemAnswer(r.status, r.type, r.title, r.getMessage());
        }
    }

    private Optional<DemoPlatformStore.Device> authenticate(HttpExchange ex) {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        if (auth == null || !auth.startsWith("Bearer ")) {
            return Optional.empty();
        }
        return store.deviceByToken(auth.substring("Bearer ".length()).strip());
    }

    private void activate(HttpExchange ex) throws IOException {
        String raw = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        idempotent(ex, "activation", raw, () -> {
            JsonNode body = parseObject(raw);
            String code = body == null ? "" : body.path("activationCode").asText("").strip();
            String name = body == null ? "" : body.path("deviceName").asText("Terminal");
            Optional<String> storeId = store.storeForActivationCode(code);
            if (storeId.isEmpty()) {
                return problemAnswer(422, "invalid-activation-code", "Unknown activation code",
                        "The activation code '" + code + "' is not valid for this platform.");
            }
            DemoPlatformStore.Device device = new DemoPlatformStore.Device("dev-" + UUID.randomUUID(), storeId.get(),
                    UUID.randomUUID().toString() + UUID.randomUUID());
            store.addDevice(device, name);
            JsonNode key = body.path("signingKey");
            if (key.path("keyId").isTextual() && key.path("publicKey").isTextual()) {
                store.registerSigningKey(device.id(), key.get("keyId").asText(), key.path("algorithm").asText(""), key.get("publicKey").asText());
            }
            String storeName = store.body("stores", storeId.get()).map(this::parseObject).map(n -> n.path("name").asText()).orElse("");
            ObjectNode answer = mapper.createObjectNode().put("deviceId", device.id()).put("storeId", device.storeId())
                    .put("storeName", storeName).put("accessToken", device.token());
            return new DemoPlatformStore.Answer(201, answer.toString());
        });
    }

    private void staffEvent(HttpExchange ex, DemoPlatformStore.Device device, String storeId) throws IOException {
        if (!storeId.equals(device.storeId())) {
            problem(ex, 403, "forbidden", "Wrong store", "This terminal belongs to another store.");
            return;
        }
        String raw = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        idempotent(ex, device.id(), raw, () -> {
            JsonNode body = parseObject(raw);
            if (body == null || body.path("eventId").asText("").isEmpty() || body.path("staffId").asText("").isEmpty()
                    || body.path("type").asText("").isEmpty() || body.path("occurredAt").asText("").isEmpty()) {
                return problemAnswer(422, "invalid-body", "Invalid staff event", "eventId, staffId, type and occurredAt are required.");
            }
            if (!STORE_EVENT_TYPES.contains(body.get("type").asText())) {
                return problemAnswer(422, "invalid-body", "Unknown event type", "No store event is of type " + body.get("type").asText() + ".");
            }
            return store.recordStaffEvent(storeId, device.id(), body.get("eventId").asText(), body.get("staffId").asText(),
                    body.get("type").asText(), body.get("occurredAt").asText(), raw);
        });
    }

    @FunctionalInterface
    private interface Write {
        DemoPlatformStore.Answer apply();
    }

    /** Runs {@code write} once per Idempotency-Key; a repeat gets the stored answer. */
    private void idempotent(HttpExchange ex, String scope, String raw, Write write) throws IOException {
        String key = ex.getRequestHeaders().getFirst("Idempotency-Key");
        if (key == null || key.isBlank()) {
            problem(ex, 400, "idempotency-key-required", "Idempotency-Key required", "Every write needs an Idempotency-Key header.");
            return;
        }
        String hash = DemoPlatformStore.sha256(ex.getRequestURI().getPath() + "\n" + raw);
        String scoped = scope + ":" + key;
        synchronized (this) {
            Optional<DemoPlatformStore.StoredAnswer> previous = store.answerFor(scoped);
            if (previous.isPresent()) {
                replay(ex, previous.get(), hash);
                return;
            }
            // The effect and its stored answer commit together: a crash in between cannot apply it twice.
            DemoPlatformStore.Answer answer = store.atomically(() -> {
                DemoPlatformStore.Answer a = applyRules(write);
                if (a.status() < 500) {
                    store.storeAnswer(scoped, hash, a);
                }
                if (a.status() < 300) {
                    store.recordAppliedWrite(ex.getRequestMethod(), ex.getRequestURI().getPath(), scope, key, raw, a.status(),
                            ex.getRequestHeaders().getFirst("Fiscal-Proof"));
                }
                return a;
            });
            sendRaw(ex, answer.status(), answer.body(), answer.status() >= 400 ? "application/problem+json" : "application/json", false);
        }
    }

    private void replay(HttpExchange ex, DemoPlatformStore.StoredAnswer previous, String hash) throws IOException {
        if (!previous.requestHash().equals(hash)) {
            problem(ex, 422, "idempotency-key-reused", "Idempotency-Key reused",
                    "This Idempotency-Key was already used for a different request.");
            return;
        }
        sendRaw(ex, previous.status(), previous.body(),
                previous.status() >= 400 ? "application/problem+json" : "application/json", true);
    }

    private void feed(HttpExchange ex, DemoPlatformStore.Device device, String feed) throws IOException {
        if (!FEEDS.contains(feed)) {
            problem(ex, 404, "unknown-feed", "Unknown feed", "There is no feed named '" + feed + "'.");
            return;
        }
        Map<String, String> q = query(ex.getRequestURI());
        long after;
        int limit;
        try {
            after = decodeCursor(q.get("cursor"), store.generation());
            limit = q.containsKey("limit") ? Integer.parseInt(q.get("limit")) : 500;
        } catch (ExpiredCursor e) {
            problem(ex, 410, "cursor-expired", "Cursor expired", "This platform's data was rebuilt: read the feed again from the start.");
            return;
        } catch (IllegalArgumentException e) {
            problem(ex, 400, "invalid-query", "Invalid cursor or limit", e.getMessage());
            return;
        }
        if (limit < 1 || limit > MAX_PAGE) {
            problem(ex, 400, "invalid-query", "Invalid limit", "limit must be between 1 and " + MAX_PAGE + ".");
            return;
        }
        boolean withRemaining = "true".equals(q.get("withRemaining"));
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(200, 0);
        try (OutputStream out = ex.getResponseBody(); JsonGenerator g = mapper.getFactory().createGenerator(out)) {
            g.writeStartObject();
            // Which request this page answers: a client refuses a page that answers another one.
            g.writeStringField("feed", feed);
            g.writeStringField("cursor", q.get("cursor"));
            g.writeArrayFieldStart("changes");
            long[] last = {after};
            int[] count = {0};
            // One more than asked tells whether there is more, without a second query.
            boolean[] more = {false};
            store.readFeed(feed, device.storeId(), after, limit + 1, doc -> {
                if (count[0] == limit) {
                    more[0] = true;
                    return;
                }
                try {
                    g.writeStartObject();
                    g.writeStringField("op", doc.body() == null ? "delete" : "upsert");
                    g.writeStringField("id", doc.id());
                    if (doc.body() != null) {
                        g.writeFieldName("data");
                        g.writeRawValue(doc.body());
                    }
                    g.writeEndObject();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                last[0] = doc.seq();
                count[0]++;
            });
            g.writeEndArray();
            g.writeStringField("nextCursor", encodeCursor(last[0], store.generation()));
            g.writeBooleanField("hasMore", more[0]);
            if (withRemaining) {
                g.writeNumberField("remaining", store.countAfter(feed, device.storeId(), last[0]));
            }
            g.writeEndObject();
        }
    }

    /**
     * How many live records each feed holds for this device's store, and the cursor of a reader that has
     * read it all: a terminal at that cursor must hold exactly that many.
     */
    private void feedSummaries(HttpExchange ex, DemoPlatformStore.Device device) throws IOException {
        ObjectNode answer = mapper.createObjectNode();
        ArrayNode feeds = answer.putArray("feeds");
        for (DemoPlatformStore.FeedSummary s : store.feedSummaries(device.storeId(), SYNCED_FEEDS)) {
            feeds.addObject().put("feed", s.feed()).put("count", s.live()).put("cursor", encodeCursor(s.lastSeq(), store.generation()));
        }
        sendJson(ex, 200, answer.toString(), false);
    }

    /** A cursor given before the platform's data was generated again. */
    static final class ExpiredCursor extends IllegalArgumentException {
        ExpiredCursor() {
            super("cursor of an earlier generation of the data");
        }
    }

    static String encodeCursor(long seq, String generation) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("v2:" + generation + ":" + seq).getBytes(StandardCharsets.UTF_8));
    }

    static long decodeCursor(String cursor, String generation) {
        if (cursor == null || cursor.isEmpty()) {
            return 0;
        }
        String raw;
        try {
            raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The cursor is not one this platform gave.");
        }
        String[] parts = raw.split(":");
        if (parts.length == 2 && parts[0].equals("v1")) {
            throw new ExpiredCursor();
        }
        if (parts.length != 3 || !parts[0].equals("v2")) {
            throw new IllegalArgumentException("The cursor is not one this platform gave.");
        }
        if (!parts[1].equals(generation)) {
            throw new ExpiredCursor();
        }
        try {
            return Long.parseLong(parts[2]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The cursor is not one this platform gave.");
        }
    }

    private JsonNode parseObject(String raw) {
        try {
            JsonNode n = mapper.readTree(raw);
            return n != null && n.isObject() ? n : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> map = new HashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null) {
            return map;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            map.put(k, v);
        }
        return map;
    }

    private DemoPlatformStore.Answer problemAnswer(int status, String type, String title, String detail) {
        ObjectNode p = mapper.createObjectNode().put("type", "https://comptoir.example/problems/" + type)
                .put("title", title).put("status", status).put("detail", detail);
        return new DemoPlatformStore.Answer(status, p.toString());
    }

    private void problem(HttpExchange ex, int status, String type, String title, String detail) throws IOException {
        sendRaw(ex, status, problemAnswer(status, type, title, detail).body(), "application/problem+json", false);
    }

    private void sendJson(HttpExchange ex, int status, String body, boolean replayed) throws IOException {
        sendRaw(ex, status, body, "application/json", replayed);
    }

    private static void sendRaw(HttpExchange ex, int status, String body, String contentType, boolean replayed) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", contentType);
        if (replayed) {
            ex.getResponseHeaders().set("Idempotent-Replayed", "true");
        }
        // -1: no body at all (204), as opposed to 0: a body of unknown length.
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }
}
