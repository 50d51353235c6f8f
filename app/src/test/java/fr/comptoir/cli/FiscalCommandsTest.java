package fr.comptoir.cli;

import fr.comptoir.AppContext;
import fr.comptoir.sale.BasketLine;
import fr.comptoir.sale.Checkout;
import fr.comptoir.sale.SaleCompletion;
import fr.comptoir.testing.Cli;
import fr.comptoir.testing.Cli.Run;
import fr.comptoir.testing.TestOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code comptoir archive} and {@code comptoir verify-journal}, as an auditor runs them. */
class FiscalCommandsTest {

    @TempDir
    Path dir;

    private Path home;

    private void activatedWithSales(int n) {
        home = dir.resolve("terminal");
        try (AppContext ctx = AppContext.open(home, Clock.systemUTC(), TestOptions.fastTinyDemo())) {
            ctx.activateDemo();
            SaleCompletion.Seller seller = new SaleCompletion.Seller("st-par01", "PAR01", ctx.device().orElseThrow().deviceId(), "stf-par01-2", "Léo");
            for (int i = 0; i < n; i++) {
                long cents = 1_000 + i;
                Checkout paid = new Checkout(cents);
                paid.payCash(cents);
                ctx.saleCompletion().complete("sale-" + i, List.of(new BasketLine("prd-1-1", "SKU", "Article", 1, cents, 2000, null)), null,
                        Set.of(), null, paid, seller);
            }
        }
    }

    private Path archive() throws Exception {
        Run run = Cli.run("archive", "--home", home.toString(), "--from", LocalDate.now().minusDays(1).toString(), "--out", dir.resolve("out").toString());
        assertThat(run.code()).as(run.err()).isZero();
        try (Stream<Path> files = Files.list(dir.resolve("out"))) {
            return files.filter(f -> f.toString().endsWith(".json")).findFirst().orElseThrow();
        }
    }

    private Path publicKey() throws Exception {
        try (Stream<Path> files = Files.list(dir.resolve("out"))) {
            return files.filter(f -> f.toString().endsWith(".pub.pem")).findFirst().orElseThrow();
        }
    }

    @Test
    void aSoundJournalAndItsArchiveVerifyAndTheArchiveNeedsNothingElse() throws Exception {
        activatedWithSales(4);
        Run live = Cli.run("verify-journal", "--home", home.toString());
        assertThat(live.code()).as(live.out() + live.err()).isZero();
        assertThat(live.out()).containsPattern("TICKETS\\s+4 records,\\s+4 signed: OK").contains("Verified");

        Path archive = archive();
        Path pem = publicKey();
        // The archive alone, somewhere else, with the key the platform registered.
        Path elsewhere = Files.createDirectories(dir.resolve("auditor"));
        Files.copy(archive, elsewhere.resolve("a.json"));
        Files.copy(archive.resolveSibling(archive.getFileName() + ".sig"), elsewhere.resolve("a.json.sig"));
        Files.copy(pem, elsewhere.resolve("terminal.pem"));
        Run check = Cli.run("verify-journal", "--archive", elsewhere.resolve("a.json").toString(), "--public-key",
                elsewhere.resolve("terminal.pem").toString());
        assertThat(check.code()).as(check.out() + check.err()).isZero();
        assertThat(check.out()).containsPattern("TICKETS\\s+4 records,\\s+4 signed: OK").contains("Verified");
    }

    @Test
    void anArchiveEditedAfterwardsIsCaughtWithTheRecordItConcerns() throws Exception {
        activatedWithSales(3);
        Path archive = archive();
        String json = Files.readString(archive);
        assertThat(json).contains("\\\"totalCents\\\":1001");
        Files.writeString(archive, json.replace("\\\"totalCents\\\":1001", "\\\"totalCents\\\":101"));

        Run check = Cli.run("verify-journal", "--archive", archive.toString(), "--public-key", publicKey().toString());
        assertThat(check.code()).isEqualTo(1);
        assertThat(check.err()).contains("ARCHIVE: has been changed since it was made: its signature does not match")
                .contains("TICKETS #2: has been altered: its signature does not match its content")
                .contains("NOT VERIFIED");
    }

    @Test
    void anotherTerminalsKeyIsNotThisTerminals() throws Exception {
        activatedWithSales(1);
        Path archive = archive();
        Path otherKey = dir.resolve("other.pem");
        Files.writeString(otherKey, fr.comptoir.fiscal.SigningKey.generate().publicKeyPem());
        Run check = Cli.run("verify-journal", "--archive", archive.toString(), "--public-key", otherKey.toString());
        assertThat(check.code()).isEqualTo(1);
        assertThat(check.err()).contains("not with the key given to check against").contains("ARCHIVE: is signed with key");
    }

    @Test
    void aJournalEditedBehindComptoirsBackIsReportedAndExitsNonZero() throws Exception {
        activatedWithSales(3);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("journal.db")); Statement s = c.createStatement()) {
            s.executeUpdate("DROP TRIGGER fiscal_records_never_deleted");
            s.executeUpdate("DELETE FROM fiscal_records WHERE chain = 'TICKETS' AND seq = 2");
        }
        Run live = Cli.run("verify-journal", "--home", home.toString());
        assertThat(live.code()).isEqualTo(1);
        assertThat(live.err()).contains("PROBLEM TICKETS #3: record 2 is missing before it (deleted)").contains("NOT VERIFIED");
    }
}
