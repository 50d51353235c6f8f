package fr.comptoir.sale;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CheckoutTest {

    @Test
    void cashGivesChange() {
        Checkout c = new Checkout(7497);
        assertThat(c.payCash(10_000)).isEqualTo(2503);
        assertThat(c.isPaid()).isTrue();
        assertThat(c.payments()).containsExactly(Payment.cash(7497));
    }

    @Test
    void splitCashThenCard() {
        Checkout c = new Checkout(12_000);
        assertThat(c.payCash(5_000)).isZero();
        assertThat(c.remainingCents()).isEqualTo(7_000);
        c.add(new Payment(Payment.Tender.CARD, 7_000, "************4242", "123456", "SIM-1"));
        assertThat(c.isPaid()).isTrue();
        assertThat(c.payments()).hasSize(2);
    }

    @Test
    void paymentsAlreadyTakenCountAndThoseThatDoNotFitAreRefused() {
        Checkout c = new Checkout(10_000, List.of(Payment.cash(4_000)), 500);
        assertThat(c.remainingCents()).isEqualTo(6_000);
        assertThat(c.changeCents()).isEqualTo(500);
        assertThatThrownBy(() -> new Checkout(1_000, List.of(Payment.cash(1_500)), 0)).hasMessage("payments-do-not-fit");
    }

    @Test
    void badAmountsAreRefused() {
        Checkout c = new Checkout(1_000);
        assertThatThrownBy(() -> c.add(new Payment(Payment.Tender.CARD, 1_001, "****", "1", "r"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> c.payCash(0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Checkout(0).isPaid()).as("nothing to pay: settled at once").isTrue();
        assertThat(c.cashKept(5_000)).isEqualTo(1_000);
        c.payCash(1_000);
        assertThatThrownBy(() -> c.payCash(100)).isInstanceOf(IllegalStateException.class);
    }
}
