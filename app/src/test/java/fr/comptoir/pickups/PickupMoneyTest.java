package fr.comptoir.pickups;

import fr.comptoir.pickups.PickupMoney.LineOutcome;
import fr.comptoir.pickups.PickupMoney.RefusalReason;
import fr.comptoir.pickups.PickupMoney.Settlement;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PickupMoneyTest {

    /** A robe, two scarves under "2 for 35,98 €", three candles at 10 € the three (promotions in the line totals). */
    static Pickup order(long paid, long settledInStore, long refunded, int[] collected, int[] refused) {
        return new Pickup("ord-1", "W00000001", "st-par01", PickupStatus.READY, "cus-1",
                new Pickup.PickupCustomer("Hélène", "Martin", "0612345678", "helene@example.fr"), List.of(), null, null, null, null,
                5999 + 3598 + 1000, paid, settledInStore, refunded, "B-12", null, null,
                List.of(new Pickup.PickupLine("l1", "v1", "R-1", null, "Robe", "M", "Noir", 1, 5999, 2000, 1, 0, collected[0], refused[0]),
                        new Pickup.PickupLine("l2", "v2", "F-1", null, "Foulard", null, "Rouge", 2, 3598, 2000, 2, 0, collected[1], refused[1]),
                        new Pickup.PickupLine("l3", "v3", "B-1", null, "Bougie", null, null, 3, 1000, 2000, 3, 0, collected[2], refused[2])),
                List.of(), null);
    }

    @Test
    void aPrepaidOrderRefundsRefusedUnitsToTheCentAndTheRoundsAddUpToTheWholeLine() {
        Pickup prepaid = order(10_597, 0, 0, new int[]{0, 0, 0}, new int[]{0, 0, 0});
        // The robe taken, one candle refused as damaged, the rest left for later.
        Settlement first = PickupMoney.settle(prepaid, List.of(new LineOutcome("l1", 1, 0, null),
                new LineOutcome("l3", 0, 1, RefusalReason.DAMAGED)));
        assertThat(first).isEqualTo(new Settlement(0, 333));
        // Next visit: the two other candles refused too. 333 + 667 = the 10 € the three candles cost.
        Pickup later = order(10_597, 0, 333, new int[]{1, 0, 0}, new int[]{0, 0, 1});
        Settlement second = PickupMoney.settle(later, List.of(new LineOutcome("l3", 0, 2, RefusalReason.CHANGED_MIND),
                new LineOutcome("l2", 2, 0, null)));
        assertThat(second).isEqualTo(new Settlement(0, 667));
        // One visit doing both gives the same money.
        assertThat(PickupMoney.settle(prepaid, List.of(new LineOutcome("l1", 1, 0, null), new LineOutcome("l2", 2, 0, null),
                new LineOutcome("l3", 0, 3, RefusalReason.DAMAGED)))).isEqualTo(new Settlement(0, 1000));
    }

    @Test
    void anOrderNotPrepaidIsPaidAtTheDeskForWhatIsCollectedTheDepositFirst() {
        Pickup payHere = order(0, 0, 0, new int[]{0, 0, 0}, new int[]{0, 0, 0});
        // The robe and one scarf of the two: 59,99 + 17,99 (half of 35,98).
        assertThat(PickupMoney.settle(payHere, List.of(new LineOutcome("l1", 1, 0, null), new LineOutcome("l2", 1, 0, null))))
                .isEqualTo(new Settlement(7798, 0));
        // With a 20 € deposit paid online, the desk takes the rest only.
        Pickup deposit = order(2000, 0, 0, new int[]{0, 0, 0}, new int[]{0, 0, 0});
        assertThat(PickupMoney.settle(deposit, List.of(new LineOutcome("l1", 1, 0, null)))).isEqualTo(new Settlement(3999, 0));
        // The deposit is bigger than what remains worth once everything else is refused: the difference goes back.
        Pickup bigDeposit = order(5000, 0, 0, new int[]{0, 0, 0}, new int[]{0, 0, 0});
        assertThat(PickupMoney.settle(bigDeposit, List.of(new LineOutcome("l1", 0, 1, RefusalReason.WRONG_SIZE),
                new LineOutcome("l2", 0, 2, RefusalReason.CHANGED_MIND), new LineOutcome("l3", 1, 0, null))))
                .as("only the candles remain: 10 € still worth, 3,34 € of it collected").isEqualTo(new Settlement(0, 4000));
    }

    @Test
    void outcomesThatDoNotFitTheOrderAreRefusedWithTheRuleAndTheLine() {
        Pickup partly = order(10_597, 0, 0, new int[]{1, 0, 2}, new int[]{0, 0, 0});
        assertThatThrownBy(() -> PickupMoney.settle(partly, List.of(new LineOutcome("l3", 2, 0, null))))
                .isInstanceOfSatisfying(PickupMoney.Invalid.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("more-than-open");
                    assertThat(e.lineId()).isEqualTo("l3");
                });
        assertThatThrownBy(() -> PickupMoney.settle(partly, List.of(new LineOutcome("l9", 1, 0, null))))
                .hasMessage("unknown-line");
        assertThatThrownBy(() -> PickupMoney.settle(partly, List.of(new LineOutcome("l2", -1, 0, null))))
                .hasMessage("negative-quantity");
        assertThatThrownBy(() -> PickupMoney.settle(partly, List.of(new LineOutcome("l2", 0, 1, null))))
                .hasMessage("refusal-needs-reason");
    }
}
