package fr.comptoir.sale;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** French VAT on tax-inclusive prices, to the cent. */
class VatTest {

    static BasketLine line(long unit, int qty, int rate) {
        return new BasketLine("v", "s", "l", qty, unit, rate, null);
    }

    @Test
    void vatContainedInATaxInclusivePrice() {
        assertThat(Vat.vatIn(2999, 2000)).isEqualTo(500);   // 29.99 × 20/120 = 4.998 → 5.00
        assertThat(Vat.vatIn(399, 550)).isEqualTo(21);      // 3.99 × 5.5/105.5 = 0.2080 → 0.21
        assertThat(Vat.vatIn(1499, 1000)).isEqualTo(136);   // 14.99 × 10/110 = 1.3627 → 1.36
        assertThat(Vat.vatIn(1000, 210)).isEqualTo(21);     // 10.00 × 2.1/102.1 = 0.2057 → 0.21
        assertThat(Vat.vatIn(6, 2000)).isEqualTo(1);        // 0.06 × 20/120 = 0.01 exactly
        assertThat(Vat.vatIn(3, 2000)).isEqualTo(1);        // 0.005 → half up → 0.01
        assertThat(Vat.vatIn(0, 2000)).isZero();
        assertThat(Vat.vatIn(1234, 0)).isZero();
    }

    @Test
    void aMultiRateBasketBreaksDownPerRateAndAddsUpToTheCent() {
        List<VatLine> lines = Vat.breakdown(List.of(
                line(2999, 2, 2000),   // 59.98
                line(399, 3, 550),     // 11.97
                line(1499, 1, 1000),   // 14.99
                line(999, 1, 2000)));  // 9.99 → 20 % total 69.97

        assertThat(lines).containsExactly(
                new VatLine(550, 1135, 62, 1197),     // 11.97 × 5.5/105.5 = 0.6240 → 0.62
                new VatLine(1000, 1363, 136, 1499),
                new VatLine(2000, 5831, 1166, 6997)); // 69.97 / 6 = 11.6617 → 11.66
        long total = lines.stream().mapToLong(VatLine::totalCents).sum();
        assertThat(total).isEqualTo(5998 + 1197 + 1499 + 999);
        assertThat(lines).allMatch(l -> l.baseCents() + l.vatCents() == l.totalCents());
    }

    @Test
    void roundingIsPerRateTotalNotPerLine() {
        // Three items at 0.10 each: per line VAT would be 3 × 0.02 = 0.06; on the total 0.30 it is 0.05.
        List<VatLine> lines = Vat.breakdown(List.of(line(10, 1, 2000), line(10, 1, 2000), line(10, 1, 2000)));
        assertThat(lines).containsExactly(new VatLine(2000, 25, 5, 30));
    }

    @Test
    void anEmptyBasketHasNoVat() {
        assertThat(Vat.breakdown(List.of())).isEmpty();
    }
}
