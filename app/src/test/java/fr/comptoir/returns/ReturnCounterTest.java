package fr.comptoir.returns;

import fr.comptoir.centralapi.Feed;
import fr.comptoir.centralapi.FeedPage;
import fr.comptoir.common.OutboxWrite;
import fr.comptoir.common.WriteKind;
import fr.comptoir.orders.Order;
import fr.comptoir.orders.OrderLine;
import fr.comptoir.sale.BasketLine;
import fr.comptoir.sale.Payment;
import fr.comptoir.sale.ReturnOf;
import fr.comptoir.sale.SaleRecord;
import fr.comptoir.sale.Vat;
import fr.comptoir.storage.CanonicalJson;
import fr.comptoir.storage.SqliteDatabase;
import fr.comptoir.storage.SqliteFeedCache;
import fr.comptoir.storage.SqliteJournal;
import fr.comptoir.storage.SqliteOrders;
import fr.comptoir.stores.ReturnPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The counter's rules on real cache and journal files: refunds to the cent, the ledger, the policy, bad input. */
class ReturnCounterTest {

    @TempDir
    Path dir;
    SqliteDatabase cacheDb;
    SqliteDatabase journalDb;
    SqliteJournal journal;
    ReturnCounter counter;
    final Clock clock = Clock.fixed(Instant.parse("2026-12-02T11:00:00Z"), ZoneOffset.UTC);
    static final ReturnPolicy POLICY = new ReturnPolicy(Map.of("WEB", 30, "STORE", 15), List.of("Épicerie fine"));

    /** Three candles at 4 € paid 10 € ("3 for 10"), a dress, chocolates; web, placed {@code placed}. */
    static Order order(String id, Order.Channel channel, String placed, Order.OrderStatus status) {
        return new Order(id, "N-" + id.toUpperCase(), "cus-1", channel, null, status, placed, 10_000 + 5_999 + 1_099,
                List.of(new OrderLine(id + "-1", "v-candle", "B-1", "Bougie", 3, 400, 2000, 0, 1_000L),
                        new OrderLine(id + "-2", "v-dress", "R-1", "Robe", 1, 5_999, 2000, 0, 5_999L),
                        new OrderLine(id + "-3", "v-choc", "C-1", "Chocolats", 1, 1_099, 550, 0, 1_099L)));
    }

    @BeforeEach
    void open() {
        cacheDb = SqliteDatabase.open(dir.resolve("cache.db"), "cache");
        journalDb = SqliteDatabase.open(dir.resolve("journal.db"), "journal");
        new SqliteFeedCache(cacheDb, CanonicalJson.codec()).applyPage(Feed.ORDERS, (cursor, h) -> {
            h.upsert(order("w1", Order.Channel.WEB, "2026-11-25T10:00:00Z", Order.OrderStatus.DELIVERED));
            h.upsert(order("s1", Order.Channel.STORE, "2026-11-10T10:00:00Z", Order.OrderStatus.COMPLETED));
            h.upsert(order("p1", Order.Channel.APP, "2026-12-01T10:00:00Z", Order.OrderStatus.READY_FOR_PICKUP));
            return new FeedPage("x", false, 3, 0);
        }, 1);
        journal = new SqliteJournal(journalDb, CanonicalJson.codec(), clock);
        Map<String, String> categories = new HashMap<>(Map.of("v-candle", "Maison > Bougies", "v-dress", "Femme > Robes",
                "v-choc", "Épicerie fine"));
        counter = new ReturnCounter(new SqliteOrders(cacheDb), journal, CanonicalJson.codec(), ids -> categories, () -> POLICY, clock);
    }

    @AfterEach
    void close() {
        cacheDb.close();
        journalDb.close();
    }

    static ReturnCounter.Choice back(String line, int units) {
        return new ReturnCounter.Choice(line, units, ReturnOf.Reason.CHANGED_MIND, ReturnOf.Restock.SELLABLE);
    }

    /** A ticket of this terminal taking {@code lines} back, journaled and not yet confirmed by the platform. */
    void journaled(List<BasketLine> lines) {
        long total = lines.stream().mapToLong(BasketLine::totalCents).sum();
        SaleRecord ticket = new SaleRecord("sale-" + System.nanoTime(), "T-1", "st", "d", "s", "Léo", null, null, "2026-12-02T11:00:00Z",
                lines, List.of(Payment.cash(total)), total, 0, Vat.breakdown(lines), List.of(), null, SaleRecord.typeOf(lines));
        journal.appendWithOutbox("sale.completed", "s", new OutboxWrite(WriteKind.SALE_RECORDED, ticket.id(), ticket.id(), ticket));
    }

    @Test
    void eachReturnRefundsWhatWasPaidToTheCentAndTheReturnsOfALineAddUpToIt() {
        ReturnCounter.ReturnableOrder w1 = counter.open("w1", Map.of()).orElseThrow();
        List<BasketLine> first = counter.comingBack(w1, List.of(back("w1-1", 1)), null);
        assertThat(first).singleElement().satisfies(l -> assertThat(l.totalCents()).isEqualTo(-333));
        journaled(first);
        ReturnCounter.ReturnableOrder again = counter.open("w1", Map.of()).orElseThrow();
        assertThat(again.line("w1-1").orElseThrow().returned()).as("this terminal's own return counts").isEqualTo(1);
        List<BasketLine> rest = counter.comingBack(again, List.of(back("w1-1", 2)), null);
        assertThat(rest.get(0).totalCents()).as("333 + 667 = the 10 € paid for the three").isEqualTo(-667);
        assertThat(rest.get(0).returnOf().orderNumber()).isEqualTo("N-W1");
        assertThat(Vat.breakdown(rest).get(0).totalCents()).isEqualTo(-667);
    }

    @Test
    void moreThanMayComeBackIsRefusedCountingTheBasketAndNothingIsReturned() {
        ReturnCounter.ReturnableOrder withBasket = counter.open("w1", Map.of("w1-1", 2)).orElseThrow();
        assertThat(withBasket.line("w1-1").orElseThrow().returnable()).isEqualTo(1);
        assertThatThrownBy(() -> counter.comingBack(withBasket, List.of(back("w1-1", 2)), null))
                .isInstanceOfSatisfying(ReturnCounter.Refused.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("return.moreThanReturnable");
                    assertThat(e.detail()).isEqualTo("Bougie|1");
                });
        ReturnCounter.ReturnableOrder w1 = counter.open("w1", Map.of()).orElseThrow();
        assertThatThrownBy(() -> counter.comingBack(w1, List.of(new ReturnCounter.Choice("w1-2", 1, null, ReturnOf.Restock.SELLABLE)), null))
                .hasMessage("return.reasonRequired");
        assertThatThrownBy(() -> counter.comingBack(w1, List.of(back("nope", 1)), null)).hasMessage("return.unknownLine");
        assertThatThrownBy(() -> counter.comingBack(w1, List.of(back("w1-2", -1)), null)).hasMessage("return.badQuantity");
        assertThatThrownBy(() -> counter.comingBack(w1, List.of(back("w1-2", 0)), null)).hasMessage("return.nothingChosen");
        assertThat(counter.find("W1", 5)).as("too short to search").isEmpty();
        assertThat(counter.find("n-w1", 5)).extracting(Order::id).containsExactly("w1");
        assertThat(counter.find("-S1", 5)).as("any part of the number").extracting(Order::id).containsExactly("s1");
    }

    @Test
    void outsideThePolicyOnlyAManagerLetsItComeBackAndANotReceivedOrderHasNothingToTakeBack() {
        // Chocolates are never taken back; the store ticket is older than its 15 days.
        ReturnCounter.ReturnableOrder w1 = counter.open("w1", Map.of()).orElseThrow();
        assertThat(w1.line("w1-3").orElseThrow().refusal()).isEqualTo(ReturnableLine.Refusal.NON_RETURNABLE_CATEGORY);
        assertThatThrownBy(() -> counter.comingBack(w1, List.of(back("w1-3", 1)), null)).hasMessage("return.nonReturnable");
        assertThat(counter.comingBack(w1, List.of(back("w1-3", 1)), "stf-m").get(0).returnOf().approvedBy()).isEqualTo("stf-m");
        assertThat(counter.comingBack(w1, List.of(back("w1-2", 1)), "stf-m").get(0).returnOf().approvedBy())
                .as("a line within the policy names no approval").isNull();

        ReturnCounter.ReturnableOrder s1 = counter.open("s1", Map.of()).orElseThrow();
        assertThat(s1.windowEndsAt()).isEqualTo(Instant.parse("2026-11-25T10:00:00Z"));
        assertThat(s1.line("s1-2").orElseThrow().refusal()).isEqualTo(ReturnableLine.Refusal.OUTSIDE_WINDOW);
        assertThatThrownBy(() -> counter.comingBack(s1, List.of(back("s1-2", 1)), null)).hasMessage("return.outsideWindow");

        ReturnCounter.ReturnableOrder p1 = counter.open("p1", Map.of()).orElseThrow();
        assertThat(p1.lines()).allSatisfy(l -> assertThat(l.returnable()).isZero());
        assertThatThrownBy(() -> counter.comingBack(p1, List.of(back("p1-2", 1)), "stf-m")).hasMessage("return.moreThanReturnable");
        assertThat(counter.open("nobody", Map.of())).isEmpty();
    }
}
