package fr.comptoir.till;

import fr.comptoir.AppContext;
import fr.comptoir.sale.BasketLine;
import fr.comptoir.sale.Checkout;
import fr.comptoir.sale.PaymentTerminal;
import fr.comptoir.sale.SaleCompletion;
import fr.comptoir.sale.SaleRecord;
import fr.comptoir.sale.SalePayments;
import fr.comptoir.sale.ui.ReceiptText;
import fr.comptoir.testing.TestOptions;
import fr.comptoir.uikit.I18n;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Training mode leaves the real chains, totals, stock and platform untouched, and is kept and archived apart. */
class TrainingModeTest {

    @TempDir
    Path home;

    private static long count(AppContext ctx, String sql) throws Exception {
        java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + ctx.home().resolve("journal.db"));
        try (c; Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.getLong(1);
        }
    }

    private static SaleRecord sell(AppContext ctx, String id, SalePayments payments, boolean card) {
        SaleCompletion.Seller seller = new SaleCompletion.Seller("st-par01", "PAR01", ctx.device().orElseThrow().deviceId(), "stf-par01-2", "Léo");
        Checkout paid = new Checkout(8_990);
        if (card) {
            PaymentTerminal.Outcome o = payments.card(id, 8_990);
            assertThat(o).isInstanceOf(PaymentTerminal.Outcome.Approved.class);
            PaymentTerminal.Outcome.Approved a = (PaymentTerminal.Outcome.Approved) o;
            paid.add(new fr.comptoir.sale.Payment(fr.comptoir.sale.Payment.Tender.CARD, 8_990, a.maskedPan(), a.authorisationCode(),
                    a.terminalReference()));
        } else {
            paid.payCash(10_000);
        }
        return ctx.saleCompletion().complete(id, List.of(new BasketLine("prd-1-1", "SKU-1", "Robe · Noir · M", 1, 8_990, 2000, null)), null,
                Set.of(), null, paid, seller);
    }

    @Test
    void trainingTicketsAreNumberedApartNeverSentNeverInTheTotalsAndMoveNoStock() throws Exception {
        try (AppContext ctx = AppContext.open(home, Clock.systemUTC(), TestOptions.fastTinyDemo())) {
            ctx.activateDemo();
            ctx.connect();
            assertThat(ctx.sync().syncOnce().ok()).isTrue();
            SaleRecord real = sell(ctx, "real-1", ctx.salePayments(), false);
            assertThat(ctx.sync().syncOnce().ok()).isTrue();
            var platform = ctx.demoServer().orElseThrow().store();
            int salesAtPlatform = platform.appliedWrites("POST", "/v1/stores/%/sales").size();
            long ticketsBefore = count(ctx, "SELECT COUNT(*) FROM fiscal_records WHERE chain = 'TICKETS'");
            long perpetualBefore = count(ctx, "SELECT perpetual_cents FROM fiscal_records WHERE chain = 'TICKETS' ORDER BY seq DESC LIMIT 1");
            long stockBefore = count(ctx, "SELECT COUNT(*) FROM stock_movements");

            fr.comptoir.staff.StaffMember camille = ctx.staffDirectory().activeStaff("st-par01").stream()
                    .filter(m -> m.role() == fr.comptoir.staff.Role.MANAGER).findFirst().orElseThrow();
            ctx.training(true, camille);
            assertThat(ctx.training().session()).get().extracting(TrainingMode.Session::managerName).isEqualTo(camille.displayName());
            SaleRecord t1 = sell(ctx, "training-1", ctx.trainingPayments(), false);
            SaleRecord t2 = sell(ctx, "training-2", ctx.trainingPayments(), true);
            assertThat(sell(ctx, "training-2", ctx.trainingPayments(), false).ticketNumber()).as("recorded once").isEqualTo(t2.ticketNumber());
            assertThat(List.of(t1.ticketNumber(), t2.ticketNumber())).containsExactly("FORMATION-000001", "FORMATION-000002");
            String receipt = ReceiptText.of(t1, "Comptoir Paris Rivoli", new I18n(Locale.FRENCH), false, id -> id, ctx.receiptProofs().original(t1));
            assertThat(receipt).startsWith(" ".repeat(6)).contains("FORMATION — TICKET SANS VALEUR").contains("N° d'ordre 1");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> new fr.comptoir.sale.ReceiptEmail(ctx.journal())
                    .send(t1, "helene.martin@orange.fr", "fr", "stf-par01-2")).hasMessage("training-not-emailed");
            ctx.training(false, camille);
            assertThat(ctx.sync().syncOnce().ok()).isTrue();

            assertThat(count(ctx, "SELECT COUNT(*) FROM fiscal_records WHERE chain = 'TICKETS'")).isEqualTo(ticketsBefore);
            assertThat(count(ctx, "SELECT perpetual_cents FROM fiscal_records WHERE chain = 'TICKETS' ORDER BY seq DESC LIMIT 1")).isEqualTo(perpetualBefore);
            assertThat(count(ctx, "SELECT COUNT(*) FROM stock_movements")).isEqualTo(stockBefore);
            assertThat(count(ctx, "SELECT COUNT(*) FROM fiscal_records WHERE chain = 'TRAINING'")).isEqualTo(2);
            assertThat(count(ctx, "SELECT COUNT(*) FROM outbox WHERE payload LIKE '%FORMATION-%'")).isZero();
            assertThat(platform.appliedWrites("POST", "/v1/stores/%/sales")).hasSize(salesAtPlatform);
            // The supervising manager is recorded, at the platform too, as till events (not as sales).
            assertThat(platform.appliedWrites("POST", "/v1/stores/%/events")).filteredOn(b -> b.contains("TRAINING_"))
                    .hasSize(2).allSatisfy(b -> assertThat(b).contains("\"approvedBy\":\"" + camille.id() + "\""));
            // The next real ticket follows the last real one.
            SaleRecord next = sell(ctx, "real-2", ctx.salePayments(), false);
            assertThat(Long.parseLong(next.ticketNumber().substring(next.ticketNumber().length() - 6)))
                    .isEqualTo(Long.parseLong(real.ticketNumber().substring(real.ticketNumber().length() - 6)) + 1);
            // X and Z know nothing of training.
            Closing x = ctx.till().x("stf-par01-1");
            assertThat(x.ticketCount()).isEqualTo(2);
            assertThat(x.totalCents()).isEqualTo(2 * 8_990);

            // Archived apart: the fiscal archive has no training ticket, the training archive only those.
            Instant from = Instant.now().minusSeconds(3600);
            Instant to = Instant.now().plusSeconds(3600);
            Path fiscal = ctx.exportFiscalArchive(from, to, home.resolve("out"));
            Path training = ctx.exportFiscalArchive(from, to, home.resolve("out"), true);
            assertThat(Files.readString(fiscal)).doesNotContain("FORMATION-").contains("\"TICKETS\"");
            assertThat(Files.readString(training)).contains("FORMATION-000002").doesNotContain("\"TICKETS\"");
            assertThat(fr.comptoir.fiscal.FiscalArchive.verify(training, null).ok()).isTrue();
            assertThat(ctx.verifyFiscalJournal().findings()).isEmpty();
        }
    }
}
