package fr.comptoir.sale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CheckoutTest {

    final SimulatedPaymentTerminal terminal = new SimulatedPaymentTerminal(0);

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
        assertThat(c.payCard(terminal, 7_000, "r1")).isInstanceOf(PaymentTerminal.Outcome.Approved.class);
        assertThat(c.isPaid()).isTrue();
        Payment card = c.payments().get(1);
        assertThat(card.maskedPan()).matches("\\*{12}\\d{4}");
        assertThat(card.authorisationCode()).hasSize(6);
    }

    @Test
    void declinedCancelledOrUnansweredCardsChangeNothing() {
        Checkout c = new Checkout(10_001);
        assertThat(c.payCard(terminal, 10_001, "r1")).isInstanceOf(PaymentTerminal.Outcome.Declined.class);
        Checkout cancelled = new Checkout(1_002);
        assertThat(cancelled.payCard(terminal, 1_002, "r2")).isInstanceOf(PaymentTerminal.Outcome.Cancelled.class);
        assertThat(cancelled.payments()).isEmpty();
        Checkout other = new Checkout(503);
        assertThat(other.payCard(terminal, 503, "r3")).isInstanceOf(PaymentTerminal.Outcome.TimedOut.class);
        assertThat(c.payments()).isEmpty();
        assertThat(c.remainingCents()).isEqualTo(10_001);
        assertThat(other.payments()).isEmpty();
    }

    @Test
    void badAmountsAreRefused() {
        Checkout c = new Checkout(1_000);
        assertThatThrownBy(() -> c.payCard(terminal, 1_001, "r")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> c.payCash(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Checkout(0)).isInstanceOf(IllegalArgumentException.class);
        c.payCash(1_000);
        assertThatThrownBy(() -> c.payCash(100)).isInstanceOf(IllegalStateException.class);
    }
}
