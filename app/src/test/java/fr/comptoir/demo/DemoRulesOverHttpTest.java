package fr.comptoir.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.comptoir.centralapi.DeviceActivation;
import fr.comptoir.comptoirapi.HttpCentralPlatform;
import fr.comptoir.comptoirapi.RetryPolicy;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** The business rules of the demo platform, exercised over real HTTP as terminals would. */
class DemoRulesOverHttpTest {

    @TempDir
    Path dir;
    DemoPlatformStore store;
    DemoCentralServer server;
    DeviceActivation paris;
    final OkHttpClient http = new OkHttpClient();
    final ObjectMapper json = new ObjectMapper();

    record Reply(int status, JsonNode body, boolean replayed) {
    }

    @BeforeEach
    void start() throws IOException {
        store = DemoPlatformStore.openOrGenerate(dir, DemoSize.TINY, 42, LocalDate.of(2026, 11, 20));
        server = DemoCentralServer.start(store, 0, Clock.fixed(Instant.parse("2026-11-20T20:00:00Z"), ZoneOffset.UTC));
        paris = new HttpCentralPlatform(server.baseUrl(), () -> null, HttpCentralPlatform.defaultClient(), RetryPolicy.NONE)
                .activate("DEMO", "t1", "inst-t1",
                        fr.comptoir.fiscal.SigningKeyRegistration.of(fr.comptoir.fiscal.SigningKey.generate()));
    }

    @AfterEach
    void stop() {
        server.close();
        store.close();
    }

    Reply get(String path) throws IOException {
        return call(new Request.Builder().url(server.baseUrl() + path).get(), null);
    }

    Reply post(String path, String key, Object body) throws IOException {
        String text = body instanceof String s ? s : json.writeValueAsString(body);
        return call(new Request.Builder().url(server.baseUrl() + path).header("Idempotency-Key", key)
                .post(RequestBody.create(text, MediaType.get("application/json"))), null);
    }

    Reply patch(String path, String key, Object body) throws IOException {
        return call(new Request.Builder().url(server.baseUrl() + path).header("Idempotency-Key", key)
                .patch(RequestBody.create(json.writeValueAsString(body), MediaType.get("application/json"))), null);
    }

    private Reply call(Request.Builder b, String ignored) throws IOException {
        try (Response r = http.newCall(b.header("Authorization", "Bearer " + paris.accessToken()).build()).execute()) {
            String text = r.body().string();
            return new Reply(r.code(), text.isEmpty() ? null : json.readTree(text), "true".equals(r.header("Idempotent-Replayed")));
        }
    }

    final ObjectMapper wire = fr.comptoir.comptoirapi.WireJson.mapper();

    JsonNode pickupIn(String status) throws IOException {
        for (JsonNode p : get("v1/stores/" + paris.storeId() + "/pickups").body()) {
            boolean current = p.path("expiresAt").isNull() || Instant.parse(p.path("expiresAt").asText()).isAfter(NOW);
            if (p.path("status").asText().equals(status) && (current || status.equals("EXPIRED"))) {
                return p;
            }
        }
        throw new AssertionError("no pickup " + status);
    }

    static final Instant NOW = Instant.parse("2026-11-20T20:00:00Z");

    fr.comptoir.pickups.Pickup record(JsonNode pickup) throws IOException {
        return wire.treeToValue(pickup, fr.comptoir.pickups.Pickup.class);
    }

    /** A hand-over of every open unit (or the given outcomes), verified by code, its money worked out as the desk does. */
    ObjectNode handover(JsonNode pickup, List<fr.comptoir.pickups.PickupMoney.LineOutcome> outcomes) throws IOException {
        fr.comptoir.pickups.Pickup p = record(pickup);
        List<fr.comptoir.pickups.PickupMoney.LineOutcome> what = outcomes != null ? outcomes : p.lines().stream()
                .filter(l -> l.open() > 0).map(l -> new fr.comptoir.pickups.PickupMoney.LineOutcome(l.lineId(), l.open(), 0, null)).toList();
        fr.comptoir.pickups.PickupMoney.Settlement money = fr.comptoir.pickups.PickupMoney.settle(p, what);
        fr.comptoir.pickups.Handover h = new fr.comptoir.pickups.Handover("h-" + UUID.randomUUID(), p.orderId(), p.orderNumber(),
                paris.storeId(), paris.deviceId(), "stf", "2026-11-20T19:00:00Z", p.handovers().size(),
                new fr.comptoir.pickups.Handover.HandoverVerification(fr.comptoir.pickups.Handover.Method.PICKUP_CODE,
                        p.customer().fullName(), false, null, null),
                what.stream().map(o -> new fr.comptoir.pickups.Handover.HandoverLine(o.lineId(), o.collect(), o.refuse(), o.reason(),
                        o.refuse() > 0 ? fr.comptoir.pickups.Handover.Restock.SELLABLE : null)).toList(),
                money.dueCents(), money.refundCents(), null, false, money.dueCents() > 0 ? "sale-at-the-till" : null);
        return wire.valueToTree(h);
    }

    ObjectNode handover(JsonNode pickup) throws IOException {
        return handover(pickup, null);
    }

    @Test
    void theFirstPageSaysHowManyChangesAreLeftOfEachFeedAsTheStoreSeesThem() throws IOException {
        for (String feed : List.of("orders", "stock", "staff", "products", "pickups")) {
            Reply first = get("v1/feeds/" + feed + "?limit=7&withRemaining=true");
            assertThat(first.status()).isEqualTo(200);
            long remaining = first.body().path("remaining").asLong(-1);
            int seen = first.body().path("changes").size();
            String cursor = first.body().path("nextCursor").asText();
            boolean more = first.body().path("hasMore").asBoolean();
            while (more) {
                Reply page = get("v1/feeds/" + feed + "?limit=500&cursor=" + cursor);
                seen += page.body().path("changes").size();
                cursor = page.body().path("nextCursor").asText();
                more = page.body().path("hasMore").asBoolean();
            }
            assertThat(first.body().path("changes").size() + remaining).as(feed).isEqualTo(seen);
        }
    }

    @Test
    void theQueueHoldsEveryStateAndIsPrivateToItsStore() throws IOException {
        List<String> states = new ArrayList<>();
        get("v1/stores/" + paris.storeId() + "/pickups").body().forEach(p -> states.add(p.path("status").asText()));
        assertThat(states).contains("TO_PREPARE", "READY", "COLLECTED", "PARTLY_COLLECTED", "EXPIRED");
        assertThat(states.stream().filter("READY"::equals).count()).as("dozens of each in a bigger demo; six at TINY").isEqualTo(6);
        assertThat(get("v1/stores/st-lyo01/pickups").status()).isEqualTo(403);
    }

    @Test
    void aRoundIsHandedOverOnceEvenFromTwoTerminalsAndTheRefusalSaysWhenAndWhere() throws Exception {
        JsonNode pickup = pickupIn("READY");
        String orderId = pickup.path("orderId").asText();

        // Two terminals press "Hand over" at the same moment, each with its own key, both for round 0.
        ExecutorService pool = Executors.newFixedThreadPool(2);
        ObjectNode h1 = handover(pickup);
        ObjectNode h2 = handover(pickup);
        List<Callable<Reply>> both = List.of(
                () -> post("v1/pickups/" + orderId + "/handover", "t1-" + UUID.randomUUID(), h1),
                () -> post("v1/pickups/" + orderId + "/handover", "t2-" + UUID.randomUUID(), h2));
        List<Reply> replies = new ArrayList<>();
        for (Future<Reply> f : pool.invokeAll(both)) {
            replies.add(f.get());
        }
        pool.shutdown();
        assertThat(replies).extracting(Reply::status).containsExactlyInAnyOrder(200, 409);
        Reply refused = replies.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
        assertThat(refused.body().path("type").asText()).endsWith("already-handed-over");
        assertThat(refused.body().path("detail").asText()).contains("2026-11-20T19:00:00Z", paris.deviceId(), paris.storeId());
        assertThat(json.readTree(store.body("orders", orderId).orElseThrow()).path("status").asText()).isEqualTo("COLLECTED");
    }

    @Test
    void aRetryWithTheSameKeyGetsTheOriginalAnswerNotARefusal() throws IOException {
        JsonNode pickup = pickupIn("READY");
        String path = "v1/pickups/" + pickup.path("orderId").asText() + "/handover";
        ObjectNode h = handover(pickup);
        Reply first = post(path, "same-key", h);
        Reply retry = post(path, "same-key", h);
        assertThat(first.status()).isEqualTo(200);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.replayed()).isTrue();
        assertThat(retry.body()).isEqualTo(first.body());
    }

    @Test
    void expiredUnpreparedAndMiscountedHandOversAreRefused() throws IOException {
        JsonNode ready = pickupIn("READY");
        ObjectNode wrongMoney = handover(ready).put("refundCents", 1);
        Reply mismatch = post("v1/pickups/" + ready.path("orderId").asText() + "/handover", "k1", wrongMoney);
        assertThat(mismatch.status()).isEqualTo(422);
        assertThat(mismatch.body().path("type").asText()).endsWith("settlement-mismatch");

        JsonNode expired = pickupIn("EXPIRED");
        Reply late = post("v1/pickups/" + expired.path("orderId").asText() + "/handover", "k2", handover(expired));
        assertThat(late.status()).isEqualTo(422);
        assertThat(late.body().path("type").asText()).endsWith("pickup-expired");
        assertThat(post("v1/pickups/" + expired.path("orderId").asText() + "/handover", "k2b", handover(expired).put("approvedBy", "stf-par01-1"))
                .status()).as("a manager approved").isEqualTo(200);

        JsonNode toPrepare = pickupIn("TO_PREPARE");
        String id = toPrepare.path("orderId").asText();
        assertThat(post("v1/pickups/" + id + "/handover", "k3", handover(toPrepare)).status()).isEqualTo(409);
        ObjectNode prepared = json.createObjectNode().put("deviceId", paris.deviceId()).put("staffId", "stf").put("at", NOW.toString())
                .put("shelf", "C-07");
        var lines = prepared.putArray("lines");
        toPrepare.path("lines").forEach(l -> lines.addObject().put("lineId", l.path("lineId").asText())
                .put("picked", l.path("quantity").asInt()).put("missing", 0));
        Reply readied = post("v1/pickups/" + id + "/ready", "k4", prepared);
        assertThat(readied.status()).isEqualTo(200);
        assertThat(readied.body().path("status").asText()).isEqualTo("READY");
        assertThat(readied.body().path("shelf").asText()).isEqualTo("C-07");
        assertThat(post("v1/pickups/" + id + "/handover", "k5", handover(readied.body())).status()).isEqualTo(200);
    }

    @Test
    void partialPickupWithRefusedItemsThenTheRestRefundsToTheCentAndRestocks() throws IOException {
        JsonNode ready = null;
        for (JsonNode p : get("v1/stores/" + paris.storeId() + "/pickups").body()) {
            if (p.path("status").asText().equals("READY") && p.path("lines").size() > 1 && p.path("paidCents").asLong() == p.path("totalCents").asLong()
                    && Instant.parse(p.path("expiresAt").asText()).isAfter(NOW)) {
                ready = p;
            }
        }
        assertThat(ready).as("a prepaid READY pickup with several lines").isNotNull();
        String orderId = ready.path("orderId").asText();
        JsonNode line0 = ready.path("lines").get(0);
        String stockId = paris.storeId() + ":" + line0.path("variantId").asText();
        int onHandBefore = json.readTree(store.body("stock", stockId).orElseThrow()).path("onHand").asInt();
        Reply partial = post("v1/pickups/" + orderId + "/handover", "p1", handover(ready, List.of(new fr.comptoir.pickups.PickupMoney.LineOutcome(
                line0.path("lineId").asText(), 0, line0.path("quantity").asInt(), fr.comptoir.pickups.PickupMoney.RefusalReason.WRONG_SIZE))));
        assertThat(partial.status()).isEqualTo(200);
        assertThat(partial.body().path("status").asText()).isEqualTo("PARTLY_COLLECTED");
        assertThat(partial.body().path("refundedCents").asLong()).isEqualTo(line0.path("lineTotalCents").asLong());
        assertThat(json.readTree(store.body("stock", stockId).orElseThrow()).path("onHand").asInt())
                .as("refused as sellable: back on sale here").isEqualTo(onHandBefore + line0.path("quantity").asInt());

        Reply stale = post("v1/pickups/" + orderId + "/handover", "p2", handover(ready));
        assertThat(stale.status()).as("round 0 again").isEqualTo(409);

        Reply rest = post("v1/pickups/" + orderId + "/handover", "p3", handover(partial.body()));
        assertThat(rest.body().path("status").asText()).isEqualTo("COLLECTED");
        assertThat(rest.body().path("refundedCents").asLong()).isEqualTo(line0.path("lineTotalCents").asLong());
        assertThat(rest.body().path("handovers").size()).isEqualTo(2);
    }

    @Test
    void tillEventsAreKeptWholeAndAnUnknownTypeIsRefused() throws IOException {
        String path = "v1/stores/" + paris.storeId() + "/events";
        ObjectNode e = json.createObjectNode().put("eventId", "till-1").put("type", "SALE_VOIDED").put("staffId", "stf-1")
                .put("storeId", paris.storeId()).put("deviceId", paris.deviceId()).put("occurredAt", "2026-11-20T19:00:00Z")
                .put("approvedBy", "stf-manager").put("amountCents", 5999).put("detail", "1 line(s)");
        assertThat(post(path, "till-1", e).status()).isEqualTo(201);
        Reply unknown = post(path, "till-2", e.deepCopy().put("eventId", "till-2").put("type", "CASH_TAKEN"));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.body().path("detail").asText()).contains("CASH_TAKEN");
        assertThat(store.storeEventTypes()).containsExactly("SALE_VOIDED");
    }

    @Test
    void nothingIsReturnedTwiceAcrossTerminals() throws Exception {
        JsonNode collected = pickupIn("COLLECTED");
        String orderId = collected.path("orderId").asText();
        JsonNode returnable = get("v1/orders/" + orderId + "/returnable").body();
        JsonNode line = null;
        for (JsonNode l : returnable.path("lines")) {
            if (l.path("nonReturnableReason").isNull() && l.path("returnable").asInt() > 0) {
                line = l;
            }
        }
        if (line == null) {
            throw new AssertionError("demo data should hold a returnable line in " + returnable);
        }
        int qty = line.path("returnable").asInt();
        String lineId = line.path("lineId").asText();
        ObjectNode ret = json.createObjectNode().put("orderId", orderId).put("storeId", paris.storeId())
                .put("deviceId", paris.deviceId()).put("staffId", "stf");
        ret.putArray("lines").addObject().put("lineId", lineId).put("quantity", qty).put("reason", "TOO_SMALL").put("restock", "SELLABLE");
        ret.putObject("refund").put("method", "ORIGINAL_TENDER");

        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Callable<Reply>> both = List.of(() -> post("v1/returns", "r1", ret), () -> post("v1/returns", "r2", ret));
        List<Integer> statuses = new ArrayList<>();
        for (Future<Reply> f : pool.invokeAll(both)) {
            statuses.add(f.get().status());
        }
        pool.shutdown();
        assertThat(statuses).containsExactlyInAnyOrder(201, 422);
        JsonNode after = get("v1/orders/" + orderId + "/returnable").body();
        for (JsonNode l : after.path("lines")) {
            if (l.path("lineId").asText().equals(lineId)) {
                assertThat(l.path("returnable").asInt()).isZero();
                assertThat(l.path("returned").asInt()).isEqualTo(qty);
            }
        }
        ObjectNode empty = json.createObjectNode().put("orderId", orderId);
        empty.putArray("lines");
        assertThat(post("v1/returns", "r3", empty).status()).isEqualTo(422);
        assertThat(post("v1/returns", "r4", "[]").status()).isEqualTo(400);
    }

    @Test
    void aCartIsContinuedInStoreByOneBasketOnly() throws IOException {
        String cartId = get("v1/customers/cus-1/carts").body().get(0).path("id").asText();
        ObjectNode first = json.createObjectNode().put("storeId", paris.storeId()).put("deviceId", paris.deviceId())
                .put("staffId", "s").put("basketId", "basket-A").put("at", "2026-11-20T10:00:00Z");
        assertThat(post("v1/carts/" + cartId + "/continued-in-store", "c1", first).status()).isEqualTo(200);
        // The same basket again (a retry under a new key) is harmless; another basket is refused.
        assertThat(post("v1/carts/" + cartId + "/continued-in-store", "c2", first).status()).isEqualTo(200);
        Reply other = post("v1/carts/" + cartId + "/continued-in-store", "c3", first.deepCopy().put("basketId", "basket-B"));
        assertThat(other.status()).isEqualTo(409);
        assertThat(get("v1/customers/cus-1/carts").body().toString()).doesNotContain(cartId);
        JsonNode kept = json.readTree(store.body("carts", cartId).orElseThrow());
        assertThat(kept.path("status").asText()).isEqualTo("CONTINUED_IN_STORE");
    }

    @Test
    void preferencesMergeFieldByFieldAndTheLaterChangeWins() throws IOException {
        ObjectNode late = json.createObjectNode();
        late.putArray("changes").addObject().put("field", "preferences.sizes").put("changedAt", "2026-11-20T11:00:00Z")
                .putArray("value").add("L");
        ObjectNode early = json.createObjectNode();
        var changes = early.putArray("changes");
        changes.addObject().put("field", "preferences.sizes").put("changedAt", "2026-11-20T10:00:00Z").putArray("value").add("S");
        changes.addObject().put("field", "preferences.brands").put("changedAt", "2026-11-20T10:00:00Z").putArray("value").add("Saint-Loup");
        assertThat(patch("v1/customers/cus-1", "p1", late).status()).isEqualTo(200);
        // Delivered later but made earlier (an offline terminal): sizes keep the later "L", brands take the change.
        JsonNode after = patch("v1/customers/cus-1", "p2", early).body();
        assertThat(after.at("/preferences/sizes").toString()).isEqualTo("[\"L\"]");
        assertThat(after.at("/preferences/brands").toString()).isEqualTo("[\"Saint-Loup\"]");
        ObjectNode bad = json.createObjectNode();
        bad.putArray("changes").addObject().put("field", "loyaltyPoints").put("changedAt", "2026-11-20T10:00:00Z").put("value", 99999);
        assertThat(patch("v1/customers/cus-1", "p3", bad).status()).isEqualTo(422);
    }

    @Test
    void aDuplicateCustomerIsRefusedWithTheExistingOne() throws IOException {
        ObjectNode dup = json.createObjectNode().put("id", "local-x").put("firstName", "H").put("lastName", "M")
                .put("email", "HELENE.MARTIN@orange.fr").put("emailConsent", false).put("smsConsent", false);
        Reply r = post("v1/customers", "d1", dup);
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.body().path("detail").asText()).contains("cus-1");
        assertThat(get("v1/customers?q=helene").body().size()).isPositive();
    }

    @Test
    void heleneHasAnOpenOnlineCart() throws IOException {
        JsonNode carts = get("v1/customers/cus-1/carts").body();
        assertThat(carts.size()).isPositive();
        assertThat(carts.get(0).path("status").asText()).isEqualTo("OPEN");
        assertThat(carts.get(0).path("lines").size()).isPositive();
    }
}
