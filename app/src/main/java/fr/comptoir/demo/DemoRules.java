package fr.comptoir.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.comptoir.centralapi.WireJson;
import fr.comptoir.staff.PinHasher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The business rules the demo platform enforces, as a real one would: the pickup state machine
 * (ready, hand-over once, partial, refused, expiry, pickup code or identity) and returnable quantities
 * (never more than bought minus already returned, return window, non-returnable categories).
 * Works on the contract's JSON documents; callers run each rule inside one transaction.
 */
final class DemoRules {

    /** A refusal in RFC 9457 terms. */
    static final class Refusal extends RuntimeException {
        final int status;
        final String type;
        final String title;

        Refusal(int status, String type, String title, String detail) {
            super(detail);
            this.status = status;
            this.type = type;
            this.title = title;
        }
    }

    static final Duration RETURN_WINDOW = Duration.ofDays(30);
    static final Set<String> NON_RETURNABLE_CATEGORIES = Set.of("Épicerie fine", "Fleurs");

    private final DemoPlatformStore store;
    private final Clock clock;
    private final ObjectMapper mapper = WireJson.mapper();

    DemoRules(DemoPlatformStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    // ---- click-and-collect

    ObjectNode markReady(String storeId, String orderId) {
        ObjectNode pickup = pickup(storeId, orderId);
        String status = pickup.path("status").asText();
        if (status.equals("READY")) {
            return pickup;
        }
        if (!status.equals("TO_PREPARE")) {
            throw new Refusal(409, "pickup-not-preparable", "Cannot mark ready", "Order " + orderNumber(pickup) + " is " + status + ".");
        }
        Instant now = clock.instant();
        pickup.put("status", "READY").put("readyAt", now.toString()).put("expiresAt", now.plus(Duration.ofDays(7)).toString());
        store.upsert("pickups", orderId, storeId, pickup);
        setOrderStatus(orderId, "READY_FOR_PICKUP");
        return pickup;
    }

    ObjectNode handOver(String storeId, String deviceId, String orderId, JsonNode request) {
        ObjectNode pickup = pickup(storeId, orderId);
        String status = pickup.path("status").asText();
        switch (status) {
            case "COLLECTED" -> throw new Refusal(409, "already-handed-over", "Already handed over",
                    "Order " + orderNumber(pickup) + " was handed over at " + pickup.path("handedOverAt").asText() + ".");
            case "TO_PREPARE" -> throw new Refusal(409, "not-ready", "Not ready", "Order " + orderNumber(pickup) + " is not prepared yet.");
            case "EXPIRED" -> throw new Refusal(422, "pickup-expired", "Pickup expired", "Order " + orderNumber(pickup) + " was not collected in time.");
            default -> { }
        }
        Instant now = clock.instant();
        if (!pickup.path("expiresAt").isNull() && now.isAfter(Instant.parse(pickup.path("expiresAt").asText()))) {
            throw new Refusal(422, "pickup-expired", "Pickup expired", "Order " + orderNumber(pickup) + " was not collected in time.");
        }
        verify(pickup, request.path("verification"));

        Map<String, ObjectNode> lines = new HashMap<>();
        pickup.withArray("lines").forEach(l -> lines.put(l.path("lineId").asText(), (ObjectNode) l));
        JsonNode asked = request.path("lines");
        if (!asked.isArray() || asked.isEmpty()) {
            throw new Refusal(422, "nothing-to-hand-over", "Nothing to hand over", "The hand-over names no line.");
        }
        for (JsonNode a : asked) {
            ObjectNode line = lines.get(a.path("lineId").asText());
            int collected = a.path("collected").asInt(-1);
            int refused = a.path("refused").asInt(-1);
            if (line == null || collected < 0 || refused < 0) {
                throw new Refusal(422, "invalid-line", "Invalid line", "Unknown line or negative quantity: " + a);
            }
            int left = line.path("quantity").asInt() - line.path("collected").asInt() - line.path("refused").asInt();
            if (collected + refused > left) {
                throw new Refusal(422, "more-than-ordered", "More than ordered",
                        "Line " + line.path("lineId").asText() + " has " + left + " left to hand over.");
            }
        }
        for (JsonNode a : asked) {
            ObjectNode line = lines.get(a.path("lineId").asText());
            line.put("collected", line.path("collected").asInt() + a.path("collected").asInt());
            line.put("refused", line.path("refused").asInt() + a.path("refused").asInt());
        }
        boolean allDone = lines.values().stream().allMatch(l ->
                l.path("collected").asInt() + l.path("refused").asInt() == l.path("quantity").asInt());
        pickup.put("status", allDone ? "COLLECTED" : "PARTLY_COLLECTED")
                .put("handedOverAt", now.toString()).put("handedOverByDeviceId", deviceId);
        store.upsert("pickups", orderId, storeId, pickup);
        setOrderStatus(orderId, allDone ? "COLLECTED" : "PARTLY_COLLECTED");
        return pickup;
    }

    private void verify(ObjectNode pickup, JsonNode verification) {
        String method = verification.path("method").asText("");
        if (method.equals("PICKUP_CODE")) {
            if (!PinHasher.matches(verification.path("pickupCode").asText(""), pickup.path("pickupCodeHash").asText())) {
                throw new Refusal(422, "wrong-pickup-code", "Wrong pickup code", "The pickup code does not match this order.");
            }
        } else if (method.equals("ID_DOCUMENT")) {
            String name = verification.path("collectorName").asText("").strip();
            if (name.isEmpty()) {
                throw new Refusal(422, "collector-required", "Collector required", "Give the name on the identity document.");
            }
            if (verification.path("isProxy").asBoolean(false)) {
                boolean allowed = false;
                for (JsonNode p : pickup.path("proxies")) {
                    allowed |= p.asText().equalsIgnoreCase(name);
                }
                if (!allowed) {
                    throw new Refusal(422, "proxy-not-allowed", "Not an allowed proxy", name + " may not collect this order.");
                }
            }
        } else {
            throw new Refusal(422, "verification-required", "Verification required", "Verify the pickup code or the collector's identity.");
        }
    }

    private ObjectNode pickup(String storeId, String orderId) {
        ObjectNode pickup = read("pickups", orderId);
        if (pickup == null || !storeId.equals(pickup.path("storeId").asText())) {
            throw new Refusal(404, "not-found", "Unknown pickup", "No pickup " + orderId + " at this store.");
        }
        return pickup;
    }

    private static String orderNumber(JsonNode pickup) {
        return pickup.path("orderNumber").asText();
    }

    private void setOrderStatus(String orderId, String status) {
        ObjectNode order = read("orders", orderId);
        if (order != null) {
            order.put("status", status);
            store.upsert("orders", orderId, order);
        }
    }

    // ---- returns

    ObjectNode returnable(String orderId) {
        ObjectNode order = read("orders", orderId);
        if (order == null) {
            throw new Refusal(404, "not-found", "Unknown order", "No order " + orderId + ".");
        }
        ObjectNode answer = mapper.createObjectNode().put("orderId", orderId)
                .put("returnWindowEndsAt", Instant.parse(order.path("placedAt").asText()).plus(RETURN_WINDOW).toString());
        ArrayNode lines = answer.putArray("lines");
        for (JsonNode l : order.path("lines")) {
            int bought = l.path("quantity").asInt();
            int returned = l.path("returnedQuantity").asInt();
            String category = categoryOf(l.path("variantId").asText());
            lines.addObject().put("lineId", l.path("id").asText()).put("bought", bought).put("returned", returned)
                    .put("returnable", Math.max(0, bought - returned))
                    .put("nonReturnableReason", NON_RETURNABLE_CATEGORIES.contains(category) ? "non-returnable-category" : null);
        }
        return answer;
    }

    ObjectNode createReturn(String storeId, String deviceId, JsonNode request) {
        String orderId = request.path("orderId").asText("");
        ObjectNode order = read("orders", orderId);
        if (order == null) {
            throw new Refusal(422, "unknown-order", "Unknown order", "No order " + orderId + " to return from.");
        }
        boolean approved = request.path("approval").path("managerStaffId").asText("").length() > 0;
        Instant placed = Instant.parse(order.path("placedAt").asText());
        if (!approved && clock.instant().isAfter(placed.plus(RETURN_WINDOW))) {
            throw new Refusal(422, "outside-return-window", "Outside the return window",
                    "Order " + order.path("number").asText() + " is older than " + RETURN_WINDOW.toDays() + " days.");
        }
        Map<String, ObjectNode> lines = new HashMap<>();
        order.withArray("lines").forEach(l -> lines.put(l.path("id").asText(), (ObjectNode) l));
        JsonNode asked = request.path("lines");
        if (!asked.isArray() || asked.isEmpty()) {
            throw new Refusal(422, "empty-return", "Empty return", "A return needs at least one line.");
        }
        Map<String, Integer> perLine = new HashMap<>();
        long refund = 0;
        for (JsonNode a : asked) {
            ObjectNode line = lines.get(a.path("lineId").asText());
            int qty = a.path("quantity").asInt(0);
            if (line == null || qty < 1) {
                throw new Refusal(422, "invalid-line", "Invalid line", "Unknown line or quantity below 1: " + a);
            }
            int total = perLine.merge(line.path("id").asText(), qty, Integer::sum);
            int returnable = line.path("quantity").asInt() - line.path("returnedQuantity").asInt();
            if (total > returnable) {
                throw new Refusal(422, "more-than-returnable", "More than returnable",
                        "Line " + line.path("id").asText() + " (" + line.path("name").asText() + "): " + returnable + " still returnable.");
            }
            if (!approved && NON_RETURNABLE_CATEGORIES.contains(categoryOf(line.path("variantId").asText()))) {
                throw new Refusal(422, "non-returnable-category", "Not returnable", line.path("name").asText() + " cannot be returned.");
            }
            refund += qty * line.path("unitPriceCents").asLong();
        }
        perLine.forEach((id, qty) -> lines.get(id).put("returnedQuantity", lines.get(id).path("returnedQuantity").asInt() + qty));
        store.upsert("orders", orderId, order);
        ObjectNode ret = ((ObjectNode) request.deepCopy());
        String id = request.path("id").asText("");
        ret.put("id", id.isEmpty() ? "ret-" + UUID.randomUUID() : id).put("storeId", storeId).put("deviceId", deviceId)
                .put("status", "REFUNDED").put("refundedCents", refund);
        store.upsert("returns", ret.path("id").asText(), ret);
        return ret;
    }

    private String categoryOf(String variantId) {
        int dash = variantId.lastIndexOf('-');
        if (dash <= 0) {
            return "";
        }
        ObjectNode product = read("products", variantId.substring(0, dash));
        return product == null ? "" : product.path("category").asText();
    }

    private ObjectNode read(String feed, String id) {
        return store.body(feed, id).map(b -> {
            try {
                return (ObjectNode) mapper.readTree(b);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).orElse(null);
    }
}
