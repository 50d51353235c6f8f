package fr.comptoir.shell;

import fr.comptoir.uikit.I18n;
import fr.comptoir.uikit.TaskRunner;
import fr.comptoir.centralapi.PendingWrite;
import fr.comptoir.common.OutboxWrite;
import fr.comptoir.customers.NewCustomer;
import fr.comptoir.sale.BasketLine;
import fr.comptoir.sale.Checkout;
import fr.comptoir.sale.ReceiptEmail;
import fr.comptoir.sale.SaleCompletion;
import fr.comptoir.staff.Role;
import fr.comptoir.staff.StaffMember;
import fr.comptoir.storage.SqliteDatabase;
import fr.comptoir.storage.SqliteJournal;
import fr.comptoir.storage.SqliteOutbox;
import fr.comptoir.sync.FeedState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The Sync screen's model on a real journal: the refused writes in words, and a manager's decisions on them. */
class SyncViewModelTest {

    @TempDir
    Path dir;
    SqliteDatabase db;
    SqliteJournal journal;
    SqliteOutbox outbox;
    int syncs;
    final StaffMember camille = new StaffMember("stf-mgr", "st-par01", "Camille Laurent", Role.MANAGER, "hash", true);

    @BeforeEach
    void open() {
        db = SqliteDatabase.open(dir.resolve("journal.db"), "journal");
        journal = new SqliteJournal(db, fr.comptoir.storage.CanonicalJson.codec(), Clock.systemUTC());
        outbox = new SqliteOutbox(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    SyncViewModel vm(Locale locale) {
        return new SyncViewModel(() -> Map.of("customers", 150L),
                () -> List.of(new FeedState("customers", "c", 1_700_000_000_000L, true), new FeedState("orders", null, 0, false)),
                outbox, pin -> "9876".equals(pin) ? Optional.of(camille) : Optional.empty(), "stf-1", fr.comptoir.storage.CanonicalJson.codec(), () -> syncs++,
                TaskRunner.direct(), new I18n(locale));
    }

    /** A sale and a new customer refused by the platform, and the sale's e-mailed receipt waiting behind its sale. */
    void threeRefusedWrites() {
        Checkout paid = new Checkout(1_250);
        paid.payCash(1_250);
        var sale = new SaleCompletion(journal, Clock.systemUTC()).complete("sale-1", List.of(new BasketLine("v1", "S", "Robe", 1, 1_250, 2000, null)),
                null, Set.of(), null, paid, new SaleCompletion.Seller("st-par01", "PAR01", "dev-12345678", "stf-1", "Léo"));
        new ReceiptEmail(journal).send(sale, "helene@orange.fr", "fr", "stf-1");
        journal.appendWithOutbox("customer.created", "stf-1", new OutboxWrite(fr.comptoir.common.WriteKind.CUSTOMER_CREATED, "local-zoe", "local-zoe",
                new NewCustomer("local-zoe", "Zoé", "Lefèvre", "zoe@example", "07 98 76 54 32", true, false, "2026-11-20T09:00:00Z", "st-par01", "stf-1")));
        for (PendingWrite w : outbox.due(Long.MAX_VALUE, 10)) {
            outbox.markNeedsAttention(w.id(), "Refused by the central platform: " + w.kind());
        }
        assertThat(outbox.due(Long.MAX_VALUE, 10)).as("the receipt waits for its sale").isEmpty();
        assertThat(outbox.pendingCount()).isEqualTo(1);
    }

    @Test
    void showsRecordsPerFeedAndTheRefusedWritesInWords() {
        threeRefusedWrites();
        SyncViewModel vm = vm(Locale.FRENCH);
        vm.refresh();
        vm.syncNow();

        assertThat(vm.rows()).extracting(SyncViewModel.FeedRow::label).containsExactly("Clients", "Commandes");
        assertThat(vm.rows().get(0).records()).isEqualTo(150);
        assertThat(vm.rows().get(1).lastSync()).isEqualTo("Jamais");
        assertThat(vm.attentionRows()).extracting(r -> r.what().replace('\u00a0', ' ').replace('\u202f', ' ')).containsExactly(
                "Vente PAR01-12345678-000001 de 12,50 €", "Nouveau client Zoé Lefèvre");
        assertThat(vm.attentionRows().get(1).correctable()).containsEntry("email", "zoe@example").containsKey("phone");
        assertThat(vm.attentionRows().get(0).correctable()).isEmpty();
        assertThat(syncs).isEqualTo(1);
    }

    @Test
    void aManagerSendsAgainCorrectsOrDiscardsEachJournaledAndNothingWithoutTheirPin() {
        threeRefusedWrites();
        SyncViewModel vm = vm(Locale.ENGLISH);
        vm.refresh();
        long journalBefore = journal.size();

        vm.resolve(SyncViewModel.Action.RETRY);
        assertThat(vm.messageProperty().get()).isEqualTo("Choose a write in the list first.");

        // The customer's address had a typo: corrected, and sent again under a new key.
        vm.selectedProperty().set(vm.attentionRows().get(1));
        vm.correction("email").set("zoe@example");
        vm.managerPinProperty().set("9876");
        vm.resolve(SyncViewModel.Action.CORRECT);
        assertThat(vm.messageProperty().get()).isEqualTo("Not a valid email address");
        vm.correction("email").set("zoe@example.fr");
        vm.managerPinProperty().set("1234");
        vm.resolve(SyncViewModel.Action.CORRECT);
        assertThat(vm.messageProperty().get()).isEqualTo("That is not a manager's PIN: nothing was changed.");
        assertThat(outbox.needsAttentionCount()).isEqualTo(2);
        vm.selectedProperty().set(vm.attentionRows().get(1));
        vm.correction("email").set("zoe@example.fr");
        vm.managerPinProperty().set("9876");
        vm.resolve(SyncViewModel.Action.CORRECT);
        assertThat(vm.messageProperty().get()).isEqualTo("New customer Zoé Lefèvre: corrected and sent again, approved by Camille Laurent.");
        PendingWrite corrected = outbox.due(Long.MAX_VALUE, 10).get(0);
        assertThat(corrected.payloadJson()).contains("zoe@example.fr").contains("local-zoe");
        assertThat(corrected.idempotencyKey()).isNotEqualTo("local-zoe");

        // The sale: discarded with a reason; its units are no longer taken off this store's shelf count.
        assertThat(journal.unconfirmedSales()).containsEntry("v1", 1);
        vm.selectedProperty().set(vm.attentionRows().get(0));
        vm.managerPinProperty().set("9876");
        vm.resolve(SyncViewModel.Action.DISCARD);
        assertThat(vm.messageProperty().get()).isEqualTo("Say why the write is discarded: it is kept in the journal.");
        vm.discardReasonProperty().set("Test sale rung up by mistake");
        vm.managerPinProperty().set("9876");
        vm.resolve(SyncViewModel.Action.DISCARD);
        assertThat(outbox.discardedCount()).isEqualTo(1);
        assertThat(journal.unconfirmedSales()).isEmpty();

        // The receipt no longer waits for its sale; the platform, which never got the sale, refuses it: sent again, then discarded.
        PendingWrite receipt = outbox.due(Long.MAX_VALUE, 10).stream().filter(w -> w.kind().equals(fr.comptoir.common.WriteKind.RECEIPT_EMAIL.wire())).findFirst().orElseThrow();
        outbox.markNeedsAttention(receipt.id(), "Refused by the central platform: Unknown sale");
        vm.refresh();
        assertThat(vm.attentionRows()).singleElement().satisfies(r -> assertThat(r.what()).isEqualTo("Receipt to e-mail to helene@orange.fr"));
        vm.selectedProperty().set(vm.attentionRows().get(0));
        vm.managerPinProperty().set("9876");
        vm.resolve(SyncViewModel.Action.RETRY);
        assertThat(outbox.needsAttentionCount()).isZero();
        assertThat(outbox.due(Long.MAX_VALUE, 10)).extracting(PendingWrite::id).contains(receipt.id());
        assertThat(journal.size()).as("each decision journaled").isEqualTo(journalBefore + 3);
        assertThat(syncs).isEqualTo(3);
    }

    @Test
    void aRefusedHandOverSaysWhatAManagerNeedsToSortItOut() {
        fr.comptoir.pickups.Handover h = new fr.comptoir.pickups.Handover("h1", "o1", "W00012345", "st-par01", "dev-1", "stf-1",
                "2026-12-02T11:30:00Z", 0, new fr.comptoir.pickups.Handover.HandoverVerification(fr.comptoir.pickups.Handover.Method.ID_DOCUMENT,
                "Paul Martin", true, fr.comptoir.pickups.Handover.IdDocument.PASSPORT, "4567"),
                List.of(new fr.comptoir.pickups.Handover.HandoverLine("l1", 2, 0, null, null),
                        new fr.comptoir.pickups.Handover.HandoverLine("l2", 0, 1, fr.comptoir.pickups.PickupMoney.RefusalReason.DAMAGED,
                                fr.comptoir.pickups.Handover.Restock.DAMAGED)), 0, 1_999, null, true, null);
        journal.appendWithOutbox("pickup.handover", "stf-1", new OutboxWrite(fr.comptoir.common.WriteKind.PICKUP_HANDOVER,
                fr.comptoir.pickups.Handover.key("o1", 0), "pickup:o1", h));
        PendingWrite w = outbox.due(Long.MAX_VALUE, 10).get(0);
        outbox.markNeedsAttention(w.id(), "Refused by the central platform: Order W00012345 was handed over at 2026-12-02T11:20:00Z by terminal dev-2");
        SyncViewModel vm = vm(Locale.ENGLISH);
        vm.refresh();
        assertThat(vm.attentionRows()).singleElement().satisfies(r -> {
            assertThat(r.what()).startsWith("Hand-over of order W00012345 — 2 item(s) handed over and 1 refused, to Paul Martin "
                    + "(Passport ending 4567), refund 19,99\u00a0€, on ");
            assertThat(r.problem()).contains("dev-2");
        });
    }

    @Test
    void aRefusedReturnTicketSaysWhereItsItemsCameFromAndHowTheMoneyWentBack() {
        List<fr.comptoir.sale.BasketLine> lines = List.of(fr.comptoir.sale.BasketLine.comingBack("v1", "S1", "Robe", 2, 4_000, 2000, null, 7_000,
                new fr.comptoir.sale.ReturnOf("o1", "W00012345", "o1-1", "WEB", fr.comptoir.sale.ReturnOf.Reason.DAMAGED,
                        fr.comptoir.sale.ReturnOf.Restock.DAMAGED, null)));
        fr.comptoir.sale.SaleRecord ticket = new fr.comptoir.sale.SaleRecord("sale-r", "PAR01-X-000042", "st", "d", "s", "Léo", null, null,
                "2026-12-02T11:30:00Z", lines, List.of(fr.comptoir.sale.Payment.onlineRefund(5_000, "W00012345"), fr.comptoir.sale.Payment.cash(-2_000)),
                -7_000, 0, fr.comptoir.sale.Vat.breakdown(lines), List.of(), null, fr.comptoir.sale.SaleRecord.Type.RETURN);
        journal.appendWithOutbox("sale.completed", "s", new OutboxWrite(fr.comptoir.common.WriteKind.SALE_RECORDED, ticket.id(), ticket.id(), ticket));
        PendingWrite w = outbox.due(Long.MAX_VALUE, 10).get(0);
        outbox.markNeedsAttention(w.id(), "Refused by the central platform: Order W00012345, Robe: 2 asked back, 0 still returnable; returned before: "
                + "2 by ticket PAR01-Y-000007 at 2026-12-02T10:00:00Z, terminal dev-2 in store st-par01 (refunded 7000 cents)");
        SyncViewModel vm = vm(Locale.ENGLISH);
        vm.refresh();
        assertThat(vm.attentionRows()).singleElement().satisfies(r -> {
            assertThat(r.what()).isEqualTo("Return PAR01-X-000042 — 2 item(s) back from W00012345; money: online payment -50,00\u00a0€, cash -20,00\u00a0€");
            assertThat(r.problem()).contains("PAR01-Y-000007", "dev-2", "7000");
        });
    }
}
