package fr.comptoir.sale;

import fr.comptoir.catalog.Promotion;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Promotions to the cent, with the stacking rules of decision 0012. */
class PricingEngineTest {

    static final String FROM = "2026-11-01T00:00:00Z";
    static final String TO = "2026-12-01T00:00:00Z";
    static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

    static final Promotion KNIT = new Promotion("p1", "−20 % maille", Promotion.Kind.PERCENT_OFF_CATEGORY, "Maille", null, 2000,
            null, null, null, false, FROM, TO, null);
    static final Promotion MUG = new Promotion("p2", "Mug à 5 €", Promotion.Kind.FIXED_PRICE, null, List.of("mug"), null, 500L,
            null, null, false, FROM, TO, null);
    static final Promotion SECOND = new Promotion("p3", "2e −50 %", Promotion.Kind.SECOND_ITEM_PERCENT_OFF, "Maison", null, 5000,
            null, null, null, false, FROM, TO, null);
    static final Promotion BASKET = new Promotion("p4", "10 € dès 100 €", Promotion.Kind.BASKET_THRESHOLD, null, null, null,
            null, 10_000L, 1_000L, true, FROM, TO, null);
    static final Promotion KNIT_30_PARIS = new Promotion("p5", "−30 % maille Paris", Promotion.Kind.PERCENT_OFF_CATEGORY, "Maille",
            null, 3000, null, null, null, false, FROM, TO, List.of("st-par01"));

    static BasketLine line(String variant, int qty, long unit, String category) {
        return new BasketLine(variant, variant, variant, qty, unit, 2000, null, category);
    }

    @Test
    void eachKindTakesOffWhatItSays() {
        PricingEngine engine = new PricingEngine(List.of(KNIT, MUG, SECOND), "st-lyo01");
        List<BasketLine> priced = engine.price(List.of(
                line("pull", 1, 5999, "Maille"),
                line("mug", 3, 899, "Maison > Cuisine"),
                line("bougie", 3, 2499, "Maison > Déco")), NOW);

        assertThat(priced.get(0).promotionCents()).isEqualTo(1200);        // 20 % of 59.99 = 11.998 → 12.00
        assertThat(priced.get(0).promotionLabel()).isEqualTo("−20 % maille");
        assertThat(priced.get(1).promotionCents()).isEqualTo(3 * 399);     // 8.99 → 5.00, three mugs
        assertThat(priced.get(1).promotionLabel()).isEqualTo("Mug à 5 €"); // better than the 2nd at −50 % (4.50)
        assertThat(priced.get(2).promotionCents()).isEqualTo(1250);        // one second item at −50 % of 24.99 → 12.50
        assertThat(priced).allMatch(l -> l.totalCents() == l.grossCents() - l.promotionCents());
    }

    @Test
    void theBestLinePromotionWinsAndStoreOnlyOnesApplyInTheirStore() {
        List<BasketLine> pull = List.of(line("pull", 1, 10_000, "Maille"));
        assertThat(new PricingEngine(List.of(KNIT, KNIT_30_PARIS), "st-par01").price(pull, NOW).get(0).promotionCents()).isEqualTo(3000);
        assertThat(new PricingEngine(List.of(KNIT, KNIT_30_PARIS), "st-lyo01").price(pull, NOW).get(0).promotionCents()).isEqualTo(2000);
    }

    @Test
    void theBasketThresholdAppliesAfterLinePromotionsSpreadToTheCent() {
        PricingEngine engine = new PricingEngine(List.of(KNIT, BASKET), "st");
        List<BasketLine> priced = engine.price(List.of(line("pull", 1, 9999, "Maille"), line("robe", 1, 3001, "Robes")), NOW);
        // 99.99 − 20.00 + 30.01 = 110.00 ≥ 100 → 10.00 more, spread 7.27 / 2.73.
        long total = priced.stream().mapToLong(BasketLine::totalCents).sum();
        assertThat(total).isEqualTo(9999 - 2000 + 3001 - 1000);
        assertThat(priced.get(0).promotionLabel()).isEqualTo("−20 % maille + 10 € dès 100 €");
        assertThat(priced.get(1).promotionCents()).isEqualTo(273);

        List<BasketLine> under = engine.price(List.of(line("pull", 1, 9999, "Maille")), NOW);
        assertThat(under.get(0).promotionCents()).isEqualTo(2000);
    }

    @Test
    void promotionsOnlyApplyInTheirDates() {
        PricingEngine engine = new PricingEngine(List.of(KNIT), "st");
        List<BasketLine> pull = List.of(line("pull", 1, 5000, "Maille"));
        assertThat(engine.price(pull, Instant.parse("2026-10-31T23:59:59Z")).get(0).promotionCents()).isZero();
        assertThat(engine.price(pull, Instant.parse("2026-12-01T00:00:00Z")).get(0).promotionCents()).isZero();
    }

    @Test
    void anAssociateDiscountComesOnTopAndNeverMakesALineNegative() {
        PricingEngine engine = new PricingEngine(List.of(KNIT), "st");
        Basket basket = new Basket();
        basket.setPricer(lines -> engine.price(lines, NOW));
        basket.add(line("pull", 1, 5000, "Maille"));
        basket.discountLine(0, 4000, DiscountReason.DAMAGED, "m1");
        BasketLine l = basket.lines().get(0);
        assertThat(l.promotionCents()).isEqualTo(1000);
        assertThat(l.discountCents()).isEqualTo(4000);
        assertThat(l.totalCents()).isZero();
        assertThat(Vat.breakdown(basket.lines()).get(0).totalCents()).isZero();
    }
}
