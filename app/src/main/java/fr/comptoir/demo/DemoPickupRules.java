package fr.comptoir.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.comptoir.comptoirapi.WireJson;
import fr.comptoir.pickups.Handover;
import fr.comptoir.pickups.Pickup;
import fr.comptoir.pickups.PickupMoney;
import fr.comptoir.pickups.PickupStatus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The click-and-collect rules of the demo platform, as a real one would enforce them: preparation (shelf,
 * missing units refunded), the ready notice, hand-over by rounds (a round another terminal made is refused
 * with when, where and by which terminal), the money worked out as {@link PickupMoney} does, refused units
 * back in stock, expiry and return to stock. Works on {@link Pickup} records; callers run each rule inside one
 * transaction.
 */
final class DemoPickupRules {

    static final Duration KEPT_FOR = Duration.ofDays(7);

    private final DemoPlatformStore store;
    private final Clock clock;
    private final ObjectMapper mapper = WireJson.mapper();

    DemoPickupRules(DemoPlatformStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** One order of the store's queue, as it is now. */
    Pickup read(String storeId, String orderId) {
        return pickup(storeId, orderId);
    }

    /** The order is prepared: shelf, picked and missing units (missing ones refunded); the customer is told. */
    Pickup markReady(String storeId, String orderId, JsonNode request) {
        Pickup p = pickup(storeId, orderId);
        String shelf = request.path("shelf").asText("").strip();
        if (shelf.isEmpty()) {
            throw new DemoRules.Refusal(422, "shelf-required", "Shelf required", "Say where the order waits.");
        }
        if (p.status() == PickupStatus.READY) {
            return save(with(p, p.status(), shelf, p.lines(), p.refundedCents(), p.readyAt(), p.expiresAt(), p.handovers(), p.readyNoticeSentAt()));
        }
        if (p.status() != PickupStatus.TO_PREPARE) {
            throw new DemoRules.Refusal(409, "pickup-not-preparable", "Cannot mark ready", "Order " + p.orderNumber() + " is " + p.status() + ".");
        }
        Map<String, JsonNode> asked = new HashMap<>();
        request.path("lines").forEach(l -> asked.put(l.path("lineId").asText(), l));
        List<Pickup.PickupLine> lines = new ArrayList<>();
        long refund = 0;
        for (Pickup.PickupLine l : p.lines()) {
            JsonNode a = asked.get(l.lineId());
            int picked = a == null ? l.quantity() : a.path("picked").asInt(-1);
            int missing = a == null ? 0 : a.path("missing").asInt(-1);
            if (picked < 0 || missing < 0 || picked + missing != l.quantity()) {
                throw new DemoRules.Refusal(422, "invalid-line", "Invalid line",
                        "Line " + l.lineId() + ": picked and missing must add up to " + l.quantity() + ".");
            }
            refund += PickupMoney.worth(l, missing);
            lines.add(l.progressed(picked, missing, l.collected(), l.refused()));
        }
        Instant now = clock.instant();
        boolean nothingLeft = lines.stream().allMatch(l -> l.missing() == l.quantity());
        Pickup ready = with(p, nothingLeft ? PickupStatus.CANCELLED : PickupStatus.READY, shelf, lines,
                Math.min(p.paidCents() + p.settledInStoreCents(), p.refundedCents() + refund), now.toString(),
                now.plus(KEPT_FOR).toString(), p.handovers(), now.toString());
        setOrderStatus(orderId, nothingLeft ? "CANCELLED" : "READY_FOR_PICKUP");
        return save(ready);
    }

    /** "Your order is ready", sent again. */
    Pickup resendNotice(String storeId, String orderId) {
        Pickup p = pickup(storeId, orderId);
        if (p.status() != PickupStatus.READY && p.status() != PickupStatus.PARTLY_COLLECTED) {
            throw new DemoRules.Refusal(409, "not-ready", "Not ready", "Order " + p.orderNumber() + " is " + p.status() + ".");
        }
        return save(with(p, p.status(), p.shelf(), p.lines(), p.refundedCents(), p.readyAt(), p.expiresAt(), p.handovers(),
                clock.instant().toString()));
    }

    /** An expired or abandoned order cancelled: what was held is refunded, what was not collected goes back on sale. */
    Pickup returnToStock(String storeId, String orderId, JsonNode request) {
        Pickup p = pickup(storeId, orderId);
        if (request.path("approvedBy").asText("").isBlank()) {
            throw new DemoRules.Refusal(422, "approval-required", "Approval required", "A manager approves returning an order to stock.");
        }
        if (p.status() == PickupStatus.COLLECTED || p.status() == PickupStatus.CANCELLED) {
            throw new DemoRules.Refusal(409, "not-returnable", "Nothing to return", "Order " + p.orderNumber() + " is " + p.status() + ".");
        }
        boolean expired = p.status() == PickupStatus.EXPIRED || (p.expiresAt() != null && clock.instant().isAfter(Instant.parse(p.expiresAt())));
        if (!expired) {
            throw new DemoRules.Refusal(409, "not-expired", "Not expired", "Order " + p.orderNumber() + " may still be collected until "
                    + p.expiresAt() + ".");
        }
        // Everything open is refused (back on sale); the money held beyond what was collected goes back.
        List<PickupMoney.LineOutcome> all = p.lines().stream().filter(l -> l.open() > 0)
                .map(l -> new PickupMoney.LineOutcome(l.lineId(), 0, l.open(), PickupMoney.RefusalReason.OTHER)).toList();
        PickupMoney.Settlement money = PickupMoney.settle(p, all);
        for (Pickup.PickupLine l : p.lines()) {
            restock(storeId, l.variantId(), l.open(), true);
        }
        setOrderStatus(orderId, "CANCELLED");
        return save(with(p, PickupStatus.CANCELLED, p.shelf(), p.lines(), p.refundedCents() + money.refundCents(), p.readyAt(), p.expiresAt(),
                p.handovers(), p.readyNoticeSentAt()));
    }

    /** A hand-over round: verified at the desk, money as {@link PickupMoney}, refused units back in stock. */
    Pickup handOver(String storeId, String deviceId, String orderId, Handover h) {
        Pickup p = pickup(storeId, orderId);
        if (h.round() < p.handovers().size()) {
            Pickup.PickupHandover done = p.handovers().get(h.round());
            throw new DemoRules.Refusal(409, "already-handed-over", "Already handed over",
                    "Order " + p.orderNumber() + " was handed over at " + done.at() + " by terminal " + done.deviceId()
                            + " in store " + done.storeId() + ".");
        }
        if (h.round() > p.handovers().size()) {
            throw new DemoRules.Refusal(409, "round-ahead", "Unknown hand-over", "Order " + p.orderNumber() + " has had "
                    + p.handovers().size() + " hand-over(s), not " + h.round() + ".");
        }
        switch (p.status()) {
            case COLLECTED -> throw new DemoRules.Refusal(409, "already-handed-over", "Already handed over",
                    "Order " + p.orderNumber() + " was handed over at " + (p.lastHandover() == null ? "?" : p.lastHandover().at()) + ".");
            case TO_PREPARE -> throw new DemoRules.Refusal(409, "not-ready", "Not ready", "Order " + p.orderNumber() + " is not prepared yet.");
            case CANCELLED -> throw new DemoRules.Refusal(409, "cancelled", "Cancelled", "Order " + p.orderNumber() + " was cancelled.");
            default -> { }
        }
        Instant now = clock.instant();
        boolean expired = p.status() == PickupStatus.EXPIRED || (p.expiresAt() != null && now.isAfter(Instant.parse(p.expiresAt())));
        if (expired && (h.approvedBy() == null || h.approvedBy().isBlank())) {
            throw new DemoRules.Refusal(422, "pickup-expired", "Pickup expired", "Order " + p.orderNumber() + " was not collected in time.");
        }
        verify(p, h.verification());
        if (h.lines().isEmpty() || h.lines().stream().allMatch(l -> l.collected() == 0 && l.refused() == 0)) {
            throw new DemoRules.Refusal(422, "nothing-to-hand-over", "Nothing to hand over", "The hand-over names no unit.");
        }
        List<PickupMoney.LineOutcome> outcomes = h.lines().stream()
                .map(l -> new PickupMoney.LineOutcome(l.lineId(), l.collected(), l.refused(), l.refusalReason())).toList();
        PickupMoney.Settlement money;
        try {
            money = PickupMoney.settle(p, outcomes);
        } catch (PickupMoney.Invalid e) {
            throw new DemoRules.Refusal(422, e.getMessage(), "Invalid line", "Line " + e.lineId() + ": " + e.getMessage() + ".");
        }
        if (money.dueCents() != h.dueCents() || money.refundCents() != h.refundCents()) {
            throw new DemoRules.Refusal(422, "settlement-mismatch", "Settlement mismatch", "Due " + money.dueCents() + " and refund "
                    + money.refundCents() + " cents, not " + h.dueCents() + " and " + h.refundCents() + ".");
        }
        if (money.dueCents() > 0 && (h.settlementSaleId() == null || h.settlementSaleId().isBlank())) {
            throw new DemoRules.Refusal(422, "balance-not-taken", "Balance not taken", "Order " + p.orderNumber() + " has "
                    + money.dueCents() + " cents to pay: a hand-over names the store sale that took them.");
        }
        Map<String, Handover.HandoverLine> byLine = new HashMap<>();
        h.lines().forEach(l -> byLine.put(l.lineId(), l));
        List<Pickup.PickupLine> lines = new ArrayList<>();
        for (Pickup.PickupLine l : p.lines()) {
            Handover.HandoverLine a = byLine.get(l.lineId());
            if (a != null && a.refused() > 0) {
                restock(storeId, l.variantId(), a.refused(), a.restock() != Handover.Restock.DAMAGED);
            }
            lines.add(a == null ? l : l.progressed(l.picked(), l.missing(), l.collected() + a.collected(), l.refused() + a.refused()));
        }
        boolean allDone = lines.stream().allMatch(l -> l.open() == 0);
        List<Pickup.PickupHandover> rounds = new ArrayList<>(p.handovers());
        rounds.add(new Pickup.PickupHandover(h.at() == null ? now.toString() : h.at(), deviceId, storeId, h.staffId()));
        Pickup after = new Pickup(p.orderId(), p.orderNumber(), p.storeId(), allDone ? PickupStatus.COLLECTED : PickupStatus.PARTLY_COLLECTED,
                p.customerId(), p.customer(), p.proxies(), p.placedAt(), p.promisedAt(), p.readyAt(), p.expiresAt(), p.totalCents(),
                p.paidCents(), p.settledInStoreCents() + money.dueCents(), p.refundedCents() + money.refundCents(), p.shelf(),
                p.pickupCodeHash(), p.pickupCodeBucket(), lines, rounds, p.readyNoticeSentAt());
        setOrderStatus(orderId, allDone ? "COLLECTED" : "PARTLY_COLLECTED");
        return save(after);
    }

    private static void verify(Pickup p, Handover.HandoverVerification v) {
        if (v == null || v.method() == null) {
            throw new DemoRules.Refusal(422, "verification-required", "Verification required", "Verify the pickup code or the collector's identity.");
        }
        if (v.collectorName() == null || v.collectorName().isBlank()) {
            throw new DemoRules.Refusal(422, "collector-required", "Collector required", "Name who collects.");
        }
        if (v.method() == Handover.Method.ID_DOCUMENT) {
            if (v.idDocument() == null || v.idDocumentEnd() == null || v.idDocumentEnd().length() > 4) {
                throw new DemoRules.Refusal(422, "id-document-required", "Identity document required",
                        "Give the document's type and the last characters of its number only.");
            }
            if (v.proxy() && p.proxies().stream().noneMatch(n -> n.equalsIgnoreCase(v.collectorName().strip()))) {
                throw new DemoRules.Refusal(422, "proxy-not-allowed", "Not an allowed proxy", v.collectorName() + " may not collect this order.");
            }
        }
    }

    private void restock(String storeId, String variantId, int units, boolean sellable) {
        if (units <= 0 || !sellable) {
            return;
        }
        String stockId = storeId + ":" + variantId;
        store.body("stock", stockId).ifPresent(b -> {
            ObjectNode level = parse(b);
            level.put("onHand", level.path("onHand").asInt() + units);
            store.upsert("stock", stockId, level);
        });
    }

    private Pickup pickup(String storeId, String orderId) {
        Pickup p = store.body("pickups", orderId).map(b -> decode(b)).orElse(null);
        if (p == null || !storeId.equals(p.storeId())) {
            throw new DemoRules.Refusal(404, "not-found", "Unknown pickup", "No pickup " + orderId + " at this store.");
        }
        return p;
    }

    private Pickup save(Pickup p) {
        store.upsert("pickups", p.orderId(), p.storeId(), p);
        return p;
    }

    private static Pickup with(Pickup p, PickupStatus status, String shelf, List<Pickup.PickupLine> lines, long refunded, String readyAt,
                               String expiresAt, List<Pickup.PickupHandover> handovers, String noticeAt) {
        return new Pickup(p.orderId(), p.orderNumber(), p.storeId(), status, p.customerId(), p.customer(), p.proxies(), p.placedAt(),
                p.promisedAt(), readyAt, expiresAt, p.totalCents(), p.paidCents(), p.settledInStoreCents(), refunded, shelf,
                p.pickupCodeHash(), p.pickupCodeBucket(), lines, handovers, noticeAt);
    }

    private void setOrderStatus(String orderId, String status) {
        store.body("orders", orderId).ifPresent(b -> {
            ObjectNode order = parse(b);
            order.put("status", status);
            store.upsert("orders", orderId, order);
        });
    }

    private Pickup decode(String body) {
        try {
            return mapper.readValue(body, Pickup.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ObjectNode parse(String body) {
        try {
            return (ObjectNode) mapper.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
