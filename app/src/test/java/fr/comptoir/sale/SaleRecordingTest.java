package fr.comptoir.sale;

import fr.comptoir.AppContext;
import fr.comptoir.catalog.VariantInfo;
import fr.comptoir.customers.Customer;
import fr.comptoir.uikit.I18n;
import fr.comptoir.sale.ui.ReceiptText;
import fr.comptoir.sync.SyncEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Completing sales on real SQLite files, against the demo platform over loopback, online and offline. */
class SaleRecordingTest {

    @TempDir
    Path home;

    @Test
    void salesAreNumberedJournaledAndDeliveredOnceEvenAfterAnOutage() throws Exception {
        try (AppContext ctx = fr.comptoir.testing.TestOptions.syncedTinyDemo(home)) {
            String ean = fr.comptoir.catalog.Gtin.withCheckDigit("376000000001");
            VariantInfo item = ctx.catalog().byCode(ean, "st-par01").orElseThrow();
            int before = item.availableHere();
            SaleCompletion.Seller seller = new SaleCompletion.Seller("st-par01", "PAR01", "dev-12345678", "stf-1", "Léo Martin");
            Customer helene = ctx.clienteling().profile("cus-1").orElseThrow().customer();

            var server = ctx.demoServer().orElseThrow();
            var platform = server.store();
            int port = server.port();
            server.close();

            // Offline: two sales, cash and cash+card.
            List<BasketLine> lines = List.of(new BasketLine(item.variantId(), item.sku(), item.label(), 1, item.priceCents(), item.vatRateBasisPoints(), null));
            Checkout cash = new Checkout(item.priceCents());
            cash.payCash(item.priceCents() + 1_000);
            SaleRecord first = ctx.saleCompletion().complete("sale-a", lines, helene, Set.of(), null, cash, seller);
            Checkout split = new Checkout(item.priceCents());
            split.payCash(1_000);
            split.add(new Payment(Payment.Tender.CARD, item.priceCents() - 1_000, "************4242", "123456", "SIM-ref"));
            SaleRecord second = ctx.saleCompletion().complete("sale-b", lines, null, Set.of(), null, split, seller);
            // Completing the same sale again (a second tap, a basket restored after a crash) records nothing new.
            assertThat(ctx.saleCompletion().complete("sale-a", lines, helene, Set.of(), null, cash, seller)).isEqualTo(first);

            assertThat(first.ticketNumber()).isEqualTo("PAR01-12345678-000001");
            assertThat(ctx.journal().recentSales(5)).hasSize(2).first().asString().contains(second.ticketNumber());
            assertThat(second.ticketNumber()).isEqualTo("PAR01-12345678-000002");
            assertThat(first.changeCents()).isEqualTo(1_000);
            assertThat(ctx.catalog().byCode(ean, "st-par01").orElseThrow().availableHere()).isEqualTo(Math.max(0, before - 2));
            new ReceiptEmail(ctx.journal()).send(first, "helene.martin@orange.fr", "fr", "stf-1");
            TillAudit.journaled(ctx.journal(), ctx.clock(), "st-par01", "dev-12345678", "stf-1")
                    .record(TillEvent.Type.DRAWER_OPENED, "stf-manager", 0, "no-sale");
            assertThat(ctx.outbox().pendingCount()).isEqualTo(4);
            assertThat(ctx.sync().drainOutbox()).isZero();

            try (var back = fr.comptoir.demo.DemoCentralServer.start(platform, port)) {
                SyncEngine.Report report = ctx.sync().syncOnce();
                assertThat(report.ok()).as(report.error()).isTrue();
                assertThat(report.delivered()).isEqualTo(4);
                assertThat(platform.storeEventTypes()).contains("DRAWER_OPENED");
                assertThat(platform.body("_emails", first.id())).get().asString().contains("helene.martin@orange.fr");
                assertThat(platform.body("orders", "ord-" + first.id())).isPresent();
                assertThat(platform.body("orders", "ord-" + second.id())).isPresent();
                // The stock feed brought the platform's own decrement; the local one no longer counts.
                assertThat(ctx.catalog().byCode(ean, "st-par01").orElseThrow().availableHere()).isEqualTo(Math.max(0, before - 2));
                assertThat(ctx.customerFiles().read("cus-1").orElseThrow().orders())
                        .anyMatch(o -> o.number().equals(first.ticketNumber()));
            }
        }
    }

    @Test
    void unpaidOrChangedBasketsAreNotRecorded() throws Exception {
        try (AppContext ctx = AppContext.open(home, Clock.systemUTC(), AppContext.Options.defaults())) {
            SaleCompletion.Seller seller = new SaleCompletion.Seller("st", "ST", "dev", "s", "S");
            List<BasketLine> lines = List.of(new BasketLine("v", "s", "Robe", 1, 1000, 2000, null));
            assertThatThrownBy(() -> ctx.saleCompletion().complete("sale-1", lines, null, Set.of(), null, new Checkout(1000), seller))
                    .isInstanceOf(IllegalStateException.class);
            Checkout other = new Checkout(999);
            other.payCash(999);
            assertThatThrownBy(() -> ctx.saleCompletion().complete("sale-1", lines, null, Set.of(), null, other, seller))
                    .hasMessageContaining("basket-changed");
            assertThat(ctx.outbox().pendingCount()).isZero();
        }
    }

    @Test
    void theReceiptAddsUpInBothLanguages() {
        SaleRecord sale = new SaleRecord("sale-1", "PAR01-ABC-000007", "st", "dev", "s", "Léo Martin", "cus-1", "Hélène Martin",
                "2026-11-20T15:42:00Z", List.of(new BasketLine("v1", "S1", "Robe portefeuille · Noir · M", 2, 2999, 2000, null),
                new BasketLine("v2", "S2", "Thé Earl Grey", 1, 699, 550, null)),
                List.of(Payment.cash(5000), new Payment(Payment.Tender.CARD, 2697, "************4242", "123456", "SIM-1")),
                7697, 0, Vat.breakdown(List.of(new BasketLine("v1", "S1", "x", 2, 2999, 2000, null), new BasketLine("v2", "S2", "y", 1, 699, 550, null))),
                List.of(), null, null);
        String fr = ReceiptText.of(sale, "Comptoir Paris Rivoli", new I18n(Locale.FRENCH), false);
        assertThat(fr).contains("Ticket PAR01-ABC-000007").contains("76,97 €").contains("Carte ****4242").contains("Servi par Léo Martin")
                .contains("Client : Hélène Martin").doesNotContain("DUPLICATA");
        assertThat(fr.lines()).allMatch(l -> l.length() <= 42);
        SaleRecord withChange = new SaleRecord(sale.id(), sale.ticketNumber(), sale.storeId(), sale.deviceId(), sale.staffId(), sale.staffName(),
                null, null, sale.completedAt(), sale.lines(), List.of(Payment.cash(7697)), 7697, 2303, sale.vatBreakdown(), List.of(), null, null);
        assertThat(ReceiptText.of(withChange, "Comptoir Paris Rivoli", new I18n(Locale.FRENCH), false))
                .containsPattern("Espèces\\s+100,00\\s€").containsPattern("Rendu\\s+23,03\\s€");
        String en = ReceiptText.of(sale, "Comptoir Paris Rivoli", new I18n(Locale.ENGLISH), true);
        assertThat(en).contains("*** DUPLICATE ***").contains("TOTAL").contains("76,97 €").contains("Served by Léo Martin");
    }
}
