package fr.comptoir.pickups;

import fr.comptoir.pickups.PickupMoney.LineOutcome;
import fr.comptoir.sale.BasketLine;
import fr.comptoir.sale.Vat;
import fr.comptoir.sale.VatLine;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The till's lines for an order's balance: to the cent, over what is collected now, at each line's VAT rate. */
class TillBalanceTest {

    @Test
    void aDepositIsTakenOffAndTheRestSharedOverTheItemsCollectedNowToTheCent() {
        // A 20 € deposit; the robe (59,99) and one scarf of two (17,99 of 35,98) collected, the candles left.
        Pickup deposit = PickupMoneyTest.order(2_000, 0, 0, new int[]{0, 0, 0}, new int[]{0, 0, 0});
        List<LineOutcome> now = List.of(new LineOutcome("l1", 1, 0, null), new LineOutcome("l2", 1, 0, null));
        Map<String, Long> worth = PickupMoney.collectedWorth(deposit, now);
        assertThat(worth).containsExactly(Map.entry("l1", 5_999L), Map.entry("l2", 1_799L));
        long due = PickupMoney.settle(deposit, now).dueCents();
        assertThat(due).isEqualTo(5_798);

        List<BasketLine> lines = TillBalance.lines(deposit, worth, due, (number, item) -> number + " — " + item);
        assertThat(lines).extracting(BasketLine::totalCents).containsExactly(4_460L, 1_338L);
        assertThat(lines.stream().mapToLong(BasketLine::totalCents).sum()).isEqualTo(due);
        assertThat(lines).allSatisfy(l -> {
            assertThat(l.fulfilment()).isEqualTo("ORDER:ord-1");
            assertThat(l.quantity()).isEqualTo(1);
        });
        assertThat(lines.get(0).label()).isEqualTo("W00000001 — Robe M Noir");
        assertThat(Vat.breakdown(lines).stream().mapToLong(VatLine::totalCents).sum()).isEqualTo(due);
    }

    @Test
    void theSecondVisitPaysForWhatItCollectsOnly() {
        // Nothing paid online; the robe was collected and paid at the desk last time (59,99): now the candles.
        Pickup second = PickupMoneyTest.order(0, 5_999, 0, new int[]{1, 0, 0}, new int[]{0, 0, 0});
        List<LineOutcome> now = List.of(new LineOutcome("l3", 3, 0, null), new LineOutcome("l2", 0, 2, PickupMoney.RefusalReason.WRONG_SIZE));
        long due = PickupMoney.settle(second, now).dueCents();
        assertThat(due).isEqualTo(1_000);
        assertThat(TillBalance.lines(second, PickupMoney.collectedWorth(second, now), due, (n, i) -> i))
                .singleElement().satisfies(l -> assertThat(l.totalCents()).isEqualTo(1_000));
    }

    @Test
    void aBalanceAboveWhatIsCollectedIsRefused() {
        Pickup order = PickupMoneyTest.order(0, 0, 0, new int[]{0, 0, 0}, new int[]{0, 0, 0});
        List<LineOutcome> now = List.of(new LineOutcome("l3", 1, 0, null));
        assertThatThrownBy(() -> TillBalance.lines(order, PickupMoney.collectedWorth(order, now), 10_000, (n, i) -> i))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
