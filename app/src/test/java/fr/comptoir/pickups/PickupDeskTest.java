package fr.comptoir.pickups;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.comptoir.AppContext;
import fr.comptoir.comptoirapi.WireJson;
import fr.comptoir.demo.DemoCentralServer;
import fr.comptoir.demo.DemoDataGenerator;
import fr.comptoir.demo.DemoPlatformStore;
import fr.comptoir.demo.DemoSize;
import fr.comptoir.sync.OutboxEntry;
import fr.comptoir.sync.SyncEngine;
import fr.comptoir.testing.FaultyProxy;
import fr.comptoir.testing.TestOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The pickup desk against the demo platform over real HTTP, with real SQLite files: two terminals (two data
 * folders) and one order, online and after an outage; one terminal twice; a faulty network; bad input.
 * "Exactly once" is counted at the platform: its hand-over rounds, refunds and the order's status.
 */
public class PickupDeskTest {

    @TempDir
    Path dir;
    final ObjectMapper wire = WireJson.mapper();

    /** A ready order of this store, current (not past its expiry), fully prepaid, the first one in the desk's order. */
    public static Pickup readyOrder(AppContext ctx) {
        Instant now = Instant.now();
        return ctx.pickupQueue().tab(PickupQueue.Tab.READY, now, 100).stream().filter(r -> !r.overdue())
                .map(r -> ctx.pickupQueue().pickup(r.orderId()).orElseThrow()).filter(p -> p.paidCents() == p.totalCents())
                .findFirst().orElseThrow();
    }

    public static Handover.HandoverVerification byCode(Pickup p) {
        return new Handover.HandoverVerification(Handover.Method.PICKUP_CODE, p.customer().fullName(), false, null, null);
    }

    static List<PickupMoney.LineOutcome> everything(Pickup p) {
        return p.lines().stream().filter(l -> l.open() > 0).map(l -> new PickupMoney.LineOutcome(l.lineId(), l.open(), 0, null)).toList();
    }

    static String code(Pickup p) {
        return DemoDataGenerator.demoPickupCode(p.orderNumber());
    }

    Pickup atPlatform(DemoPlatformStore platform, String orderId) throws Exception {
        return wire.readValue(platform.body("pickups", orderId).orElseThrow(), Pickup.class);
    }

    AppContext secondTerminal(String url) {
        AppContext t2 = AppContext.open(dir.resolve("till-2"), Clock.systemUTC(), TestOptions.fastTinyDemo());
        t2.activate(url, "DEMO");
        t2.connect();
        SyncEngine.Report r = t2.sync().syncOnce();
        assertThat(r.ok()).as(r.error()).isTrue();
        return t2;
    }

    /** A ready order of this store, current, with a balance to pay at the desk (a deposit, or nothing paid online). */
    public static Pickup orderWithBalance(AppContext ctx) {
        Instant now = Instant.now();
        return ctx.pickupQueue().tab(PickupQueue.Tab.READY, now, 100).stream().filter(r -> !r.overdue())
                .map(r -> ctx.pickupQueue().pickup(r.orderId()).orElseThrow()).filter(p -> p.paidCents() < p.totalCents())
                .findFirst().orElseThrow();
    }

    /**
     * The till's side of a balance, as the shell wires it: a basket settles the order with its prepared hand-over,
     * cash pays it, the sale is recorded (with the hand-over, one transaction); the desk then shows the order.
     */
    public static fr.comptoir.sale.SaleRecord takeBalanceAtTill(AppContext ctx, PickupDesk desk, Pickup p, List<PickupMoney.LineOutcome> outcomes,
                                                                boolean offline, boolean showInQueue) {
        Handover prepared = desk.prepare(p, byCode(p), code(p), outcomes, Map.of(), "stf-par01-2", null, offline);
        fr.comptoir.sale.Basket basket = new fr.comptoir.sale.Basket();
        Handover h = prepared.settledBy(basket.saleId());
        basket.settle(TillBalance.settlement(p, h), TillBalance.lines(p, PickupMoney.collectedWorth(p, outcomes), h.dueCents(),
                (number, item) -> number + " " + item), null);
        fr.comptoir.sale.Checkout cash = new fr.comptoir.sale.Checkout(basket.totalCents());
        cash.payCash(basket.totalCents());
        fr.comptoir.DeviceConfig d = ctx.device().orElseThrow();
        fr.comptoir.sale.SaleRecord sale = ctx.saleCompletion().complete(basket.saleId(), basket.lines(), null, java.util.Set.of(), null, cash,
                new fr.comptoir.sale.SaleCompletion.Seller(d.storeId(), "PAR01", d.deviceId(), "stf-par01-2", "Léo Martin"), basket.settlement());
        if (showInQueue) {
            desk.recorded(p, h);
        }
        return sale;
    }

    @Test
    void aBalanceIsPaidAtTheTillAndTheOrderLeavesWithItsSaleExactlyOnce() throws Exception {
        try (AppContext t1 = TestOptions.syncedTinyDemo(dir.resolve("till-1"))) {
            DemoPlatformStore platform = t1.demoServer().orElseThrow().store();
            PickupDesk desk = t1.pickupDesk();
            Pickup p = desk.open(orderWithBalance(t1).orderId()).orElseThrow().pickup();
            long due = PickupMoney.settle(p, everything(p)).dueCents();
            assertThat(due).isEqualTo(p.totalCents() - p.paidCents()).isPositive();
            assertThatThrownBy(() -> desk.handOver(p, byCode(p), code(p), everything(p), Map.of(), "stf-par01-2", null, false))
                    .as("not handed over without its money").hasMessage("pickup.balanceAtTill");
            Map<String, Integer> stockBefore = new java.util.HashMap<>();
            for (Pickup.PickupLine l : p.lines()) {
                stockBefore.put(l.variantId(), onHand(platform, p.storeId(), l.variantId()));
            }

            fr.comptoir.sale.SaleRecord sale = takeBalanceAtTill(t1, desk, p, everything(p), false, true);
            assertThat(sale.totalCents()).isEqualTo(due);
            assertThat(sale.vatBreakdown().stream().mapToLong(fr.comptoir.sale.VatLine::totalCents).sum()).isEqualTo(due);
            assertThat(sale.lines()).allSatisfy(l -> assertThat(l.fulfilment()).isEqualTo("ORDER:" + p.orderId()));
            assertThat(t1.outbox().pendingCount()).as("the sale and its hand-over").isEqualTo(2);
            assertThat(t1.pickupQueue().pickup(p.orderId()).orElseThrow().status()).isEqualTo(PickupStatus.COLLECTED);
            assertThatThrownBy(() -> takeBalanceAtTill(t1, desk, p, everything(p), false, true))
                    .as("this terminal never takes the same round twice").hasMessage("pickup.alreadyHandedOverHere");

            SyncEngine.Report r = t1.sync().syncOnce();
            assertThat(r.ok()).as(r.error()).isTrue();
            assertThat(t1.outbox().pendingCount()).isZero();
            assertThat(t1.outbox().needsAttentionCount()).isZero();
            Pickup after = atPlatform(platform, p.orderId());
            assertThat(after.status()).isEqualTo(PickupStatus.COLLECTED);
            assertThat(after.handovers()).hasSize(p.handovers().size() + 1);
            assertThat(after.settledInStoreCents()).as("paid once, to the cent").isEqualTo(p.settledInStoreCents() + due);
            for (Pickup.PickupLine l : p.lines()) {
                assertThat(onHand(platform, p.storeId(), l.variantId())).as("the sale moves no stock: the order's units were set aside")
                        .isEqualTo(stockBefore.get(l.variantId()));
            }
        }
    }

    @Test
    void aHandOverJournaledWithItsSaleButNotYetInTheCacheIsShownWhenTheDeskOpens() throws Exception {
        try (AppContext t1 = TestOptions.syncedTinyDemo(dir.resolve("till-1"))) {
            PickupDesk desk = t1.pickupDesk();
            Pickup p = orderWithBalance(t1);
            // As a kill -9 between the journal's commit and the cache's would leave it.
            takeBalanceAtTill(t1, desk, p, everything(p), true, false);
            assertThat(t1.pickupQueue().pickup(p.orderId()).orElseThrow().status()).isEqualTo(PickupStatus.READY);
            assertThat(t1.pickupDesk().showPendingHandovers()).isEqualTo(1);
            Pickup shown = t1.pickupQueue().pickup(p.orderId()).orElseThrow();
            assertThat(shown.status()).isEqualTo(PickupStatus.COLLECTED);
            assertThat(shown.settledInStoreCents()).isEqualTo(p.settledInStoreCents() + PickupMoney.settle(p, everything(p)).dueCents());
            assertThat(t1.pickupDesk().showPendingHandovers()).as("shown once").isZero();
        }
    }

    static int onHand(DemoPlatformStore platform, String storeId, String variantId) throws Exception {
        return new ObjectMapper().readTree(platform.body("stock", storeId + ":" + variantId).orElse("{\"onHand\":0}")).path("onHand").asInt();
    }

    @Test
    void onlineASecondTerminalIsRefusedAtTheDeskWithWhenAnOrderWasHandedOver() throws Exception {
        try (AppContext t1 = TestOptions.syncedTinyDemo(dir.resolve("till-1"))) {
            DemoCentralServer server = t1.demoServer().orElseThrow();
            try (AppContext t2 = secondTerminal(server.baseUrl())) {
                Pickup p = readyOrder(t1);
                PickupDesk desk1 = t1.pickupDesk();
                PickupDesk.Opened opened = desk1.open(p.orderId()).orElseThrow();
                assertThat(opened.live()).as("freshened from the platform").isTrue();
                assertThat(desk1.checkCode(opened.pickup(), code(p))).isEqualTo(PickupDesk.CodeCheck.RIGHT);
                PickupDesk.Done done = desk1.handOver(opened.pickup(), byCode(p), code(p), everything(p), Map.of(), "stf-par01-2", null, false);
                assertThat(done.after().status()).isEqualTo(PickupStatus.COLLECTED);
                assertThat(t1.pickupQueue().pickup(p.orderId()).orElseThrow().status()).as("the desk shows it at once").isEqualTo(PickupStatus.COLLECTED);
                assertThat(t1.sync().syncOnce().delivered()).isEqualTo(1);

                // The second terminal still has the order as ready in its cache: opening it asks the platform.
                assertThat(t2.pickupQueue().pickup(p.orderId()).orElseThrow().status()).isEqualTo(PickupStatus.READY);
                PickupDesk desk2 = t2.pickupDesk();
                Pickup fresh = desk2.open(p.orderId()).orElseThrow().pickup();
                assertThat(fresh.status()).isEqualTo(PickupStatus.COLLECTED);
                assertThatThrownBy(() -> desk2.handOver(fresh, byCode(p), code(p), everything(p), Map.of(), "stf-par01-3", null, false))
                        .isInstanceOfSatisfying(PickupDesk.Refused.class, e -> {
                            assertThat(e.getMessage()).isEqualTo("pickup.alreadyCollected");
                            assertThat(e.detail()).isEqualTo(done.handover().at());
                        });
                assertThat(t2.outbox().pendingCount()).isZero();
                assertThat(atPlatform(server.store(), p.orderId()).handovers()).hasSize(1);
            }
        }
    }

    @Test
    void afterAnOutageTheLaterHandOverIsRefusedByThePlatformAndWaitsForAManagerWithWhenAndWhere() throws Exception {
        try (AppContext t1 = TestOptions.syncedTinyDemo(dir.resolve("till-1"))) {
            DemoCentralServer server = t1.demoServer().orElseThrow();
            DemoPlatformStore platform = server.store();
            int port = server.port();
            try (AppContext t2 = secondTerminal(server.baseUrl())) {
                Pickup p = readyOrder(t1);
                PickupDesk.Done first = t1.pickupDesk().handOver(p, byCode(p), code(p), everything(p), Map.of(), "stf-par01-2", null, false);
                assertThat(t1.sync().syncOnce().delivered()).isEqualTo(1);
                server.close();

                // The second terminal, offline, has the order as ready: the desk hands it over (decision 0028).
                PickupDesk desk2 = t2.pickupDesk();
                PickupDesk.Opened cached = desk2.open(p.orderId()).orElseThrow();
                assertThat(cached.live()).isFalse();
                desk2.handOver(cached.pickup(), byCode(p), code(p), everything(p), Map.of(), "stf-par01-3", null, true);
                assertThat(t2.outbox().pendingCount()).isEqualTo(1);

                try (DemoCentralServer back = DemoCentralServer.start(platform, port)) {
                    t2.sync().syncOnce();
                    assertThat(t2.outbox().pendingCount()).isZero();
                    List<OutboxEntry> attention = t2.outbox().needsAttention();
                    assertThat(attention).singleElement().satisfies(e -> {
                        assertThat(e.kind()).isEqualTo("pickup-handover");
                        assertThat(e.lastError()).contains(p.orderNumber(), first.handover().at(), t1.device().orElseThrow().deviceId());
                    });
                    assertThat(atPlatform(platform, p.orderId()).handovers()).as("handed over once").hasSize(1);
                }
            }
        }
    }

    @Test
    void oneTerminalNeverJournalsTheSameRoundTwiceWhateverItsCacheSays() throws Exception {
        try (AppContext t1 = TestOptions.syncedTinyDemo(dir.resolve("till-1"))) {
            Pickup p = readyOrder(t1);
            PickupDesk desk = t1.pickupDesk();
            desk.handOver(p, byCode(p), code(p), everything(p), Map.of(), "stf-par01-2", null, true);
            // A stale copy of the order (as a feed page from before the hand-over would bring back).
            t1.pickupQueue().applyLocal(p);
            assertThatThrownBy(() -> desk.handOver(p, byCode(p), code(p), everything(p), Map.of(), "stf-par01-2", null, true))
                    .isInstanceOfSatisfying(PickupDesk.Refused.class, e -> assertThat(e.getMessage()).isEqualTo("pickup.alreadyHandedOverHere"));
            assertThat(t1.journal().pendingPayloads(fr.comptoir.common.WriteKind.PICKUP_HANDOVER)).hasSize(1);
        }
    }

    @Test
    void badInputIsRefusedWithItsReasonAndNothingIsJournaled() throws Exception {
        try (AppContext t1 = TestOptions.syncedTinyDemo(dir.resolve("till-1"))) {
            PickupDesk desk = t1.pickupDesk();
            Pickup p = readyOrder(t1);
            long journaled = t1.journal().size();
            assertThat(desk.open("ord-nobody")).isEmpty();
            assertThatThrownBy(() -> desk.handOver(p, byCode(p), "000000", everything(p), Map.of(), "s", null, false))
                    .hasMessage("pickup.wrongCode");
            assertThat(desk.checkCode(p, "000001")).isEqualTo(PickupDesk.CodeCheck.WRONG);
            assertThat(desk.checkCode(p, "000002")).isEqualTo(PickupDesk.CodeCheck.WRONG);
            assertThat(desk.checkCode(p, "000003")).isEqualTo(PickupDesk.CodeCheck.LOCKED);
            assertThat(desk.checkCode(p, code(p))).as("even the right code waits for a manager").isEqualTo(PickupDesk.CodeCheck.LOCKED);
            assertThat(t1.pickupDesk().checkCode(p, code(p))).as("another desk, as after leaving the screen or a restart").isEqualTo(PickupDesk.CodeCheck.LOCKED);
            desk.unlockCodes(p.orderId());
            assertThat(desk.checkCode(p, code(p))).isEqualTo(PickupDesk.CodeCheck.RIGHT);
            Pickup.PickupLine first = p.lines().get(0);
            assertThatThrownBy(() -> desk.handOver(p, byCode(p), code(p), List.of(new PickupMoney.LineOutcome(first.lineId(), first.open() + 1, 0, null)),
                    Map.of(), "s", null, false)).isInstanceOf(PickupMoney.Invalid.class).hasMessage("more-than-open");
            Handover.HandoverVerification stranger = new Handover.HandoverVerification(Handover.Method.ID_DOCUMENT, "Arsène Lupin", true,
                    Handover.IdDocument.ID_CARD, "4821");
            assertThatThrownBy(() -> desk.handOver(p, stranger, null, everything(p), Map.of(), "s", null, false)).hasMessage("pickup.proxyNotAllowed");
            Handover.HandoverVerification wholeNumber = new Handover.HandoverVerification(Handover.Method.ID_DOCUMENT, p.customer().fullName(),
                    false, Handover.IdDocument.PASSPORT, "19AB12345");
            assertThatThrownBy(() -> desk.handOver(p, wholeNumber, null, everything(p), Map.of(), "s", null, false))
                    .as("never a whole ID number").hasMessage("pickup.idDocumentRequired");
            Pickup expired = t1.pickupQueue().tab(PickupQueue.Tab.OVERDUE, Instant.now(), 100).stream()
                    .filter(r -> r.status() == PickupStatus.EXPIRED).map(r -> t1.pickupQueue().pickup(r.orderId()).orElseThrow()).findFirst().orElseThrow();
            assertThatThrownBy(() -> desk.handOver(expired, byCode(expired), code(expired), everything(expired), Map.of(), "s", null, false))
                    .hasMessage("pickup.expiredNeedsManager");
            Pickup toPrepare = t1.pickupQueue().pickup(t1.pickupQueue().tab(PickupQueue.Tab.TO_PREPARE, Instant.now(), 1).get(0).orderId()).orElseThrow();
            assertThatThrownBy(() -> desk.handOver(toPrepare, byCode(toPrepare), code(toPrepare), everything(toPrepare), Map.of(), "s", null, false))
                    .hasMessage("pickup.notReady");
            assertThat(t1.journal().size()).isEqualTo(journaled);
            assertThat(t1.outbox().pendingCount()).isZero();
            assertThat(t1.pickupQueue().pickup(p.orderId()).orElseThrow()).isEqualTo(p);
        }
    }

    @Test
    void handOversDoneOfflineReachThePlatformExactlyOnceThroughAFaultyNetwork() throws Exception {
        try (DemoPlatformStore platform = DemoPlatformStore.openOrGenerate(dir.resolve("platform"), DemoSize.TINY, 42, LocalDate.now());
             DemoCentralServer server = DemoCentralServer.start(platform, 0);
             FaultyProxy proxy = new FaultyProxy(server.baseUrl(), 2026);
             AppContext till = AppContext.open(dir.resolve("till"), Clock.systemUTC(), TestOptions.fastTinyDemo())) {
            till.activate(proxy.url(), "DEMO");
            till.connect();
            assertThat(till.sync().syncOnce().ok()).isTrue();
            proxy.setDown(true);

            // Every order the desk can hand over, each with one line refused as damaged where it has several.
            PickupDesk desk = till.pickupDesk();
            List<Pickup> handed = new ArrayList<>();
            long refunds = 0;
            for (PickupQueue.Tab tab : List.of(PickupQueue.Tab.READY, PickupQueue.Tab.PARTLY_COLLECTED)) {
                for (PickupQueue.Row r : till.pickupQueue().tab(tab, Instant.now(), 100)) {
                    if (r.overdue()) {
                        continue;
                    }
                    Pickup p = desk.open(r.orderId()).orElseThrow().pickup();
                    List<PickupMoney.LineOutcome> outcomes = new ArrayList<>();
                    for (Pickup.PickupLine l : p.lines()) {
                        if (l.open() > 0) {
                            boolean refuse = outcomes.isEmpty() && p.lines().size() > 1;
                            outcomes.add(new PickupMoney.LineOutcome(l.lineId(), refuse ? 0 : l.open(), refuse ? l.open() : 0,
                                    refuse ? PickupMoney.RefusalReason.DAMAGED : null));
                        }
                    }
                    if (PickupMoney.settle(p, outcomes).dueCents() > 0) {
                        continue;
                    }
                    PickupDesk.Done done = desk.handOver(p, byCode(p), code(p), outcomes, Map.of(), "stf-par01-2", null, true);
                    refunds += done.handover().refundCents();
                    handed.add(p);
                }
            }
            assertThat(handed).hasSizeGreaterThanOrEqualTo(5);
            assertThat(till.outbox().pendingCount()).isEqualTo(handed.size());

            proxy.setDown(false);
            proxy.setFaults(new FaultyProxy.Faults(15, 10, 25, 15, 0, 0));
            for (int round = 0; round < 400 && till.outbox().pendingCount() > 0; round++) {
                Thread.sleep(2);
                till.outbox().makeDueNow();
                till.sync().drainOutbox();
            }
            assertThat(till.outbox().pendingCount()).isZero();
            assertThat(till.outbox().needsAttentionCount()).isZero();
            assertThat(proxy.lostAnswers.get() + proxy.duplicated.get()).as("the network did fail").isPositive();
            long refundedAtPlatform = 0;
            for (Pickup before : handed) {
                Pickup after = atPlatform(platform, before.orderId());
                assertThat(after.handovers()).as(before.orderNumber()).hasSize(before.handovers().size() + 1);
                assertThat(after.status()).isEqualTo(PickupStatus.COLLECTED);
                refundedAtPlatform += after.refundedCents() - before.refundedCents();
            }
            assertThat(refundedAtPlatform).as("refunds, to the cent, once each").isEqualTo(refunds);
        }
    }
}
