package fr.comptoir.customers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.comptoir.AppContext;
import fr.comptoir.centralapi.PendingWrite;
import fr.comptoir.demo.DemoCentralServer;
import fr.comptoir.demo.DemoPlatformStore;
import fr.comptoir.sync.Connectivity;
import fr.comptoir.sync.SyncEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Clienteling done while the central platform is down reaches it exactly once when it is back, and a
 * customer created offline keeps every reference made to it.
 */
class ClientelingOfflineSyncTest {

    @TempDir
    Path home;
    final ObjectMapper json = new ObjectMapper();

    @Test
    void notesPreferencesAndANewCustomerMadeOfflineArriveOnceAndReferencesFollow() throws Exception {
        try (AppContext ctx = fr.comptoir.testing.TestOptions.syncedTinyDemo(home)) {
            DemoCentralServer server = ctx.demoServer().orElseThrow();
            DemoPlatformStore platform = server.store();
            int port = server.port();
            server.close();

            ClientelingService svc = ctx.clienteling();
            ClientelingService.Author author = new ClientelingService.Author("stf-par01-2", "Léo Martin", "st-par01");
            Customer zoe = svc.create("Zoé", "Lefèvre-Nguyen", "zoe.ln@example.fr", "07 98 76 54 32", true, false, true, author);
            svc.addNote(zoe.id(), "Cherche une robe pour un mariage en juin, taille 38.", author);
            svc.addNote("cus-1", "A essayé le pull marin en M, trop juste.", author);
            Customer helene = ctx.clienteling().profile("cus-1").orElseThrow().customer();
            svc.setPreferences(helene, new Customer.Preferences(List.of("M", "38"), helene.preferences().categories(),
                    helene.preferences().brands()), author);

            // Offline: found at once, with the edits on top of the cache.
            assertThat(ctx.customerSearch().search(CustomerQuery.parse("zoe lef"), 10)).extracting(m -> m.customer().id())
                    .containsExactly(zoe.id());
            ClientelingService.Profile offline = svc.profile(zoe.id()).orElseThrow();
            assertThat(offline.notes()).hasSize(1);
            assertThat(svc.profile("cus-1").orElseThrow().customer().preferences().sizes()).containsExactly("M", "38");
            assertThat(ctx.sync().drainOutbox()).isZero();
            assertThat(ctx.sync().status().connectivity()).isEqualTo(Connectivity.OFFLINE);
            assertThat(ctx.outbox().pendingCount()).isEqualTo(4);

            // Back online: everything is delivered once, then pulled back.
            try (DemoCentralServer back = DemoCentralServer.start(platform, port)) {
                SyncEngine.Report report = ctx.sync().syncOnce();
                assertThat(report.ok()).as(report.error()).isTrue();
                assertThat(report.delivered()).isEqualTo(4);

                String platformId = platform.customerIdForLocalId(zoe.id());
                assertThat(platformId).isNotNull().doesNotStartWith("local-");
                assertThat(platform.bodiesWhere("customers", "email", "zoe.ln@example.fr")).hasSize(1);
                List<String> zoeNotes = platform.bodiesWhere("customer-notes", "customerId", platformId);
                assertThat(zoeNotes).hasSize(1);
                JsonNode cus1 = json.readTree(platform.body("customers", "cus-1").orElseThrow());
                assertThat(cus1.at("/preferences/sizes").toString()).isEqualTo("[\"M\",\"38\"]");

                // The local record gave way to the platform's; the local id still finds her.
                assertThat(ctx.customerSearch().search(CustomerQuery.parse("zoe lef"), 10)).extracting(m -> m.customer().id())
                        .containsExactly(platformId);
                ClientelingService.Profile synced = svc.profile(zoe.id()).orElseThrow();
                assertThat(synced.customer().id()).isEqualTo(platformId);
                assertThat(synced.notes()).hasSize(1);
                assertThat(synced.pendingEdits()).isZero();

                // A retry of an already delivered write (its answer was lost), as the outbox keeps it, changes nothing.
                PendingWrite again = new PendingWrite(0, fr.comptoir.common.WriteKind.CUSTOMER_CREATED.wire(), zoe.id(),
                        fr.comptoir.storage.CanonicalJson.codec().encode(new NewCustomer(zoe.id(), "Zoé", "Lefèvre-Nguyen", "zoe.ln@example.fr",
                                "07 98 76 54 32", true, false, zoe.createdAt(), "st-par01", "stf-par01-2")), 0);
                var replay = ctx.central().deliver(again, fr.comptoir.centralapi.WriteProgress.NOT_KEPT);
                assertThat(replay.replayed()).isTrue();
                assertThat(platform.bodiesWhere("customers", "email", "zoe.ln@example.fr")).hasSize(1);
            }
        }
    }

    @Test
    void badInputIsRefusedAndNothingIsWritten() throws Exception {
        try (AppContext ctx = AppContext.open(home, Clock.systemUTC(), AppContext.Options.defaults())) {
            ClientelingService svc = ctx.clienteling();
            ClientelingService.Author author = new ClientelingService.Author("s", "S", "st");
            assertThat(svc.validate("", "X", "not-an-email", "12")).containsKeys("firstName", "email", "phone");
            assertThat(svc.validate("A", "B", "a@b.fr", "+33 6 12 34 56 78")).isEmpty();
            assertThatThrownBy(() -> svc.create("A", "B", null, null, false, false, false, author)).hasMessageContaining("privacy");
            assertThatThrownBy(() -> svc.addNote("cus-1", "   ", author)).hasMessageContaining("empty");
            assertThatThrownBy(() -> svc.addNote("cus-1", "x".repeat(2001), author)).hasMessageContaining("long");
            assertThat(ctx.outbox().pendingCount()).isZero();
            assertThat(ctx.journal().size()).isZero();
        }
    }

    @Test
    void aNoteThePlatformRefusedStaysShownUntilAManagerDecides() throws Exception {
        try (AppContext ctx = fr.comptoir.testing.TestOptions.syncedTinyDemo(home)) {
            ClientelingService svc = ctx.clienteling();
            ClientelingService.Author author = new ClientelingService.Author("stf-par01-2", "Léo Martin", "st-par01");
            int before = svc.profile("cus-1").orElseThrow().notes().size();
            svc.addNote("cus-1", "Note that will be refused", author);
            // The platform refuses it (here: a person marks it so, as the sync engine does on a 422).
            PendingWrite w = ctx.outbox().due(Long.MAX_VALUE, 10).get(0);
            ctx.outbox().markNeedsAttention(w.id(), "Refused by the central platform: Invalid note");

            ClientelingService.Profile refused = svc.profile("cus-1").orElseThrow();
            assertThat(refused.notes()).hasSize(before + 1).anyMatch(n -> n.text().equals("Note that will be refused"));
            assertThat(refused.pendingEdits()).isEqualTo(1);

            ctx.outbox().discard(w.id(), "written on the wrong customer", "stf-par01-1", "stf-par01-2");
            assertThat(svc.profile("cus-1").orElseThrow().notes()).hasSize(before);
        }
    }
}
