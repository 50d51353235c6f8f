package fr.comptoir.sale;

import fr.comptoir.common.OutboxWrite;
import fr.comptoir.common.WriteKind;
import fr.comptoir.storage.CanonicalJson;
import fr.comptoir.storage.SqliteDatabase;
import fr.comptoir.storage.SqliteJournal;
import fr.comptoir.storage.SqliteParkedSales;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A basket that pays an order's balance (decision 0029), on a real journal file: it cannot be changed, it
 * survives a restart with its hand-over, and its sale and that hand-over are journaled together, once.
 */
class OrderSettlementTest {

    @TempDir
    Path dir;

    static final String ORDER = "ord-pk-7";

    static OrderSettlement settlement(String saleId) {
        return new OrderSettlement(ORDER, "A00000007", "pickup.handover", new OutboxWrite(WriteKind.PICKUP_HANDOVER,
                "pickup-handover:" + ORDER + ":0", "pickup:" + ORDER, Map.of("orderId", ORDER, "round", 0, "dueCents", 4_500,
                "settlementSaleId", saleId)));
    }

    static List<BasketLine> balance() {
        return List.of(new BasketLine("v1", "S1", "Commande A00000007, solde : Robe lin M", 1, 3_000, 2_000, null, 0, null, null,
                        BasketLine.ORDER + ORDER, null, 0, null),
                new BasketLine("v2", "S2", "Commande A00000007, solde : Livre", 1, 1_500, 550, null, 0, null, null,
                        BasketLine.ORDER + ORDER, null, 0, null));
    }

    @Test
    void aSettlingBasketRefusesEveryChangeUntilItIsPaidOrCancelled() {
        Basket basket = new Basket();
        basket.setPricer(lines -> lines.stream().map(l -> l.withPromotion(100, "Promo")).toList());
        basket.settle(settlement(basket.saleId()), balance(), null);
        assertThat(basket.totalCents()).as("no promotion on an order's balance").isEqualTo(4_500);
        assertThatThrownBy(() -> basket.addOne("v9", "S9", "Autre", 1_000, 2_000)).isInstanceOf(Basket.SettlesOrder.class);
        assertThatThrownBy(() -> basket.voidLine(0)).isInstanceOf(Basket.SettlesOrder.class);
        assertThatThrownBy(() -> basket.setQuantity(0, 2)).isInstanceOf(Basket.SettlesOrder.class);
        assertThatThrownBy(() -> basket.discountLine(0, 100, DiscountReason.DAMAGED, null)).isInstanceOf(Basket.SettlesOrder.class);
        assertThatThrownBy(() -> basket.fulfil(0, BasketLine.HOME)).isInstanceOf(Basket.SettlesOrder.class);
        assertThat(basket.lines()).isEqualTo(balance());
        assertThatThrownBy(() -> new Basket().settle(settlement("x"), List.of(new BasketLine("v1", "S1", "Robe", 1, 3_000, 2_000, null)), null))
                .as("only lines of that order").isInstanceOf(IllegalArgumentException.class);
        Basket busy = new Basket();
        busy.addOne("v9", "S9", "Autre", 1_000, 2_000);
        assertThatThrownBy(() -> busy.settle(settlement(busy.saleId()), balance(), null)).hasMessage("basket-not-empty");

        basket.clear();
        assertThat(basket.settlement()).isNull();
        basket.addOne("v9", "S9", "Autre", 1_000, 2_000);
        assertThat(basket.lines()).hasSize(1);
    }

    @Test
    void theSaleAndTheHandOverAreJournaledTogetherOnceAndMoveNoStockAfterARestart() {
        String saleId;
        try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("journal.db"), "journal");
             BasketAutosave autosave = new BasketAutosave(new SqliteParkedSales(db, CanonicalJson.codec()), Clock.systemUTC(), e -> { })) {
            Basket basket = new Basket();
            autosave.watch(basket);
            basket.settle(settlement(basket.saleId()), balance(), null);
            saleId = basket.saleId();
            autosave.flush();
        }
        try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("journal.db"), "journal")) {
            SqliteParkedSales store = new SqliteParkedSales(db, CanonicalJson.codec());
            Basket basket = new Basket();
            basket.restore(store.inProgress().orElseThrow());
            assertThat(basket.saleId()).isEqualTo(saleId);
            assertThat(basket.settlement().orderNumber()).isEqualTo("A00000007");
            assertThatThrownBy(() -> basket.addOne("v9", "S9", "Autre", 1_000, 2_000)).as("still the order's balance after the restart")
                    .isInstanceOf(Basket.SettlesOrder.class);

            SqliteJournal journal = new SqliteJournal(db, CanonicalJson.codec(), Clock.systemUTC());
            SaleCompletion completion = new SaleCompletion(journal, Clock.systemUTC());
            SaleCompletion.Seller seller = new SaleCompletion.Seller("st-par01", "PAR01", "dev-1", "stf", "Léo");
            Checkout paid = new Checkout(4_500);
            paid.payCash(5_000);
            SaleRecord sale = completion.complete(basket.saleId(), basket.lines(), null, Set.of(), null, paid, seller, basket.settlement());
            assertThat(sale.totalCents()).isEqualTo(4_500);
            assertThat(journal.pendingPayloads(WriteKind.PICKUP_HANDOVER)).singleElement().asString()
                    .contains("\"settlementSaleId\":\"" + saleId + "\"");
            assertThat(journal.unconfirmedSales()).as("the hand-over moves the stock, not the sale").isEmpty();
            assertThat(store.inProgress()).isEmpty();

            // Asked again (a second tap, a restored basket): the first record, nothing more.
            assertThat(completion.complete(basket.saleId(), basket.lines(), null, Set.of(), null, paid, seller, basket.settlement()))
                    .isEqualTo(sale);
            // Another sale carrying the same hand-over (it cannot happen at the desk): the money is recorded, the hand-over not twice.
            Basket again = new Basket();
            again.settle(settlement(again.saleId()), balance(), null);
            Checkout paidAgain = new Checkout(4_500);
            paidAgain.payCash(4_500);
            completion.complete(again.saleId(), again.lines(), null, Set.of(), null, paidAgain, seller, again.settlement());
            assertThat(journal.pendingPayloads(WriteKind.PICKUP_HANDOVER)).hasSize(1);
            assertThat(journal.pendingPayloads(WriteKind.SALE_RECORDED)).hasSize(2);
        }
    }

    @Test
    void aSaleWithLinesOfAnotherOrderIsNotRecordedAsItsBalance() {
        try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("journal.db"), "journal")) {
            SqliteJournal journal = new SqliteJournal(db, CanonicalJson.codec(), Clock.systemUTC());
            Checkout paid = new Checkout(1_000);
            paid.payCash(1_000);
            List<BasketLine> other = List.of(new BasketLine("v1", "S1", "Robe", 1, 1_000, 2_000, null));
            assertThatThrownBy(() -> new SaleCompletion(journal, Clock.systemUTC()).complete("sale-1", other, null, Set.of(), null, paid,
                    new SaleCompletion.Seller("st", "ST", "dev-1", "s", "S"), settlement("sale-1"))).hasMessage("settlement-lines-only");
            assertThat(journal.pendingPayloads(WriteKind.SALE_RECORDED)).isEmpty();
        }
    }
}
