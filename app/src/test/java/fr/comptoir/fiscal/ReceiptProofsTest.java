package fr.comptoir.fiscal;

import fr.comptoir.AppContext;
import fr.comptoir.sale.BasketLine;
import fr.comptoir.sale.Checkout;
import fr.comptoir.sale.ReceiptProof;
import fr.comptoir.sale.ReceiptProofs;
import fr.comptoir.sale.SaleCompletion;
import fr.comptoir.sale.SaleRecord;
import fr.comptoir.sale.ui.ReceiptText;
import fr.comptoir.testing.TestOptions;
import fr.comptoir.uikit.I18n;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Receipts carry their proofs; every copy is numbered in the chain of duplicates; the platform gets every signature. */
class ReceiptProofsTest {

    @TempDir
    Path home;

    private static SaleRecord sell(AppContext ctx, String id) {
        SaleCompletion.Seller seller = new SaleCompletion.Seller("st-par01", "PAR01", ctx.device().orElseThrow().deviceId(), "stf-par01-2", "Léo");
        Checkout paid = new Checkout(12_990);
        paid.payCash(12_990);
        return ctx.saleCompletion().complete(id, List.of(new BasketLine("prd-1-1", "SKU-1", "Robe · Noir · M", 1, 8_990, 2000, null),
                new BasketLine("prd-2-1", "SKU-2", "Ceinture", 1, 4_000, 2000, null)), null, Set.of(), null, paid, seller);
    }

    @Test
    void theReceiptNamesTheSellerTheSoftwareAndItsPlaceInTheSignedChainAndCopiesAreNumbered() {
        try (AppContext ctx = AppContext.open(home, Clock.systemUTC(), TestOptions.fastTinyDemo())) {
            ctx.activateDemo();
            ctx.connect();
            assertThat(ctx.sync().syncOnce().ok()).isTrue();
            sell(ctx, "sale-1");
            SaleRecord second = sell(ctx, "sale-2");
            ReceiptProofs proofs = ctx.receiptProofs();

            ReceiptProof original = proofs.original(second);
            assertThat(original.sequence()).isEqualTo(2);
            assertThat(original.lineCount()).isEqualTo(2);
            assertThat(original.copyNumber()).isZero();
            assertThat(original.seller()).isNotNull();
            assertThat(original.seller().siret()).hasSize(14);
            FiscalRecord record = ctx.journal().ticketRecord("sale-2").orElseThrow();
            assertThat(original.signatureExtract()).hasSize(8).isEqualTo(FiscalRecord.extract(record.signature()));

            String french = ReceiptText.of(second, "Comptoir Paris Rivoli", new I18n(Locale.FRENCH), false, id -> id, original);
            assertThat(french).contains("Comptoir Retail SAS").contains("SIRET " + original.seller().siret())
                    .contains("N° TVA intracom. " + original.seller().vatNumber())
                    .contains("N° d'ordre 2 · 2 ligne(s)").contains("Signature " + original.signatureExtract())
                    .contains(fr.comptoir.Version.software()).doesNotContain("DUPLICATA");

            ReceiptProof copy1 = proofs.duplicate(second, "stf-par01-2", ReceiptProofs.Copy.PRINTED);
            ReceiptProof copy2 = proofs.duplicate(second, "stf-par01-2", ReceiptProofs.Copy.EMAILED);
            ReceiptProof otherCopy = proofs.duplicate(ctx.journal().recordedSale("sale-1").orElseThrow(), "stf-par01-2", ReceiptProofs.Copy.PRINTED);
            assertThat(List.of(copy1.copyNumber(), copy2.copyNumber(), otherCopy.copyNumber())).containsExactly(1, 2, 1);
            assertThat(ReceiptText.of(second, "Comptoir Paris Rivoli", new I18n(Locale.FRENCH), true, id -> id, copy2))
                    .contains("*** DUPLICATA n° 2 ***");
            assertThat(ReceiptText.of(second, "Comptoir Paris Rivoli", new I18n(Locale.ENGLISH), true, id -> id, copy1))
                    .contains("*** DUPLICATE No. 1 ***").contains("Sequence No. 2 · 2 line(s)").contains("VAT No. ");

            VerificationReport report = ctx.verifyFiscalJournal();
            assertThat(report.findings()).isEmpty();
            assertThat(report.chains()).filteredOn(c -> c.chain().equals("DUPLICATES")).singleElement()
                    .satisfies(c -> assertThat(c.signed()).isEqualTo(3));
        }
    }

    @Test
    void thePlatformReceivesEachFiscalRecordWithASignatureItCanCheckWithTheRegisteredKey() {
        try (AppContext ctx = AppContext.open(home, Clock.systemUTC(), TestOptions.fastTinyDemo())) {
            ctx.activateDemo();
            ctx.connect();
            assertThat(ctx.sync().syncOnce().ok()).as("the staff to sign in").isTrue();
            assertThat(ctx.signIn().signIn("stf-par01-2", "1234")).isInstanceOf(fr.comptoir.staff.SignInResult.SignedIn.class);
            sell(ctx, "sale-1");
            sell(ctx, "sale-2");
            assertThat(ctx.sync().syncOnce().ok()).isTrue();

            var platform = ctx.demoServer().orElseThrow().store();
            String deviceId = ctx.device().orElseThrow().deviceId();
            java.util.Map<String, String> keys = platform.signingKeys(deviceId);
            assertThat(keys).as("registered with the activation").hasSize(1);
            var received = platform.receivedFiscalRecords();
            assertThat(received).extracting(r -> FiscalRecord.fromProof(r.proof(), r.body()).chain())
                    .containsExactlyInAnyOrder("TECHNICAL", "TICKETS", "TICKETS");
            for (var r : received) {
                FiscalRecord rec = FiscalRecord.fromProof(r.proof(), r.body());
                assertThat(SigningKey.verify(SigningKey.publicKeyFromPem(keys.get(rec.keyId())),
                        rec.signedText().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        java.util.Base64.getDecoder().decode(rec.signature()))).as(r.proof()).isTrue();
            }
            // Ticket 2 at the platform names ticket 1's signature: the platform can follow the chain too.
            List<FiscalRecord> tickets = received.stream().map(r -> FiscalRecord.fromProof(r.proof(), r.body()))
                    .filter(x -> x.chain().equals("TICKETS")).toList();
            assertThat(tickets.get(1).previousSignature()).isEqualTo(tickets.get(0).signature());
            assertThat(tickets.get(1).perpetualCents()).isEqualTo(2 * 12_990);
        }
    }
}
