package fr.comptoir.till;

import fr.comptoir.AppContext;
import fr.comptoir.demo.DemoCentralServer;
import fr.comptoir.demo.DemoPlatformStore;
import fr.comptoir.demo.DemoSize;
import fr.comptoir.fiscal.FiscalRecord;
import fr.comptoir.fiscal.SigningKey;
import fr.comptoir.sale.BasketLine;
import fr.comptoir.sale.Checkout;
import fr.comptoir.sale.SaleCompletion;
import fr.comptoir.testing.FaultyProxy;
import fr.comptoir.testing.TestOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A whole day with the platform out of reach, then one sync: every ticket and closing arrives once, signed, in order. */
class OfflineDayTest {

    @TempDir
    Path dir;

    @Test
    void anOfflineDayIsSentOnceWhenThePlatformIsBackWithItsSignaturesAndItsZAddsUp() throws Exception {
        try (DemoPlatformStore platform = DemoPlatformStore.openOrGenerate(dir.resolve("platform"), DemoSize.TINY, 42, LocalDate.of(2026, 11, 20));
             DemoCentralServer server = DemoCentralServer.start(platform, 0);
             FaultyProxy proxy = new FaultyProxy(server.baseUrl(), 13);
             AppContext ctx = AppContext.open(dir.resolve("till"), Clock.systemUTC(), TestOptions.fastTinyDemo())) {
            ctx.activate(proxy.url(), "DEMO");
            ctx.connect();
            assertThat(ctx.sync().syncOnce().ok()).isTrue();
            String deviceId = ctx.device().orElseThrow().deviceId();
            int salesBefore = platform.appliedWrites("POST", "/v1/stores/%/sales").size();

            proxy.setDown(true);
            Till till = ctx.till();
            till.open(CashCount.EMPTY.with(Denomination.NOTE_20, 5), "stf-par01-2");
            SaleCompletion.Seller seller = new SaleCompletion.Seller("st-par01", "PAR01", deviceId, "stf-par01-2", "Léo");
            long total = 0;
            for (int i = 0; i < 12; i++) {
                long cents = 1_000 + 111 * i;
                Checkout paid = new Checkout(cents);
                paid.payCash(cents);
                ctx.saleCompletion().complete("offline-" + i, List.of(new BasketLine("prd-1-1", "SKU-1", "Article", 1, cents, 2000, null)), null,
                        Set.of(), null, paid, seller);
                total += cents;
            }
            till.move(CashMovement.Direction.OUT, CashMovement.Reason.SAFE_DROP, 10_000, null, "stf-par01-2");
            Closing session = till.closeSession(CashCount.EMPTY.with(Denomination.COIN_1C, (int) total), null, "stf-par01-2", null, 500);
            assertThat(session.cash().differenceCents()).isZero();
            Closing z = till.z("stf-par01-1");
            assertThat(z.totalCents()).isEqualTo(total);
            assertThat(ctx.sync().syncOnce().ok()).as("offline").isFalse();
            assertThat(platform.appliedWrites("POST", "/v1/stores/%/closings")).isEmpty();

            proxy.setDown(false);
            for (int i = 0; i < 5 && ctx.outbox().pendingCount() > 0; i++) {
                ctx.sync().syncOnce();
            }
            assertThat(ctx.outbox().pendingCount()).isZero();
            assertThat(ctx.outbox().needsAttentionCount()).isZero();
            // Once each: twelve tickets, the till's closing and the Z; the Z at the platform adds up to the tickets it received.
            List<String> sales = platform.appliedWrites("POST", "/v1/stores/%/sales");
            assertThat(sales).hasSize(salesBefore + 12);
            List<String> closings = platform.appliedWrites("POST", "/v1/stores/%/closings");
            assertThat(closings).hasSize(2);
            assertThat(closings.get(1)).contains("\"kind\":\"DAY\"").contains("\"totalCents\":" + total);
            Map<String, String> keys = platform.signingKeys(deviceId);
            List<FiscalRecord> received = platform.receivedFiscalRecords().stream().filter(r -> r.deviceId().equals(deviceId))
                    .map(r -> FiscalRecord.fromProof(r.proof(), r.body())).toList();
            assertThat(received).filteredOn(r -> r.chain().equals("TICKETS")).hasSize(12);
            assertThat(received).filteredOn(r -> r.chain().equals("CLOSINGS")).extracting(FiscalRecord::kind)
                    .containsExactly("closing.till", "closing.day");
            for (FiscalRecord r : received) {
                assertThat(SigningKey.verify(SigningKey.publicKeyFromPem(keys.get(r.keyId())), r.signedText().getBytes(StandardCharsets.UTF_8),
                        Base64.getDecoder().decode(r.signature()))).as(r.chain() + " #" + r.seq()).isTrue();
            }
            // The chain never broke across the outage: each ticket at the platform names the one before it.
            List<FiscalRecord> tickets = received.stream().filter(r -> r.chain().equals("TICKETS")).toList();
            for (int i = 1; i < tickets.size(); i++) {
                assertThat(tickets.get(i).previousSignature()).isEqualTo(tickets.get(i - 1).signature());
            }
            assertThat(ctx.verifyFiscalJournal().findings()).isEmpty();
            // The outage itself is in the technical chain, as the terminal saw it: lost at the first sync, then back.
            java.util.List<String> technical = new java.util.ArrayList<>();
            try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("till").resolve("journal.db"));
                 java.sql.Statement st = c.createStatement();
                 java.sql.ResultSet rs = st.executeQuery("SELECT kind FROM fiscal_records WHERE chain = 'TECHNICAL' ORDER BY seq")) {
                while (rs.next()) {
                    technical.add(rs.getString(1));
                }
            }
            assertThat(technical).containsSubsequence("till.till_opened", "network.offline", "network.online");
        }
    }
}
