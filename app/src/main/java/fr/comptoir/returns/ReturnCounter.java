package fr.comptoir.returns;

import fr.comptoir.common.JsonCodec;
import fr.comptoir.common.StoreJournal;
import fr.comptoir.common.WriteKind;
import fr.comptoir.orders.Order;
import fr.comptoir.orders.OrderLine;
import fr.comptoir.sale.BasketLine;
import fr.comptoir.sale.ReturnOf;
import fr.comptoir.sale.SaleRecord;
import fr.comptoir.stores.ReturnPolicy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The returns counter: finds an order (web, app or store ticket) in the cache, says per line what may still
 * come back and why not, and turns what the customer brings back into the till's lines, each refunding what
 * was paid for it ({@link ReturnMoney}). The money moves at the till, with the till's tenders, in a return or
 * exchange ticket journaled with its outbox entry (decision 0030). This terminal's own ledger (its returns
 * not confirmed by the platform yet, and the lines already in the basket) keeps it from taking the same unit
 * back twice, offline too. Blocking (disk): off the JavaFX thread.
 */
public final class ReturnCounter {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ReturnCounter.class);

    /** A return refused as asked (the key names the rule; its detail what the person needs), nothing changed. */
    public static final class Refused extends fr.comptoir.common.Refusal {
        public Refused(String key, String detail) {
            super(key, detail);
        }
    }

    /**
     * An order at the counter: its lines as they stand, until when its channel's window runs, and whether what
     * came back was just asked of the platform ({@code live}) or is as this terminal's data has it.
     */
    public record ReturnableOrder(Order order, List<ReturnableLine> lines, Instant windowEndsAt, boolean live) {

        public Optional<ReturnableLine> line(String lineId) {
            return lines.stream().filter(l -> l.line().id().equals(lineId)).findFirst();
        }
    }

    /** What comes back of one line: how many, why, and where it goes. */
    public record Choice(String lineId, int units, ReturnOf.Reason reason, ReturnOf.Restock restock) {
    }

    private final OrderLookup orders;
    private final StoreJournal journal;
    private final JsonCodec json;
    private final Function<Collection<String>, Map<String, String>> categories;
    private final Supplier<ReturnPolicy> policy;
    private final Clock clock;
    private Supplier<List<SaleRecord>> ownSales = List::of;
    private Function<String, Map<String, Integer>> live;

    /**
     * Asks the platform's ledger when it answers (throws when it cannot be asked: the counter then goes on with
     * its cache): another till's returns of the same items are refused before any money moves.
     */
    public void askLive(Function<String, Map<String, Integer>> returnedSoFar) {
        this.live = returnedSoFar;
    }

    /**
     * This till's recent tickets (blocking: journal): a receipt of this till the orders feed has not brought yet
     * (offline, or just sold) is found among them ({@link OwnTickets}).
     */
    public void findOwnTicketsIn(Supplier<List<SaleRecord>> recentSales) {
        this.ownSales = recentSales;
    }

    private Optional<Order> ownTicket(java.util.function.Predicate<Order> which) {
        return ownSales.get().stream().filter(s -> s.type() != SaleRecord.Type.RETURN).map(OwnTickets::asOrder)
                .filter(o -> !o.lines().isEmpty()).filter(which).findFirst();
    }

    /**
     * @param json       reads back this terminal's tickets not confirmed yet (as the outbox keeps them)
     * @param categories the catalogue's category of each variant
     * @param policy     this store's published policy
     */
    public ReturnCounter(OrderLookup orders, StoreJournal journal, JsonCodec json, Function<Collection<String>, Map<String, String>> categories,
                         Supplier<ReturnPolicy> policy, Clock clock) {
        this.orders = orders;
        this.journal = journal;
        this.json = json;
        this.categories = categories;
        this.policy = policy;
        this.clock = clock;
    }

    /** Orders by number (any part of a web order number or a ticket number), newest first. */
    public List<Order> find(String text, int limit) {
        String t = text == null ? "" : text.strip().toUpperCase(java.util.Locale.ROOT);
        if (t.length() < 3) {
            return List.of();
        }
        List<Order> cached = orders.byNumber(t, limit);
        return !cached.isEmpty() ? cached : ownTicket(o -> o.number().equalsIgnoreCase(t)).map(List::of).orElse(List.of());
    }

    public List<Order> ofCustomer(String customerId, int limit) {
        return orders.ofCustomer(customerId, limit);
    }

    /**
     * The order with, per line, what may still come back.
     *
     * @param inBasket units of this order's lines already coming back in the basket, by line id
     */
    public Optional<ReturnableOrder> open(String orderId, Map<String, Integer> inBasket) {
        Optional<Order> found = orders.order(orderId).or(() -> ownTicket(o -> o.id().equals(orderId)));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Order o = found.get();
        boolean asked = false;
        if (live != null) {
            try {
                Map<String, Integer> returned = live.apply(orderId);
                // The platform's count replaces the cache's (it holds the returns the feed has not brought yet).
                o = new Order(o.id(), o.number(), o.customerId(), o.channel(), o.storeId(), o.status(), o.placedAt(), o.totalCents(),
                        o.lines().stream().map(l -> new OrderLine(l.id(), l.variantId(), l.sku(), l.name(), l.quantity(), l.unitPriceCents(),
                                l.vatRateBasisPoints(), Math.max(0, returned.getOrDefault(l.id(), l.returnedQuantity())), l.paidCents())).toList(),
                        o.tenders());
                asked = true;
            } catch (RuntimeException offline) {
                // The platform cannot be asked now: the cache and this till's own ledger decide (decision 0030); the
                // screen says so. Anything but being offline is worth a line in the log.
                if (!"offline".equals(offline.getMessage())) {
                    LOG.warn("The platform's returns ledger of order {} could not be read: the terminal's data is used", orderId, offline);
                }
            }
        }
        Map<String, Integer> here = new HashMap<>(pendingHere(orderId));
        inBasket.forEach((line, units) -> here.merge(line, units, Integer::sum));
        ReturnPolicy p = policy.get();
        Instant windowEnds = Instant.parse(o.placedAt()).plus(Duration.ofDays(p.windowDays(o.channel().name())));
        boolean outside = clock.instant().isAfter(windowEnds);
        boolean received = o.status() == Order.OrderStatus.COMPLETED || o.status() == Order.OrderStatus.DELIVERED
                || o.status() == Order.OrderStatus.COLLECTED;
        Map<String, String> cats = categories.apply(o.lines().stream().map(OrderLine::variantId).filter(java.util.Objects::nonNull).toList());
        List<ReturnableLine> lines = new ArrayList<>();
        for (OrderLine l : o.lines()) {
            String category = l.variantId() == null ? null : cats.get(l.variantId());
            ReturnableLine.Refusal refusal = !received ? ReturnableLine.Refusal.NOT_RECEIVED
                    : !p.returnable(category) ? ReturnableLine.Refusal.NON_RETURNABLE_CATEGORY
                    : outside ? ReturnableLine.Refusal.OUTSIDE_WINDOW : null;
            lines.add(new ReturnableLine(l, here.getOrDefault(l.id(), 0), refusal, category));
        }
        return Optional.of(new ReturnableOrder(o, lines, windowEnds, asked));
    }

    /** Units of each line of {@code orderId} this terminal took back in tickets the platform has not confirmed. */
    private Map<String, Integer> pendingHere(String orderId) {
        Map<String, Integer> units = new HashMap<>();
        for (String payload : journal.pendingPayloads(WriteKind.SALE_RECORDED)) {
            if (!payload.contains(orderId)) {
                continue;
            }
            for (BasketLine l : json.decode(payload, SaleRecord.class).lines()) {
                if (l.returnOf() != null && orderId.equals(l.returnOf().orderId())) {
                    units.merge(l.returnOf().lineId(), -l.quantity(), Integer::sum);
                }
            }
        }
        return units;
    }

    /**
     * An item brought back without a receipt: credited at its lowest price of the last 30 days (never more than
     * today's), as store credit only, with a manager's approval; the platform keeps a limit per customer.
     *
     * @throws Refused without a manager, a reason or a condition, or for a quantity below 1
     */
    public BasketLine withoutReceipt(fr.comptoir.catalog.VariantInfo item, int units, ReturnOf.Reason reason, ReturnOf.Restock restock,
                                     String approvedBy) {
        if (approvedBy == null || approvedBy.isBlank()) {
            throw new Refused("return.noReceiptNeedsManager", item.label());
        }
        if (units < 1 || units > 99) {
            throw new Refused("return.badQuantity", item.label());
        }
        if (reason == null) {
            throw new Refused("return.reasonRequired", item.label());
        }
        if (restock == null) {
            throw new Refused("return.conditionRequired", item.label());
        }
        return BasketLine.comingBack(item.variantId(), item.sku(), item.label(), units, item.priceCents(), item.vatRateBasisPoints(),
                item.category(), Math.multiplyExact(item.noReceiptCreditCents(), (long) units), ReturnOf.withoutReceipt(reason, restock, approvedBy));
    }

    /**
     * The till's lines for what comes back, each refunding what was paid for its units.
     *
     * @param approvedBy the manager who approved lines outside the policy (window, category), or null
     * @throws Refused when a line is unknown, has no reason or condition, asks more than may come back, or is
     *                 outside the policy without a manager; nothing is returned then
     */
    public List<BasketLine> comingBack(ReturnableOrder order, List<Choice> choices, String approvedBy) {
        List<BasketLine> lines = new ArrayList<>();
        for (Choice c : choices) {
            if (c.units() == 0) {
                continue;
            }
            ReturnableLine l = order.line(c.lineId()).orElseThrow(() -> new Refused("return.unknownLine", c.lineId()));
            if (c.units() < 0) {
                throw new Refused("return.badQuantity", l.line().name());
            }
            if (c.units() > l.returnable()) {
                throw new Refused("return.moreThanReturnable", l.line().name() + "|" + l.returnable());
            }
            if (c.reason() == null) {
                throw new Refused("return.reasonRequired", l.line().name());
            }
            if (c.restock() == null) {
                throw new Refused("return.conditionRequired", l.line().name());
            }
            if (l.refusal() != null && (approvedBy == null || approvedBy.isBlank())) {
                throw new Refused(l.refusal() == ReturnableLine.Refusal.OUTSIDE_WINDOW ? "return.outsideWindow" : "return.nonReturnable",
                        l.line().name());
            }
            OrderLine ol = l.line();
            ReturnOf from = new ReturnOf(order.order().id(), order.order().number(), ol.id(), order.order().channel().name(), c.reason(),
                    c.restock(), l.refusal() == null ? null : approvedBy, order.order().paidWithGiftCard());
            lines.add(BasketLine.comingBack(ol.variantId(), ol.sku(), ol.name(), c.units(), ol.unitPriceCents(), ol.vatRateBasisPoints(),
                    l.category(), l.refund(c.units()), from));
        }
        if (lines.isEmpty()) {
            throw new Refused("return.nothingChosen", null);
        }
        return lines;
    }
}
