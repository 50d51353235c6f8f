package fr.comptoir.returns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.comptoir.AppContext;
import fr.comptoir.DeviceConfig;
import fr.comptoir.demo.DemoCentralServer;
import fr.comptoir.demo.DemoPlatformStore;
import fr.comptoir.orders.Order;
import fr.comptoir.orders.OrderLine;
import fr.comptoir.sale.BasketLine;
import fr.comptoir.sale.Checkout;
import fr.comptoir.sale.Payment;
import fr.comptoir.sale.ReturnOf;
import fr.comptoir.sale.SaleCompletion;
import fr.comptoir.sale.SaleRecord;
import fr.comptoir.sync.OutboxEntry;
import fr.comptoir.sync.SyncEngine;
import fr.comptoir.testing.TestOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The returns counter against the demo platform over real HTTP, with real SQLite files: a web order's item taken
 * back and refunded on its online payment, counted once at the platform's ledger; this terminal's own ledger
 * refusing the same unit offline; a second terminal that took the same unit back during an outage refused by
 * the platform with the money trail, waiting for a manager.
 */
public class ReturnsOverHttpTest {

    @TempDir
    Path dir;
    final ObjectMapper json = new ObjectMapper();

    /** Hélène Martin's recent web order, one of its lines bought two at a time under the web promotion. */
    public static Order webOrderWithAPromotion(AppContext ctx) {
        Instant now = Instant.now();
        return ctx.returnCounter().ofCustomer("cus-1", 500).stream()
                .filter(o -> o.channel() == Order.Channel.WEB && Instant.parse(o.placedAt()).isAfter(now.minus(Duration.ofDays(25))))
                .filter(o -> o.lines().stream().anyMatch(l -> l.quantity() == 2 && l.returnedQuantity() == 0 && l.paid() < 2 * l.unitPriceCents()))
                .findFirst().orElseThrow();
    }

    public static OrderLine promoted(Order o) {
        return o.lines().stream().filter(l -> l.quantity() == 2 && l.returnedQuantity() == 0 && l.paid() < 2 * l.unitPriceCents())
                .findFirst().orElseThrow();
    }

    /** The till's side: the lines coming back refunded on the online payment, the ticket recorded once. */
    public static SaleRecord refundOnline(AppContext ctx, List<BasketLine> back, String orderNumber) {
        fr.comptoir.sale.Basket basket = new fr.comptoir.sale.Basket();
        back.forEach(basket::add);
        Checkout refund = new Checkout(basket.totalCents());
        refund.add(ctx.salePayments().onlineRefund(basket.saleId(), -basket.totalCents(), orderNumber));
        DeviceConfig d = ctx.device().orElseThrow();
        return ctx.saleCompletion().complete(basket.saleId(), basket.lines(), null, Set.of(), null, refund,
                new SaleCompletion.Seller(d.storeId(), "PAR01", d.deviceId(), "stf-par01-2", "Léo Martin"));
    }

    int returnedAtPlatform(DemoPlatformStore platform, String orderId, String lineId) throws Exception {
        for (JsonNode l : json.readTree(platform.body("orders", orderId).orElseThrow()).path("lines")) {
            if (l.path("id").asText().equals(lineId)) {
                return l.path("returnedQuantity").asInt();
            }
        }
        throw new AssertionError("no line " + lineId);
    }

    @Test
    void aWebOrdersItemIsRefundedWhatWasPaidOnceAndThisTerminalNeverTakesTheSameUnitTwice() throws Exception {
        try (AppContext till = TestOptions.syncedTinyDemo(dir.resolve("till"))) {
            DemoPlatformStore platform = till.demoServer().orElseThrow().store();
            Order order = webOrderWithAPromotion(till);
            OrderLine line = promoted(order);
            ReturnCounter counter = till.returnCounter();
            ReturnCounter.ReturnableOrder open = counter.open(order.id(), Map.of()).orElseThrow();
            assertThat(open.line(line.id()).orElseThrow().returnable()).isEqualTo(2);

            List<BasketLine> back = counter.comingBack(open, List.of(new ReturnCounter.Choice(line.id(), 1, ReturnOf.Reason.TOO_SMALL,
                    ReturnOf.Restock.SELLABLE)), null);
            long half = line.paid() / 2;
            assertThat(back).singleElement().satisfies(l -> {
                assertThat(l.totalCents()).as("what one of the two was paid, promotion included").isEqualTo(-half);
                assertThat(l.quantity()).isEqualTo(-1);
                assertThat(l.returnOf().orderNumber()).isEqualTo(order.number());
            });
            SaleRecord ticket = refundOnline(till, back, order.number());
            assertThat(ticket.type()).isEqualTo(SaleRecord.Type.RETURN);
            assertThat(ticket.payments()).singleElement().satisfies(p -> assertThat(p.tender()).isEqualTo(Payment.Tender.ONLINE));

            // Offline, before the platform knows: this terminal's ledger has the unit already.
            ReturnCounter.ReturnableOrder again = counter.open(order.id(), Map.of()).orElseThrow();
            assertThat(again.line(line.id()).orElseThrow().returnable()).isEqualTo(1);
            assertThatThrownBy(() -> counter.comingBack(again, List.of(new ReturnCounter.Choice(line.id(), 2, ReturnOf.Reason.TOO_SMALL,
                    ReturnOf.Restock.SELLABLE)), null)).isInstanceOfSatisfying(ReturnCounter.Refused.class,
                    e -> assertThat(e.getMessage()).isEqualTo("return.moreThanReturnable"));
            // The second unit refunds the rest of the line: the two refunds make what was paid.
            assertThat(again.line(line.id()).orElseThrow().refund(1)).isEqualTo(line.paid() - half);

            String stockId = till.device().orElseThrow().storeId() + ":" + line.variantId();
            int before = json.readTree(platform.body("stock", stockId).orElse("{\"onHand\":0}")).path("onHand").asInt();
            SyncEngine.Report r = till.sync().syncOnce();
            assertThat(r.ok()).as(r.error()).isTrue();
            assertThat(till.outbox().pendingCount()).isZero();
            assertThat(till.outbox().needsAttentionCount()).isZero();
            assertThat(returnedAtPlatform(platform, order.id(), line.id())).isEqualTo(1);
            if (platform.body("stock", stockId).isPresent()) {
                assertThat(json.readTree(platform.body("stock", stockId).orElseThrow()).path("onHand").asInt()).as("back on sale here")
                        .isEqualTo(before + 1);
            }
            // The feed brought the ledger back: the same answer, now from the platform's count.
            assertThat(counter.open(order.id(), Map.of()).orElseThrow().line(line.id()).orElseThrow().returnable()).isEqualTo(1);
        }
    }

    @Test
    void aReceiptOfThisTillIsTakenBackBeforeThePlatformHasItAndTheRefundIsCountedOnItsOrderLine() throws Exception {
        try (AppContext till = TestOptions.syncedTinyDemo(dir.resolve("till"))) {
            DemoPlatformStore platform = till.demoServer().orElseThrow().store();
            DeviceConfig d = till.device().orElseThrow();
            OrderLine bought = promoted(webOrderWithAPromotion(till));
            fr.comptoir.sale.Basket basket = new fr.comptoir.sale.Basket();
            basket.add(new BasketLine(bought.variantId(), bought.sku(), bought.name(), 2, bought.unitPriceCents(), bought.vatRateBasisPoints(), null)
                    .withDiscount(999, "LOYALTY_GESTURE", null));
            Checkout cash = new Checkout(basket.totalCents());
            cash.payCash(basket.totalCents());
            SaleCompletion.Seller seller = new SaleCompletion.Seller(d.storeId(), "PAR01", d.deviceId(), "stf-par01-2", "Léo Martin");
            SaleRecord sold = till.saleCompletion().complete(basket.saleId(), basket.lines(), null, Set.of(), null, cash, seller);

            // Not synced yet: the receipt's QR code (its ticket number) finds the ticket in this till's journal.
            ReturnCounter counter = till.returnCounter();
            List<Order> found = counter.find(sold.ticketNumber(), 5);
            assertThat(found).singleElement().satisfies(o -> assertThat(o.id()).isEqualTo("ord-" + sold.id()));
            ReturnCounter.ReturnableOrder open = counter.open(found.get(0).id(), Map.of()).orElseThrow();
            List<BasketLine> back = counter.comingBack(open, List.of(new ReturnCounter.Choice(sold.id() + "-1", 1, ReturnOf.Reason.TOO_LARGE,
                    ReturnOf.Restock.SELLABLE)), null);
            long paidForOne = (2 * bought.unitPriceCents() - 999) / 2;
            assertThat(back.get(0).totalCents()).as("half of what the two were paid, discount included").isEqualTo(-paidForOne);
            fr.comptoir.sale.Basket returning = new fr.comptoir.sale.Basket();
            back.forEach(returning::add);
            Checkout refund = new Checkout(returning.totalCents());
            refund.add(till.salePayments().cash(returning.saleId(), returning.totalCents()));
            till.saleCompletion().complete(returning.saleId(), returning.lines(), null, Set.of(), null, refund, seller);

            SyncEngine.Report r = till.sync().syncOnce();
            assertThat(r.ok()).as(r.error()).isTrue();
            assertThat(till.outbox().needsAttentionCount()).isZero();
            assertThat(returnedAtPlatform(platform, "ord-" + sold.id(), sold.id() + "-1")).isEqualTo(1);
        }
    }

    /** The till's side: the lines coming back refunded as store credit (online only), the ticket recorded once. */
    public static SaleRecord refundAsCredit(AppContext ctx, List<BasketLine> back) {
        fr.comptoir.sale.Basket basket = new fr.comptoir.sale.Basket();
        back.forEach(basket::add);
        Checkout refund = new Checkout(basket.totalCents());
        refund.add(ctx.salePayments().storeCredit(basket.saleId(), -basket.totalCents(), "cus-1"));
        DeviceConfig d = ctx.device().orElseThrow();
        return ctx.saleCompletion().complete(basket.saleId(), basket.lines(), null, Set.of(), null, refund,
                new SaleCompletion.Seller(d.storeId(), "PAR01", d.deviceId(), "stf-par01-2", "Léo Martin"));
    }

    @Test
    void aRefundTakenAsStoreCreditIsIssuedOnceAndSpentLikeAGiftCard() throws Exception {
        try (AppContext till = TestOptions.syncedTinyDemo(dir.resolve("till"))) {
            DemoPlatformStore platform = till.demoServer().orElseThrow().store();
            Order order = webOrderWithAPromotion(till);
            OrderLine other = order.lines().stream().filter(l -> l.quantity() == 1 && l.returnedQuantity() == 0).findFirst().orElse(promoted(order));
            ReturnCounter counter = till.returnCounter();
            SaleRecord ticket = refundAsCredit(till, counter.comingBack(counter.open(order.id(), Map.of()).orElseThrow(),
                    List.of(new ReturnCounter.Choice(other.id(), 1, ReturnOf.Reason.CHANGED_MIND, ReturnOf.Restock.SELLABLE)), null));
            Payment credit = ticket.payments().get(0);
            assertThat(credit.tender()).isEqualTo(Payment.Tender.STORE_CREDIT);
            long refunded = -credit.amountCents();
            assertThat(refunded).isEqualTo(other.paidFor(1));
            String number = credit.terminalReference();
            assertThat(fr.comptoir.sale.ui.ReceiptText.of(ticket, "Comptoir", new fr.comptoir.uikit.I18n(java.util.Locale.FRENCH), false))
                    .as("printed for the customer to spend").contains("Avoir " + number);
            // Asked again after a crash (the same payment reference): the same credit, not a second one.
            assertThat(till.salePayments().resume(ticket.id()).taken()).extracting(Payment::terminalReference).containsExactly(number);
            assertThat(json.readTree(platform.body("_giftcards", number).orElseThrow()).path("balanceCents").asLong()).isEqualTo(refunded);

            // Spent on the next sale like a gift card.
            fr.comptoir.sale.Basket next = new fr.comptoir.sale.Basket();
            next.add(new BasketLine(other.variantId(), other.sku(), other.name(), 1, refunded + 1_000, other.vatRateBasisPoints(), null));
            Payment spent = till.salePayments().giftCard(next.saleId(), number, next.totalCents(), next.totalCents());
            assertThat(spent.amountCents()).as("all the credit holds").isEqualTo(refunded);
            assertThat(json.readTree(platform.body("_giftcards", number).orElseThrow()).path("balanceCents").asLong()).isZero();
            SyncEngine.Report r = till.sync().syncOnce();
            assertThat(r.ok()).as(r.error()).isTrue();
            assertThat(till.outbox().needsAttentionCount()).isZero();
            assertThat(returnedAtPlatform(platform, order.id(), other.id())).isEqualTo(1);
        }
    }

    @Test
    void anItemWithoutAReceiptIsCreditedAtItsLowestPriceOf30DaysAsStoreCreditWithinTheCustomersLimit() throws Exception {
        try (AppContext till = TestOptions.syncedTinyDemo(dir.resolve("till"))) {
            DemoPlatformStore platform = till.demoServer().orElseThrow().store();
            DeviceConfig d = till.device().orElseThrow();
            // prd-3 was on sale at 20 % off in the last 30 days.
            fr.comptoir.catalog.VariantInfo item = till.catalog().variants(List.of("prd-3-1"), d.storeId()).get("prd-3-1");
            assertThat(item.lowestPrice30DaysCents()).isNotNull();
            assertThat(item.noReceiptCreditCents()).isEqualTo(Math.min(item.priceCents(), item.lowestPrice30DaysCents())).isLessThan(item.priceCents());
            ReturnCounter counter = till.returnCounter();
            assertThatThrownBy(() -> counter.withoutReceipt(item, 1, ReturnOf.Reason.CHANGED_MIND, ReturnOf.Restock.SELLABLE, null))
                    .hasMessage("return.noReceiptNeedsManager");
            fr.comptoir.customers.Customer helene = till.clienteling().profile("cus-1").orElseThrow().customer();
            SaleCompletion.Seller seller = new SaleCompletion.Seller(d.storeId(), "PAR01", d.deviceId(), "stf-par01-2", "Léo Martin");
            java.util.function.IntFunction<SaleRecord> credit = units -> {
                fr.comptoir.sale.Basket basket = new fr.comptoir.sale.Basket();
                basket.add(counter.withoutReceipt(item, units, ReturnOf.Reason.CHANGED_MIND, ReturnOf.Restock.SELLABLE, "stf-par01-1"));
                basket.attach(helene);
                Checkout refund = new Checkout(basket.totalCents());
                refund.add(till.salePayments().storeCredit(basket.saleId(), -basket.totalCents(), helene.id()));
                return till.saleCompletion().complete(basket.saleId(), basket.lines(), helene, Set.of(), null, refund, seller);
            };
            SaleRecord first = credit.apply(1);
            assertThat(first.totalCents()).isEqualTo(-item.noReceiptCreditCents());
            SyncEngine.Report r = till.sync().syncOnce();
            assertThat(r.ok()).as(r.error()).isTrue();
            assertThat(till.outbox().needsAttentionCount()).isZero();
            assertThat(platform.bodiesWhere("returned-items", "customerId", "cus-1")).singleElement()
                    .satisfies(b -> assertThat(json.readTree(b).path("noReceipt").asBoolean()).isTrue());

            // Far beyond the customer's yearly limit: the platform refuses the ticket, which waits for a manager.
            int many = (int) (DemoReturnRulesLimit.CENTS / item.noReceiptCreditCents()) + 1;
            credit.apply(many);
            till.sync().syncOnce();
            assertThat(till.outbox().needsAttention()).singleElement().satisfies(e -> assertThat(e.lastError()).contains("limit"));
        }
    }

    /** The demo platform's yearly limit of credits without receipts per customer. */
    static final class DemoReturnRulesLimit {
        static final long CENTS = 15_000;
    }

    @Test
    void whatWasBoughtWithAGiftCardGoesBackAsStoreCreditNeverAsCash() throws Exception {
        try (AppContext till = TestOptions.syncedTinyDemo(dir.resolve("till"))) {
            DeviceConfig d = till.device().orElseThrow();
            fr.comptoir.catalog.VariantInfo item = till.catalog().variants(List.of("prd-1-1"), d.storeId()).get("prd-1-1");
            SaleCompletion.Seller seller = new SaleCompletion.Seller(d.storeId(), "PAR01", d.deviceId(), "stf-par01-2", "Léo Martin");
            fr.comptoir.sale.Basket basket = new fr.comptoir.sale.Basket();
            basket.add(new BasketLine(item.variantId(), item.sku(), item.label(), 1, 4_000, item.vatRateBasisPoints(), null));
            Checkout paid = new Checkout(basket.totalCents());
            paid.add(till.salePayments().giftCard(basket.saleId(), "GC-1000-0003", 4_000, 4_000));
            SaleRecord sold = till.saleCompletion().complete(basket.saleId(), basket.lines(), null, Set.of(), null, paid, seller);
            assertThat(till.sync().syncOnce().ok()).isTrue();

            ReturnCounter counter = till.returnCounter();
            ReturnCounter.ReturnableOrder open = counter.open("ord-" + sold.id(), Map.of()).orElseThrow();
            assertThat(open.order().tenders()).containsExactly("GIFT_CARD");
            List<BasketLine> back = counter.comingBack(open, List.of(new ReturnCounter.Choice(sold.id() + "-1", 1, ReturnOf.Reason.CHANGED_MIND,
                    ReturnOf.Restock.SELLABLE)), null);
            assertThat(back.get(0).returnOf().creditOnly()).isTrue();
            // A till that would hand it back in cash anyway: the platform refuses the ticket, a manager sorts it out.
            fr.comptoir.sale.Basket returning = new fr.comptoir.sale.Basket();
            back.forEach(returning::add);
            Checkout cash = new Checkout(returning.totalCents());
            cash.add(till.salePayments().cash(returning.saleId(), returning.totalCents()));
            till.saleCompletion().complete(returning.saleId(), returning.lines(), null, Set.of(), null, cash, seller);
            till.sync().syncOnce();
            assertThat(till.outbox().needsAttention()).singleElement().satisfies(e -> assertThat(e.lastError()).contains("store credit"));
        }
    }

    @Test
    void anExchangeTakesOneItemBackAndSellsAnotherOnOneTicketTheDifferencePaid() throws Exception {
        try (AppContext till = TestOptions.syncedTinyDemo(dir.resolve("till"))) {
            DemoPlatformStore platform = till.demoServer().orElseThrow().store();
            DeviceConfig d = till.device().orElseThrow();
            Order order = webOrderWithAPromotion(till);
            OrderLine line = promoted(order);
            ReturnCounter counter = till.returnCounter();
            fr.comptoir.sale.Basket basket = new fr.comptoir.sale.Basket();
            counter.comingBack(counter.open(order.id(), Map.of()).orElseThrow(), List.of(new ReturnCounter.Choice(line.id(), 1,
                    ReturnOf.Reason.TOO_SMALL, ReturnOf.Restock.SELLABLE)), null).forEach(basket::add);
            // Something else instead, at the shop's price: sold in the same basket.
            fr.comptoir.catalog.VariantInfo other = till.catalog().variants(List.of(order.lines().get(1).variantId()), d.storeId())
                    .get(order.lines().get(1).variantId());
            basket.add(other.variantId(), other.sku(), other.label(), other.priceCents(), other.vatRateBasisPoints(), other.category(), 1);
            long refund = line.paid() / 2;
            assertThat(basket.totalCents()).isEqualTo(other.priceCents() - refund);
            Checkout pay = new Checkout(basket.totalCents());
            long due = basket.totalCents();
            if (due > 0) {
                pay.payCash(due);
            } else if (due < 0) {
                pay.add(till.salePayments().onlineRefund(basket.saleId(), -due, order.number()));
            }
            SaleRecord ticket = till.saleCompletion().complete(basket.saleId(), basket.lines(), null, Set.of(), null, pay,
                    new SaleCompletion.Seller(d.storeId(), "PAR01", d.deviceId(), "stf-par01-2", "Léo Martin"));
            assertThat(ticket.type()).isEqualTo(SaleRecord.Type.EXCHANGE);
            assertThat(ticket.vatBreakdown().stream().mapToLong(fr.comptoir.sale.VatLine::totalCents).sum()).isEqualTo(due);

            SyncEngine.Report r = till.sync().syncOnce();
            assertThat(r.ok()).as(r.error()).isTrue();
            assertThat(till.outbox().needsAttentionCount()).isZero();
            assertThat(returnedAtPlatform(platform, order.id(), line.id())).isEqualTo(1);
            JsonNode sold = json.readTree(platform.body("orders", "ord-" + ticket.id()).orElseThrow());
            assertThat(sold.path("lines")).as("the store order holds what was sold, not what came back").hasSize(1);
            assertThat(sold.path("lines").get(0).path("variantId").asText()).isEqualTo(other.variantId());
        }
    }

    @Test
    void twoHundredReturnsTakenOfflineReachThePlatformExactlyOnceThroughAFaultyNetwork() throws Exception {
        try (DemoPlatformStore platform = DemoPlatformStore.openOrGenerate(dir.resolve("platform"), fr.comptoir.demo.DemoSize.TINY, 42,
                java.time.LocalDate.now());
             DemoCentralServer server = DemoCentralServer.start(platform, 0);
             fr.comptoir.testing.FaultyProxy proxy = new fr.comptoir.testing.FaultyProxy(server.baseUrl(), 2027);
             AppContext till = AppContext.open(dir.resolve("till"), Clock.systemUTC(), TestOptions.fastTinyDemo())) {
            till.activate(proxy.url(), "DEMO");
            till.connect();
            assertThat(till.sync().syncOnce().ok()).isTrue();
            DeviceConfig d = till.device().orElseThrow();
            SaleCompletion.Seller seller = new SaleCompletion.Seller(d.storeId(), "PAR01", d.deviceId(), "stf-par01-2", "Léo Martin");
            List<String> variants = till.returnCounter().ofCustomer("cus-1", 50).stream().flatMap(o -> o.lines().stream())
                    .map(OrderLine::variantId).distinct().limit(5).toList();
            Map<String, fr.comptoir.catalog.VariantInfo> items = till.catalog().variants(variants, d.storeId());
            assertThat(items).hasSize(5);
            proxy.setDown(true);

            // The outage: 40 tickets of five items, then every item taken back on a ticket of its own.
            ReturnCounter counter = till.returnCounter();
            long refunds = 0;
            List<SaleRecord> sold = new java.util.ArrayList<>();
            for (int t = 0; t < 40; t++) {
                fr.comptoir.sale.Basket basket = new fr.comptoir.sale.Basket();
                items.values().forEach(v -> basket.add(new BasketLine(v.variantId(), v.sku(), v.label(), 1, v.priceCents(), v.vatRateBasisPoints(), null)));
                Checkout cash = new Checkout(basket.totalCents());
                cash.payCash(basket.totalCents());
                sold.add(till.saleCompletion().complete(basket.saleId(), basket.lines(), null, Set.of(), null, cash, seller));
            }
            for (SaleRecord s : sold) {
                for (int i = 1; i <= 5; i++) {
                    ReturnCounter.ReturnableOrder open = counter.open("ord-" + s.id(), Map.of()).orElseThrow();
                    List<BasketLine> back = counter.comingBack(open, List.of(new ReturnCounter.Choice(s.id() + "-" + i, 1, ReturnOf.Reason.CHANGED_MIND,
                            ReturnOf.Restock.SELLABLE)), null);
                    fr.comptoir.sale.Basket returning = new fr.comptoir.sale.Basket();
                    back.forEach(returning::add);
                    Checkout refund = new Checkout(returning.totalCents());
                    refund.add(till.salePayments().cash(returning.saleId(), returning.totalCents()));
                    till.saleCompletion().complete(returning.saleId(), returning.lines(), null, Set.of(), null, refund, seller);
                    refunds -= returning.totalCents();
                }
                ReturnCounter.ReturnableOrder done = counter.open("ord-" + s.id(), Map.of()).orElseThrow();
                assertThat(done.lines()).as("this till's ledger: nothing left of " + s.ticketNumber()).allSatisfy(l -> assertThat(l.returnable()).isZero());
            }
            assertThat(till.outbox().pendingCount()).isEqualTo(240);

            proxy.setDown(false);
            proxy.setFaults(new fr.comptoir.testing.FaultyProxy.Faults(15, 10, 25, 15, 0, 0));
            for (int round = 0; round < 2_000 && till.outbox().pendingCount() > 0; round++) {
                Thread.sleep(2);
                till.outbox().makeDueNow();
                till.sync().drainOutbox();
            }
            assertThat(till.outbox().pendingCount()).isZero();
            assertThat(till.outbox().needsAttentionCount()).isZero();
            assertThat(proxy.lostAnswers.get() + proxy.duplicated.get()).as("the network did fail").isPositive();
            long refundedAtPlatform = 0;
            int returnedAtPlatform = 0;
            for (SaleRecord s : sold) {
                for (JsonNode l : json.readTree(platform.body("orders", "ord-" + s.id()).orElseThrow()).path("lines")) {
                    returnedAtPlatform += l.path("returnedQuantity").asInt();
                }
                for (String body : platform.bodiesWhere("returned-items", "orderId", "ord-" + s.id())) {
                    refundedAtPlatform += json.readTree(body).path("refundCents").asLong();
                }
            }
            assertThat(returnedAtPlatform).as("each unit counted once").isEqualTo(200);
            assertThat(refundedAtPlatform).as("refunds, to the cent, once each").isEqualTo(refunds);
        }
    }

    @Test
    void onlineASecondTerminalIsRefusedAtTheCounterBeforeAnyMoneyMoves() throws Exception {
        try (AppContext t1 = TestOptions.syncedTinyDemo(dir.resolve("till-1"))) {
            DemoCentralServer server = t1.demoServer().orElseThrow();
            try (AppContext t2 = AppContext.open(dir.resolve("till-2"), Clock.systemUTC(), TestOptions.fastTinyDemo())) {
                t2.activate(server.baseUrl(), "DEMO");
                t2.connect();
                assertThat(t2.sync().syncOnce().ok()).isTrue();
                Order order = webOrderWithAPromotion(t1);
                OrderLine line = promoted(order);
                ReturnCounter c1 = t1.returnCounter();
                refundOnline(t1, c1.comingBack(c1.open(order.id(), Map.of()).orElseThrow(), List.of(new ReturnCounter.Choice(line.id(), 2,
                        ReturnOf.Reason.TOO_SMALL, ReturnOf.Restock.SELLABLE)), null), order.number());
                assertThat(t1.sync().syncOnce().delivered()).isEqualTo(1);

                // The second till's cache still says both may come back; the platform, asked at the counter, does not.
                assertThat(t2.returnCounter().ofCustomer("cus-1", 500).stream().filter(o -> o.id().equals(order.id())).findFirst().orElseThrow()
                        .lines().stream().filter(l -> l.id().equals(line.id())).findFirst().orElseThrow().returnedQuantity()).isZero();
                ReturnCounter c2 = t2.returnCounter();
                ReturnCounter.ReturnableOrder live = c2.open(order.id(), Map.of()).orElseThrow();
                assertThat(live.live()).isTrue();
                assertThat(live.line(line.id()).orElseThrow().returnable()).isZero();
                assertThatThrownBy(() -> c2.comingBack(live, List.of(new ReturnCounter.Choice(line.id(), 1, ReturnOf.Reason.TOO_SMALL,
                        ReturnOf.Restock.SELLABLE)), null)).hasMessage("return.moreThanReturnable");
                assertThat(t2.outbox().pendingCount()).isZero();
            }
        }
    }

    @Test
    void aUnitTwoTerminalsTookBackDuringAnOutageIsRefundedOnceAndTheOtherWaitsForAManagerWithTheMoneyTrail() throws Exception {
        try (AppContext t1 = TestOptions.syncedTinyDemo(dir.resolve("till-1"))) {
            DemoCentralServer server = t1.demoServer().orElseThrow();
            DemoPlatformStore platform = server.store();
            int port = server.port();
            try (AppContext t2 = AppContext.open(dir.resolve("till-2"), Clock.systemUTC(), TestOptions.fastTinyDemo())) {
                t2.activate(server.baseUrl(), "DEMO");
                t2.connect();
                assertThat(t2.sync().syncOnce().ok()).isTrue();
                Order order = webOrderWithAPromotion(t1);
                OrderLine line = promoted(order);
                server.close();

                // The outage: both tills take the same two units back, each from its own cache.
                for (AppContext till : List.of(t1, t2)) {
                    ReturnCounter counter = till.returnCounter();
                    ReturnCounter.ReturnableOrder open = counter.open(order.id(), Map.of()).orElseThrow();
                    refundOnline(till, counter.comingBack(open, List.of(new ReturnCounter.Choice(line.id(), 2, ReturnOf.Reason.DAMAGED,
                            ReturnOf.Restock.DAMAGED)), null), order.number());
                }
                assertThat(t1.journal().unconfirmedSales()).as("set aside damaged: not available here again").doesNotContainKey(line.variantId());

                try (DemoCentralServer back = DemoCentralServer.start(platform, port)) {
                    t1.sync().syncOnce();
                    t2.sync().syncOnce();
                    assertThat(returnedAtPlatform(platform, order.id(), line.id())).as("refunded once").isEqualTo(2);
                    assertThat(t1.outbox().needsAttentionCount()).isZero();
                    List<OutboxEntry> attention = t2.outbox().needsAttention();
                    assertThat(attention).singleElement().satisfies(e -> {
                        assertThat(e.kind()).isEqualTo("sale-recorded");
                        assertThat(e.lastError()).contains(order.number(), "0 still returnable", "returned before: 2 by ticket",
                                t1.device().orElseThrow().deviceId(), Long.toString(line.paid()));
                    });
                }
            }
        }
    }
}
