package fr.comptoir.sale.ui;

import fr.comptoir.sale.BasketLine;
import fr.comptoir.sale.Payment;
import fr.comptoir.sale.SaleRecord;
import fr.comptoir.sale.Vat;
import fr.comptoir.uikit.I18n;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class ReceiptTextTest {

    @Test
    void longNamesAndStackedPromotionsWrapWithinTheFortyTwoColumnsAndKeepTheirAmount() {
        List<BasketLine> lines = List.of(new BasketLine("v1", "S1", "Pull col roulé en laine mérinos extra-fine · Bleu marine · XL",
                1, 8_999, 2000, null, 0, null, null, null, "Maille", 2_198, "−20 % maille + 10 € offerts dès 100 € d'achat"));
        long total = lines.get(0).totalCents();
        SaleRecord sale = new SaleRecord("s", "T-1", "st", "d", "s", "Léo Martin", null, null, "2026-11-20T15:42:00Z", lines,
                List.of(Payment.cash(total)), total, 0, Vat.breakdown(lines), List.of(), null, null);

        String text = ReceiptText.of(sale, "Comptoir Paris Rivoli", new I18n(Locale.FRENCH), false);

        assertThat(text.lines()).allMatch(l -> l.length() <= 42);
        assertThat(text).doesNotContain("…");
        assertThat(text).contains("\nPull col roulé en laine mérinos extra-fine\n· Bleu marine · XL\n");
        String joined = text.replaceAll("\\s+", " ");
        assertThat(joined).contains("−20 % maille + 10 € offerts dès 100 € d'achat -21,98 €");
    }

    @Test
    void aWordLongerThanTheLineIsCutAcrossLines() {
        StringBuilder b = new StringBuilder();
        ReceiptText.wrap(b, "  ", "x".repeat(90), "-1,00 €");
        assertThat(b.toString().lines()).allMatch(l -> l.length() <= 42).hasSize(3);
        assertThat(b.toString().replaceAll("[\\s-]|1,00|€", "")).hasSize(90);
    }
}
