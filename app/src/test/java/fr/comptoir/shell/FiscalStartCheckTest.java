package fr.comptoir.shell;

import fr.comptoir.AppContext;
import fr.comptoir.sale.BasketLine;
import fr.comptoir.sale.Checkout;
import fr.comptoir.sale.SaleCompletion;
import fr.comptoir.testing.TestOptions;
import fr.comptoir.uikit.I18n;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The till does not start on a fiscal journal that fails verification, and says why to the manager. */
class FiscalStartCheckTest {

    @TempDir
    Path home;

    @Test
    void anAlteredAmountStopsTheStartWithAMessageForTheManager() throws Exception {
        try (AppContext ctx = AppContext.open(home, Clock.systemUTC(), TestOptions.fastTinyDemo())) {
            ctx.activateDemo();
            SaleCompletion.Seller seller = new SaleCompletion.Seller("st-par01", "PAR01", ctx.device().orElseThrow().deviceId(), "stf-par01-2", "Léo");
            for (int i = 0; i < 2; i++) {
                Checkout paid = new Checkout(4_500);
                paid.payCash(4_500);
                ctx.saleCompletion().complete("sale-" + i, List.of(new BasketLine("prd-1-1", "SKU", "Article", 1, 4_500, 2000, null)), null,
                        Set.of(), null, paid, seller);
            }
        }
        AppContext sound = AppContext.open(home, Clock.systemUTC(), TestOptions.fastTinyDemo());
        FiscalStartCheck.require(sound);
        // Verified in full once: the next start checks the signatures of newer records only (and a sample of older
        // ones), yet every total: an old amount changed is still caught at start.
        assertThat(sound.verifyFiscalJournal().ok()).isTrue();
        sound.close();

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("journal.db")); Statement s = c.createStatement()) {
            s.executeUpdate("DROP TRIGGER fiscal_records_never_change");
            s.executeUpdate("UPDATE fiscal_records SET body = replace(body, '\"totalCents\":4500', '\"totalCents\":450') WHERE chain = 'TICKETS' AND seq = 1");
        }
        AppContext tampered = AppContext.open(home, Clock.systemUTC(), TestOptions.fastTinyDemo());
        assertThatThrownBy(() -> FiscalStartCheck.require(tampered)).isInstanceOfSatisfying(FiscalStartCheck.Refused.class, e -> {
            assertThat(FiscalStartCheck.describe(new I18n(Locale.FRENCH), e)).contains("La vente est arrêtée").contains("TICKETS #1: ");
            assertThat(FiscalStartCheck.describe(new I18n(Locale.ENGLISH), e)).contains("Selling is stopped").contains("problem(s)");
            assertThat(e.report.findings()).extracting(Object::toString).contains(
                    "TICKETS #1: perpetual grand total 4500 does not add up: the tickets before it and its own total make 450");
        });
        // The context was closed: the data folder is free for the recovery tools; the full check names the altered record.
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("journal.db")); Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM fiscal_records WHERE chain = 'TECHNICAL' AND kind = 'software.version-changed'")) {
            assertThat(rs.getInt(1)).as("the software's version, journaled once at the first start that found it new").isEqualTo(1);
        }
        try (AppContext again = AppContext.open(home, Clock.systemUTC(), TestOptions.fastTinyDemo())) {
            assertThat(again.verifyFiscalJournal().findings()).extracting(Object::toString)
                    .contains("TICKETS #1: has been altered: its signature does not match its content");
        }
    }

    @Test
    void dataFromANewerVersionIsLeftUntouchedAndTheStartSaysSoInTheStoresLanguage() throws Exception {
        try (AppContext ctx = AppContext.open(home, Clock.systemUTC(), TestOptions.fastTinyDemo())) {
            ctx.activateDemo();
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("journal.db")); Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = 99");
        }
        byte[] before = java.nio.file.Files.readAllBytes(home.resolve("journal.db"));

        Throwable failure = org.assertj.core.api.Assertions.catchThrowable(() -> AppContext.open(home, Clock.systemUTC(), TestOptions.fastTinyDemo()));

        assertThat(failure).isInstanceOf(fr.comptoir.storage.StorageException.class);
        assertThat(FiscalStartCheck.describe(new I18n(Locale.FRENCH), failure))
                .startsWith("Les données de ce terminal ont été écrites par une version de Comptoir plus récente que celle-ci")
                .contains("n'ont pas été touchées");
        assertThat(FiscalStartCheck.describe(new I18n(Locale.ENGLISH), failure)).contains("terminal's data was written by a newer version");
        assertThat(java.nio.file.Files.readAllBytes(home.resolve("journal.db"))).isEqualTo(before);
    }
}
