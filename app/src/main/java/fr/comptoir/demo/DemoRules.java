package fr.comptoir.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.comptoir.comptoirapi.WireJson;
import fr.comptoir.staff.PinHasher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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
    /** What every demo store publishes (the rules below apply it). */
    static final fr.comptoir.stores.ReturnPolicy POLICY = new fr.comptoir.stores.ReturnPolicy(
            Map.of("WEB", (int) RETURN_WINDOW.toDays(), "APP", (int) RETURN_WINDOW.toDays(), "STORE", (int) RETURN_WINDOW.toDays()),
            NON_RETURNABLE_CATEGORIES.stream().sorted().toList());

    private final DemoPlatformStore store;
    private final Clock clock;
    private final ObjectMapper mapper = WireJson.mapper();
    private final DemoReturnRules returns;

    DemoRules(DemoPlatformStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
        this.returns = new DemoReturnRules(store, clock);
    }

    // ---- click-and-collect: DemoPickupRules

    private void setOrderStatus(String orderId, String status) {
        ObjectNode order = read("orders", orderId);
        if (order != null) {
            order.put("status", status);
            store.upsert("orders", orderId, order);
        }
    }

    // ---- customers and clienteling

    ArrayNode searchCustomers(String q, int limit) {
        ArrayNode out = mapper.createArrayNode();
        for (String body : store.searchCustomerBodies(q.strip().toLowerCase(java.util.Locale.ROOT), Math.min(limit, 100))) {
            out.add(parse(body));
        }
        return out;
    }

    ObjectNode createCustomer(JsonNode request) {
        String localId = request.path("id").asText("");
        String first = request.path("firstName").asText("").strip();
        String last = request.path("lastName").asText("").strip();
        if (first.isEmpty() || last.isEmpty() || localId.isEmpty() || !request.has("emailConsent") || !request.has("smsConsent")) {
            throw new Refusal(422, "invalid-customer", "Invalid customer", "id, firstName, lastName, emailConsent and smsConsent are required.");
        }
        String email = request.path("email").asText("").strip();
        String phone = request.path("phone").asText("").strip();
        String existing = store.findCustomerByContact(email, fr.comptoir.customers.PhoneNumbers.canonical(phone));
        if (existing != null) {
            Refusal r = new Refusal(409, "duplicate-customer", "Customer already exists",
                    "A customer with this email or phone already exists: " + existing + ".");
            throw r;
        }
        String id = "cus-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode c = mapper.createObjectNode().put("id", id).put("firstName", first).put("lastName", last)
                .put("email", email.isEmpty() ? null : email).put("phone", phone.isEmpty() ? null : phone)
                .putNull("loyaltyCard").put("loyaltyTier", "NONE").put("loyaltyPoints", 0)
                .put("emailConsent", request.path("emailConsent").asBoolean()).put("smsConsent", request.path("smsConsent").asBoolean())
                .put("createdAt", clock.instant().toString()).put("localId", localId);
        c.putObject("preferences").putArray("sizes");
        c.putArray("wishlist");
        store.upsert("customers", id, c);
        return c;
    }

    ObjectNode addNote(String customerId, JsonNode request) {
        requireCustomer(customerId);
        String text = request.path("text").asText("").strip();
        if (text.isEmpty() || text.length() > 2000) {
            throw new Refusal(422, "invalid-note", "Invalid note", "A note holds 1 to 2000 characters.");
        }
        ObjectNode note = ((ObjectNode) request.deepCopy()).put("customerId", resolveCustomerId(customerId));
        String id = note.path("id").asText("");
        if (id.isEmpty()) {
            note.put("id", "note-" + UUID.randomUUID());
        }
        store.upsert("customer-notes", note.path("id").asText(), note);
        return note;
    }

    /** Field-level last-writer-wins: each change carries when it was made; the most recent wins per field. */
    ObjectNode patchCustomer(String customerId, JsonNode request) {
        String id = resolveCustomerId(customerId);
        ObjectNode customer = requireCustomer(id);
        ObjectNode times = orEmpty(read("_field-times", id));
        for (JsonNode change : request.path("changes")) {
            String field = change.path("field").asText("");
            String at = change.path("changedAt").asText("");
            if (!Set.of("email", "phone", "emailConsent", "smsConsent", "preferences.sizes", "preferences.categories",
                    "preferences.brands").contains(field) || at.isEmpty()) {
                throw new Refusal(422, "invalid-change", "Invalid change", "Unknown field or missing changedAt: " + change);
            }
            if (times.has(field) && times.path(field).asText().compareTo(at) > 0) {
                continue;
            }
            times.put(field, at);
            if (field.startsWith("preferences.")) {
                customer.with("preferences").set(field.substring("preferences.".length()), change.path("value"));
            } else {
                customer.set(field, change.path("value"));
            }
        }
        store.upsert("_field-times", id, times);
        store.upsert("customers", id, customer);
        return customer;
    }

    ObjectNode wishlist(String customerId, String variantId, boolean add) {
        String id = resolveCustomerId(customerId);
        ObjectNode customer = requireCustomer(id);
        ArrayNode list = customer.withArray("wishlist");
        boolean present = false;
        for (int i = list.size() - 1; i >= 0; i--) {
            if (list.get(i).asText().equals(variantId)) {
                present = true;
                if (!add) {
                    list.remove(i);
                }
            }
        }
        if (add && !present) {
            list.add(variantId);
        }
        store.upsert("customers", id, customer);
        return customer;
    }

    /** A cart is continued in store once; the same basket asking again gets the same answer. */
    ObjectNode continueCart(String cartId, JsonNode request) {
        ObjectNode cart = read("carts", cartId);
        if (cart == null) {
            throw new Refusal(404, "not-found", "Unknown cart", "No cart " + cartId + ".");
        }
        String basket = request.path("basketId").asText("");
        if (basket.isEmpty()) {
            throw new Refusal(422, "invalid-body", "Basket required", "basketId is required.");
        }
        String status = cart.path("status").asText();
        if (status.equals("CONTINUED_IN_STORE") && basket.equals(cart.path("continuedInBasketId").asText())) {
            return cart;
        }
        if (!status.equals("OPEN")) {
            throw new Refusal(409, "cart-not-open", "Cart no longer open", "Cart " + cartId + " is " + status + ".");
        }
        cart.put("status", "CONTINUED_IN_STORE").put("continuedInBasketId", basket)
                .put("continuedAt", request.path("at").asText(clock.instant().toString()));
        store.upsert("carts", cartId, cart);
        return cart;
    }

    /** A customer created offline may still be named by its local id in later writes. */
    private String resolveCustomerId(String id) {
        if (read("customers", id) != null) {
            return id;
        }
        String byLocal = store.customerIdForLocalId(id);
        return byLocal != null ? byLocal : id;
    }

    private ObjectNode requireCustomer(String customerId) {
        ObjectNode c = read("customers", resolveCustomerId(customerId));
        if (c == null) {
            throw new Refusal(404, "not-found", "Unknown customer", "No customer " + customerId + ".");
        }
        return c;
    }

    private ObjectNode orEmpty(ObjectNode n) {
        return n != null ? n : mapper.createObjectNode();
    }

    private ObjectNode parse(String body) {
        try {
            return (ObjectNode) mapper.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- gift cards and store credit

    ObjectNode giftCard(String number) {
        ObjectNode card = read("_giftcards", number);
        if (card == null) {
            throw new Refusal(404, "unknown-gift-card", "Unknown gift card", "No gift card or store credit " + number + ".");
        }
        return card;
    }

    ObjectNode redeem(String number, JsonNode request) {
        ObjectNode card = giftCard(number);
        long amount = request.path("amountCents").asLong(0);
        if (amount <= 0) {
            throw new Refusal(422, "invalid-amount", "Invalid amount", "amountCents must be positive.");
        }
        long balance = card.path("balanceCents").asLong();
        if (amount > balance) {
            throw new Refusal(422, "insufficient-balance", "Insufficient balance",
                    "The card holds " + balance + " cents, " + amount + " asked.");
        }
        card.put("balanceCents", balance - amount);
        store.upsert("_giftcards", number, card);
        return mapper.createObjectNode().put("redemptionId", "red-" + UUID.randomUUID()).put("balanceCents", balance - amount);
    }

    /** Store credit for a return refunded as credit: a card spent like a gift card, for the customer named if any. */
    ObjectNode issueCredit(JsonNode request) {
        long amount = request.path("amountCents").asLong(0);
        if (amount <= 0 || request.path("saleId").asText("").isBlank()) {
            throw new Refusal(422, "invalid-amount", "Invalid credit", "amountCents must be positive and saleId given.");
        }
        String number = "AV" + String.format("%012d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 1_000_000_000_000L));
        ObjectNode card = mapper.createObjectNode().put("number", number).put("balanceCents", amount)
                .put("customerId", request.path("customerId").isNull() ? null : request.path("customerId").asText(null))
                .put("issuedFor", request.path("saleId").asText());
        store.upsert("_giftcards", number, card);
        return mapper.createObjectNode().put("number", number).put("balanceCents", amount);
    }

    // ---- store sales

    /** Records a store sale once: the store's stock goes down and the sale joins the customer's history. */
    ObjectNode recordSale(String storeId, JsonNode sale) {
        JsonNode lines = sale.path("lines");
        String id = sale.path("id").asText("");
        if (id.isEmpty() || !lines.isArray() || lines.isEmpty()) {
            throw new Refusal(422, "invalid-sale", "Invalid sale", "A sale needs an id and at least one line.");
        }
        long total = 0;
        List<JsonNode> returned = new ArrayList<>();
        for (JsonNode l : lines) {
            int qty = l.path("quantity").asInt(0);
            long unit = l.path("unitPriceCents").asLong(-1);
            long discount = l.path("discountCents").asLong(0) + l.path("promotionCents").asLong(0);
            if (qty < 0 && l.path("returnOf").isObject()) {
                // An item coming back: its discount is the negative of what was not paid.
                if (unit < 0 || discount > 0 || discount < qty * unit || l.path("variantId").asText("").isEmpty()) {
                    throw new Refusal(422, "invalid-sale", "Invalid line", "An item coming back needs a variant, a price and a refund within it.");
                }
                returned.add(l);
            } else if (qty < 1 || unit < 0 || discount < 0 || discount > qty * unit || l.path("variantId").asText("").isEmpty()) {
                throw new Refusal(422, "invalid-sale", "Invalid line", "Each line needs a variant, a quantity of 1 or more, a price and a discount"
                        + " within it; an item coming back names the order line it was bought on.");
            }
            total += qty * unit - discount;
        }
        long paid = 0;
        for (JsonNode p : sale.path("payments")) {
            paid += p.path("amountCents").asLong(0);
        }
        if (total != sale.path("totalCents").asLong(-1) || paid != total) {
            throw new Refusal(422, "sale-does-not-add-up", "Sale does not add up",
                    "Lines make " + total + ", total says " + sale.path("totalCents").asLong(-1) + ", payments make " + paid + ".");
        }
        String ticket = sale.path("ticketNumber").asText("");
        for (String other : store.bodiesWhere("orders", "number", ticket)) {
            if (!other.contains("\"ord-" + id + "\"")) {
                // Two terminals sharing an identity would number their sales alike: the second is refused, never merged.
                throw new Refusal(409, "ticket-number-taken", "Ticket number already used",
                        "Ticket " + ticket + " was already recorded for another sale.");
            }
        }
        // Every item coming back is checked before anything is applied: the ticket is taken whole, or refused whole.
        List<DemoReturnRules.Checked> checkedReturns = returns.check(sale, returned, this::categoryOf);
        long onlineRefundable = checkedReturns.stream().filter(c -> !c.noReceipt() && !"STORE".equals(c.order().path("channel").asText()))
                .mapToLong(DemoReturnRules.Checked::refundCents).sum();
        // Without a receipt, or bought with a gift card: back as store credit only.
        long noReceipt = checkedReturns.stream().filter(c -> c.noReceipt() || c.order().path("tenders").toString().contains("\"GIFT_CARD\""))
                .mapToLong(DemoReturnRules.Checked::refundCents).sum();
        long online = 0;
        long credit = 0;
        for (JsonNode p : sale.path("payments")) {
            online -= "ONLINE".equals(p.path("tender").asText()) ? p.path("amountCents").asLong() : 0;
            credit -= "STORE_CREDIT".equals(p.path("tender").asText()) ? p.path("amountCents").asLong() : 0;
        }
        if (credit < noReceipt) {
            throw new Refusal(422, "no-receipt-store-credit-only", "Store credit only", "Items without a receipt or bought with a gift card ("
                    + noReceipt + " cents) are refunded as store credit, not " + credit + ".");
        }
        if (online < 0 || online > onlineRefundable) {
            throw new Refusal(422, "online-refund-too-large", "Online refund too large", "Only the refund of items bought online ("
                    + onlineRefundable + " cents) goes back to an online payment, not " + online + ".");
        }
        returns.apply(storeId, sale.path("deviceId").asText(), sale, checkedReturns);
        ArrayNode orderLines = mapper.createArrayNode();
        ArrayNode aisleLines = mapper.createArrayNode();
        String aisleFulfilment = null;
        long keptNet = 0;
        long aisleNet = 0;
        // An order line's id is the sale's id and the line's place on the ticket: a till finds it from its own ticket.
        int n = 0;
        for (JsonNode l : lines) {
            n++;
            String variantId = l.path("variantId").asText();
            String fulfilment = l.path("fulfilment").isNull() ? null : l.path("fulfilment").asText(null);
            if (l.path("returnOf").isObject()) {
                // Counted on the order it was bought on (above): not a line of this ticket's order.
                continue;
            }
            if (fulfilment != null && fulfilment.startsWith("ORDER:")) {
                // The balance of a pickup order: its hand-over (naming this sale) moves the goods and the money.
                String settled = fulfilment.substring("ORDER:".length());
                if (read("pickups", settled) == null) {
                    throw new Refusal(422, "unknown-order", "Unknown order", "No order " + settled + " to take a balance for.");
                }
                continue;
            }
            if (fulfilment != null) {
                // Endless aisle: paid here, reserved where it is in stock, sent home or to another store.
                reserveSomewhere(variantId, l.path("quantity").asInt());
                aisleLines.add(orderLine(id + "-a" + n, l));
                aisleFulfilment = fulfilment;
                aisleNet += net(l);
                continue;
            }
            String stockId = storeId + ":" + variantId;
            ObjectNode stock = read("stock", stockId);
            if (stock != null) {
                stock.put("onHand", Math.max(0, stock.path("onHand").asInt() - l.path("quantity").asInt()));
                store.upsert("stock", stockId, stock);
            }
            orderLines.add(orderLine(id + "-" + n, l));
            keptNet += net(l);
        }
        if (!aisleLines.isEmpty()) {
            createAisleOrder(id, sale, aisleLines, aisleFulfilment, aisleNet);
        }
        String orderId = "ord-" + id;
        ObjectNode order = mapper.createObjectNode().put("id", orderId).put("number", sale.path("ticketNumber").asText())
                .put("customerId", sale.path("customerId").isNull() ? null : sale.path("customerId").asText(null))
                .put("channel", "STORE").put("storeId", storeId).put("status", "COMPLETED")
                .put("placedAt", sale.path("completedAt").asText(clock.instant().toString())).put("totalCents", total);
        order.set("lines", orderLines);
        ArrayNode tenders = order.putArray("tenders");
        java.util.Set<String> seen = new java.util.LinkedHashSet<>();
        sale.path("payments").forEach(p -> {
            if (p.path("amountCents").asLong() > 0 && seen.add(p.path("tender").asText())) {
                tenders.add(p.path("tender").asText());
            }
        });
        order.put("totalCents", keptNet);
        if (!orderLines.isEmpty()) {
            store.upsert("orders", orderId, order);
        }
        return mapper.createObjectNode().put("orderId", orderId);
    }

    private ObjectNode orderLine(String lineId, JsonNode l) {
        return mapper.createObjectNode().put("id", lineId).put("variantId", l.path("variantId").asText()).put("sku", l.path("sku").asText())
                .put("name", l.path("label").asText()).put("quantity", l.path("quantity").asInt())
                .put("unitPriceCents", l.path("unitPriceCents").asLong()).put("vatRateBasisPoints", l.path("vatRateBasisPoints").asInt())
                .put("returnedQuantity", 0).put("paidCents", net(l));
    }

    /** What a sale line paid: quantity × unit price − discount. */
    private static long net(JsonNode l) {
        return l.path("quantity").asLong() * l.path("unitPriceCents").asLong() - l.path("discountCents").asLong(0)
                - l.path("promotionCents").asLong(0);
    }

    /** Reserves the units at the location holding most of them (the warehouse when it can). */
    private void reserveSomewhere(String variantId, int quantity) {
        ObjectNode best = null;
        for (String body : store.bodiesWhere("stock", "variantId", variantId)) {
            ObjectNode level = parse(body);
            int available = level.path("onHand").asInt() - level.path("reserved").asInt();
            if (available >= quantity && (best == null || available > best.path("onHand").asInt() - best.path("reserved").asInt())) {
                best = level;
            }
        }
        if (best == null) {
            throw new Refusal(422, "out-of-stock-everywhere", "Out of stock", "No location holds " + quantity + " of " + variantId + ".");
        }
        best.put("reserved", best.path("reserved").asInt() + quantity);
        store.upsert("stock", best.path("id").asText(), best);
    }

    private void createAisleOrder(String saleId, JsonNode sale, ArrayNode lines, String fulfilment, long totalCents) {
        String orderId = "ord-aisle-" + saleId;
        String number = sale.path("ticketNumber").asText() + "-A";
        String pickupStore = fulfilment.startsWith("PICKUP:") ? fulfilment.substring("PICKUP:".length()) : null;
        ObjectNode order = mapper.createObjectNode().put("id", orderId).put("number", number)
                .put("customerId", sale.path("customerId").isNull() ? null : sale.path("customerId").asText(null))
                .put("channel", "STORE").put("storeId", pickupStore).put("status", "PLACED")
                .put("placedAt", sale.path("completedAt").asText(clock.instant().toString())).put("totalCents", totalCents);
        order.set("lines", lines);
        store.upsert("orders", orderId, order);
        if (pickupStore != null) {
            // The collecting store's queue: paid in full at the selling store, to prepare, promised in two days.
            List<fr.comptoir.pickups.Pickup.PickupLine> pl = new java.util.ArrayList<>();
            lines.forEach(l -> pl.add(new fr.comptoir.pickups.Pickup.PickupLine(l.path("id").asText(), l.path("variantId").asText(),
                    l.path("sku").asText(), null, l.path("name").asText(), null, null, l.path("quantity").asInt(),
                    l.path("quantity").asLong() * l.path("unitPriceCents").asLong(), l.path("vatRateBasisPoints").asInt(), 0, 0, 0, 0)));
            long linesTotal = pl.stream().mapToLong(fr.comptoir.pickups.Pickup.PickupLine::lineTotalCents).sum();
            String customerId = order.path("customerId").asText(null);
            ObjectNode customer = customerId == null ? null : read("customers", customerId);
            fr.comptoir.pickups.Pickup.PickupCustomer who = customer == null ? null : new fr.comptoir.pickups.Pickup.PickupCustomer(
                    customer.path("firstName").asText(), customer.path("lastName").asText(), customer.path("phone").asText(null),
                    customer.path("email").asText(null));
            String code = DemoDataGenerator.demoPickupCode(number);
            Instant now = clock.instant();
            fr.comptoir.pickups.Pickup pickup = new fr.comptoir.pickups.Pickup(orderId, number, pickupStore,
                    fr.comptoir.pickups.PickupStatus.TO_PREPARE, customerId, who, List.of(), now.toString(),
                    now.plus(Duration.ofDays(2)).toString(), null, null, linesTotal, linesTotal, 0, 0, null,
                    PinHasher.hash(code, DemoDataGenerator.PICKUP_CODE_ITERATIONS), fr.comptoir.pickups.PickupCode.bucket(code), pl,
                    List.of(), null);
            store.upsert("pickups", orderId, pickupStore, pickup);
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
