package fr.comptoir.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.comptoir.comptoirapi.WireJson;
import fr.comptoir.orders.OrderLine;
import fr.comptoir.returns.ReturnMoney;

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
 * The returns ledger of the demo platform, as a real one would keep it: items coming back on a store ticket
 * (lines with a negative quantity naming the order line they were bought on) are counted against that line
 * across every terminal and channel, so that no unit is refunded twice (409 {@code already-returned}, saying
 * which tickets took them back, when and where); each refunds what was paid for it, the same as
 * {@link ReturnMoney} (else 422 {@code refund-mismatch}); outside the store's policy a manager approves. Items
 * come back into the store's sellable stock or are set aside as damaged. Callers run it inside one transaction,
 * checking every line before applying any.
 */
final class DemoReturnRules {

    private final DemoPlatformStore store;
    private final Clock clock;
    private final ObjectMapper mapper = WireJson.mapper();

    DemoReturnRules(DemoPlatformStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** What items without a receipt may be credited per customer over a year. */
    static final long NO_RECEIPT_LIMIT_CENTS = 15_000;

    /** One returned line checked against its order line (both null without a receipt), ready to be applied. */
    record Checked(ObjectNode order, ObjectNode orderLine, JsonNode line, int units, long refundCents) {
        boolean noReceipt() {
            return order == null;
        }
    }

    /**
     * An item without a receipt: a manager approved, the ticket names its customer, the credit is at most the
     * lowest price of the last 30 days, and the customer's credits without receipt stay within the yearly limit.
     */
    private Checked withoutReceipt(JsonNode l, JsonNode sale, long earlierOnThisTicket) {
        if (l.path("returnOf").path("approvedBy").asText("").isBlank()) {
            throw new DemoRules.Refusal(422, "no-receipt-needs-approval", "Approval required", "An item without a receipt comes back with a"
                    + " manager's approval.");
        }
        String customerId = sale.path("customerId").asText("");
        if (customerId.isBlank()) {
            throw new DemoRules.Refusal(422, "no-receipt-needs-customer", "Customer required", "An item without a receipt is credited to a"
                    + " customer: attach one.");
        }
        String variantId = l.path("variantId").asText();
        int dash = variantId.lastIndexOf('-');
        ObjectNode product = dash <= 0 ? null : read("products", variantId.substring(0, dash));
        JsonNode variant = null;
        for (JsonNode v : product == null ? mapper.createArrayNode() : product.path("variants")) {
            if (v.path("id").asText().equals(variantId)) {
                variant = v;
            }
        }
        if (variant == null) {
            throw new DemoRules.Refusal(422, "unknown-variant", "Unknown item", "No item " + variantId + ".");
        }
        int units = -l.path("quantity").asInt();
        long unit = Math.min(variant.path("priceCents").asLong(), variant.path("lowestPrice30DaysCents").asLong(variant.path("priceCents").asLong()));
        long asks = -(l.path("quantity").asLong() * l.path("unitPriceCents").asLong() - l.path("discountCents").asLong(0)
                - l.path("promotionCents").asLong(0));
        if (asks <= 0 || asks > unit * units) {
            // At most the lowest price of 30 days (a store's price list may set today's price lower still).
            throw new DemoRules.Refusal(422, "refund-mismatch", "Refund mismatch", "Without a receipt, " + units + " of " + variantId
                    + " are credited at most " + unit * units + " cents (the lowest price of 30 days), not " + asks + ".");
        }
        long before = 0;
        Instant yearAgo = clock.instant().minus(Duration.ofDays(365));
        for (String body : store.bodiesWhere("returned-items", "customerId", customerId)) {
            JsonNode r = parse(body);
            if (r.path("noReceipt").asBoolean() && Instant.parse(r.path("at").asText(clock.instant().toString())).isAfter(yearAgo)) {
                before += r.path("refundCents").asLong();
            }
        }
        if (before + earlierOnThisTicket + asks > NO_RECEIPT_LIMIT_CENTS) {
            throw new DemoRules.Refusal(422, "no-receipt-limit", "Limit reached", "This customer was credited " + (before + earlierOnThisTicket)
                    + " cents without receipts this year; the limit is " + NO_RECEIPT_LIMIT_CENTS + ".");
        }
        return new Checked(null, null, l, units, asks);
    }

    /**
     * Checks the returned lines of a ticket (every one of them, with the units already asked by earlier lines of
     * the same ticket).
     */
    List<Checked> check(JsonNode sale, List<JsonNode> returned, java.util.function.Function<String, String> categoryOf) {
        Map<String, ObjectNode> orders = new HashMap<>();
        Map<String, Integer> asked = new HashMap<>();
        List<Checked> checked = new ArrayList<>();
        long withoutReceipt = 0;
        for (JsonNode l : returned) {
            JsonNode from = l.path("returnOf");
            String orderId = from.path("orderId").asText("");
            if (orderId.isEmpty()) {
                Checked c = withoutReceipt(l, sale, withoutReceipt);
                withoutReceipt += c.refundCents();
                checked.add(c);
                continue;
            }
            ObjectNode order = orders.computeIfAbsent(orderId, id -> read("orders", id));
            if (order == null) {
                throw new DemoRules.Refusal(422, "unknown-order", "Unknown order", "No order " + orderId + " to take items back from.");
            }
            ObjectNode line = null;
            for (JsonNode ol : order.path("lines")) {
                if (ol.path("id").asText().equals(from.path("lineId").asText())) {
                    line = (ObjectNode) ol;
                }
            }
            if (line == null || !line.path("variantId").asText().equals(l.path("variantId").asText())) {
                throw new DemoRules.Refusal(422, "unknown-line", "Unknown line", "Order " + order.path("number").asText() + " has no line "
                        + from.path("lineId").asText() + " of that item.");
            }
            int units = -l.path("quantity").asInt();
            int before = line.path("returnedQuantity").asInt() + asked.getOrDefault(line.path("id").asText(), 0);
            int bought = line.path("quantity").asInt();
            if (units > bought - before) {
                throw new DemoRules.Refusal(409, "already-returned", "Already returned", "Order " + order.path("number").asText() + ", "
                        + line.path("name").asText() + ": " + units + " asked back, " + Math.max(0, bought - before) + " still returnable"
                        + earlier(order.path("id").asText(), line.path("id").asText()) + ".");
            }
            boolean approved = !from.path("approvedBy").asText("").isBlank();
            String channel = order.path("channel").asText();
            Instant placed = Instant.parse(order.path("placedAt").asText());
            if (!approved && clock.instant().isAfter(placed.plus(Duration.ofDays(DemoRules.POLICY.windowDays(channel))))) {
                throw new DemoRules.Refusal(422, "outside-return-window", "Outside the return window", "Order " + order.path("number").asText()
                        + " is older than " + DemoRules.POLICY.windowDays(channel) + " days: a manager approves.");
            }
            if (!approved && !DemoRules.POLICY.returnable(categoryOf.apply(line.path("variantId").asText()))) {
                throw new DemoRules.Refusal(422, "non-returnable-category", "Not returnable", line.path("name").asText()
                        + " is not taken back: a manager approves.");
            }
            OrderLine asLine = new OrderLine(line.path("id").asText(), line.path("variantId").asText(), null, line.path("name").asText(), bought,
                    line.path("unitPriceCents").asLong(), line.path("vatRateBasisPoints").asInt(), 0,
                    line.hasNonNull("paidCents") ? line.path("paidCents").asLong() : null);
            long refund = ReturnMoney.refund(asLine, before, units);
            long asks = -(l.path("quantity").asLong() * l.path("unitPriceCents").asLong() - l.path("discountCents").asLong(0)
                    - l.path("promotionCents").asLong(0));
            if (asks != refund) {
                throw new DemoRules.Refusal(422, "refund-mismatch", "Refund mismatch", line.path("name").asText() + ": " + units
                        + " unit(s) refund " + refund + " cents, not " + asks + ".");
            }
            asked.merge(line.path("id").asText(), units, Integer::sum);
            checked.add(new Checked(order, line, l, units, refund));
        }
        return checked;
    }

    /** Applies checked returned lines of ticket {@code saleId}: the ledger, the stock, the record of each return. */
    void apply(String storeId, String deviceId, JsonNode sale, List<Checked> checked) {
        Map<String, ObjectNode> touched = new HashMap<>();
        int n = 0;
        for (Checked c : checked) {
            if (!c.noReceipt()) {
                c.orderLine().put("returnedQuantity", c.orderLine().path("returnedQuantity").asInt() + c.units());
                touched.put(c.order().path("id").asText(), c.order());
            }
            String restock = c.line().path("returnOf").path("restock").asText("SELLABLE");
            String stockId = storeId + ":" + c.line().path("variantId").asText();
            ObjectNode level = read("stock", stockId);
            if (level != null) {
                if ("DAMAGED".equals(restock)) {
                    level.put("damaged", level.path("damaged").asInt() + c.units());
                } else {
                    level.put("onHand", level.path("onHand").asInt() + c.units());
                }
                store.upsert("stock", stockId, level);
            }
            ObjectNode record = mapper.createObjectNode().put("id", sale.path("id").asText() + ":" + (++n))
                    .put("orderId", c.noReceipt() ? null : c.order().path("id").asText())
                    .put("lineId", c.noReceipt() ? null : c.orderLine().path("id").asText()).put("noReceipt", c.noReceipt())
                    .put("customerId", sale.path("customerId").isNull() ? null : sale.path("customerId").asText(null))
                    .put("variantId", c.line().path("variantId").asText()).put("units", c.units())
                    .put("refundCents", c.refundCents()).put("ticketNumber", sale.path("ticketNumber").asText())
                    .put("saleId", sale.path("id").asText()).put("storeId", storeId).put("deviceId", deviceId)
                    .put("at", sale.path("completedAt").asText(clock.instant().toString())).put("restock", restock);
            store.upsert("returned-items", record.path("id").asText(), storeId, record);
        }
        touched.forEach((id, order) -> store.upsert("orders", id, order));
    }

    /** The returns already made of a line, in words: which tickets, when, at which terminal. */
    private String earlier(String orderId, String lineId) {
        List<String> said = new ArrayList<>();
        for (String body : store.bodiesWhere("returned-items", "orderId", orderId)) {
            JsonNode r = parse(body);
            if (r.path("lineId").asText().equals(lineId)) {
                said.add(r.path("units").asInt() + " by ticket " + r.path("ticketNumber").asText() + " at " + r.path("at").asText()
                        + ", terminal " + r.path("deviceId").asText() + " in store " + r.path("storeId").asText() + " (refunded "
                        + r.path("refundCents").asLong() + " cents)");
            }
        }
        return said.isEmpty() ? "" : "; returned before: " + String.join("; ", said);
    }

    private ObjectNode read(String feed, String id) {
        return store.body(feed, id).map(this::parse).orElse(null);
    }

    private ObjectNode parse(String body) {
        try {
            return (ObjectNode) mapper.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
