package fr.comptoir.pickups.ui;

import fr.comptoir.centralapi.Feed;
import fr.comptoir.centralapi.FeedPage;
import fr.comptoir.pickups.Pickup;
import fr.comptoir.pickups.PickupCode;
import fr.comptoir.pickups.PickupDesk;
import fr.comptoir.pickups.PickupStatus;
import fr.comptoir.staff.PinHasher;
import fr.comptoir.storage.CanonicalJson;
import fr.comptoir.storage.SqliteDatabase;
import fr.comptoir.storage.SqliteFeedCache;
import fr.comptoir.storage.SqliteJournal;
import fr.comptoir.storage.SqlitePickups;
import fr.comptoir.uikit.I18n;
import fr.comptoir.uikit.Notice;
import fr.comptoir.uikit.TaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The Pickups screen's logic on real SQLite files (cache and journal), without a platform: the desk offline. */
class PickupsViewModelTest {

    @TempDir
    Path dir;
    SqliteDatabase cacheDb;
    SqliteDatabase journalDb;
    SqliteJournal journal;
    PickupsViewModel vm;
    PickupDesk desk;
    final Clock clock = Clock.fixed(Instant.parse("2026-12-02T11:00:00Z"), ZoneOffset.UTC);

    static Pickup order(String id, String number, PickupStatus status, String code) {
        boolean prepared = status != PickupStatus.TO_PREPARE;
        return new Pickup(id, number, "st-par01", status, "cus-1", new Pickup.PickupCustomer("Hélène", "Martin", "0612345678", null),
                List.of("Paul Martin"), "2026-12-01T09:00:00Z", "2026-12-03T09:00:00Z", prepared ? "2026-12-01T12:00:00Z" : null,
                prepared ? "2026-12-08T12:00:00Z" : null, 9_000, 9_000, 0, 0, prepared ? "A-01" : null, PinHasher.hash(code, 1_000),
                PickupCode.bucket(code),
                List.of(new Pickup.PickupLine(id + "-1", "v1", "ROBE-M", "3760000000017", "Robe", "M", "Noir", 1, 5_000, 2000, prepared ? 1 : 0, 0, 0, 0),
                        new Pickup.PickupLine(id + "-2", "v2", "THE-U", "3760000000024", "Thé", null, null, 2, 4_000, 550, prepared ? 2 : 0, 0, 0, 0)),
                List.of(), null);
    }

    @BeforeEach
    void open() {
        cacheDb = SqliteDatabase.open(dir.resolve("cache.db"), "cache");
        journalDb = SqliteDatabase.open(dir.resolve("journal.db"), "journal");
        new SqliteFeedCache(cacheDb, CanonicalJson.codec()).applyPage(Feed.PICKUPS, (cursor, h) -> {
            h.upsert(order("o1", "W00000001", PickupStatus.TO_PREPARE, "111111"));
            h.upsert(order("o2", "W00000002", PickupStatus.READY, "222222"));
            return new FeedPage("x", false, 2, 0);
        }, 1);
        SqlitePickups queue = new SqlitePickups(cacheDb, CanonicalJson.codec(), ZoneId.of("UTC"));
        journal = new SqliteJournal(journalDb, CanonicalJson.codec(), clock);
        desk = new PickupDesk(queue, journal, fr.comptoir.storage.CanonicalJson.codec(), clock, "st-par01", "dev-1", null);
        vm = new PickupsViewModel(queue, desk, TaskRunner.direct(), new I18n(Locale.ENGLISH), clock, "stf-1",
                pin -> pin.equals("9876") ? Optional.of(new fr.comptoir.staff.StaffMember("stf-m", "st-par01", "Camille Laurent",
                        fr.comptoir.staff.Role.MANAGER, null, true)) : Optional.empty(), () -> { });
    }

    @AfterEach
    void close() {
        cacheDb.close();
        journalDb.close();
    }

    @Test
    void preparingAnOrderEachScannedItemCountsAWrongOneIsRefusedAndReadyWaitsForEveryUnit() {
        vm.open("o1", null);
        assertThat(vm.selectedProperty().get().status()).isEqualTo(PickupStatus.TO_PREPARE);
        vm.scanned("3760000000017");
        assertThat(vm.lines().get(0).found()).isEqualTo(1);
        assertThat(vm.notice().kind()).isEqualTo(Notice.Kind.CONFIRMATION);
        vm.scanned("3760000000017");
        assertThat(vm.notice().kind()).as("one more than ordered").isEqualTo(Notice.Kind.ERROR);
        assertThat(vm.lines().get(0).found()).isEqualTo(1);
        vm.scanned("3760000000031");
        assertThat(vm.messageText()).isEqualTo("3760000000031 is not on order W00000001: put it back.");
        vm.shelfProperty().set("b-12");
        vm.markReady();
        assertThat(vm.messageText()).isEqualTo("2 item(s) not found yet: scan them, or mark them missing.");
        assertThat(journal.pendingPayloads(fr.comptoir.common.WriteKind.PICKUP_READY)).isEmpty();

        vm.scanned("THE-U");
        vm.missing(1, 1);
        vm.markReady();
        Pickup ready = vm.selectedProperty().get();
        assertThat(ready.status()).isEqualTo(PickupStatus.READY);
        assertThat(ready.shelf()).isEqualTo("B-12");
        assertThat(ready.refundedCents()).as("the missing tea, half of its line").isEqualTo(2_000);
        assertThat(journal.pendingPayloads(fr.comptoir.common.WriteKind.PICKUP_READY)).singleElement()
                .satisfies(body -> assertThat(body).contains("\"missing\":1", "\"shelf\":\"B-12\""));
    }

    @Test
    void aScannedQrCodeOpensItsOrderChecksItsCodeAndTheHandOverIsJournaledOnce() {
        vm.scanned(PickupCode.qr("W00000002", "222222"));
        assertThat(vm.selectedProperty().get().orderId()).isEqualTo("o2");
        assertThat(vm.verifiedProperty().get()).isEqualTo(PickupsViewModel.Verified.BY_CODE);
        assertThat(vm.searchProperty().get()).as("the code is not left on the screen").isEqualTo("W00000002");
        assertThat(vm.rows()).extracting(fr.comptoir.pickups.PickupQueue.Row::orderId).containsExactly("o2");
        vm.refuse(1, 1, fr.comptoir.pickups.PickupMoney.RefusalReason.CHANGED_MIND);
        assertThat(vm.moneyProperty().get()).isEqualTo("Refunded on the web payment: 20,00\u00a0€");
        vm.handOver();
        assertThat(vm.selectedProperty().get().status()).isEqualTo(PickupStatus.COLLECTED);
        assertThat(journal.pendingPayloads(fr.comptoir.common.WriteKind.PICKUP_HANDOVER)).hasSize(1);
        // Its receipt by e-mail: a bad address is refused and nothing is written; a good one is journaled for the platform.
        vm.receiptEmailProperty().set("helene.martin@");
        vm.emailReceipt();
        assertThat(vm.messageText()).isEqualTo("Not an e-mail address: helene.martin@");
        assertThat(journal.pendingPayloads(fr.comptoir.common.WriteKind.PICKUP_RECEIPT_EMAIL)).isEmpty();
        vm.receiptEmailProperty().set("helene.martin@orange.fr");
        vm.emailReceipt();
        assertThat(vm.messageText()).isEqualTo("The receipt will be e-mailed to helene.martin@orange.fr.");
        assertThat(journal.pendingPayloads(fr.comptoir.common.WriteKind.PICKUP_RECEIPT_EMAIL)).singleElement()
                .satisfies(body -> assertThat(body).contains("\"round\":0", "\"language\":\"en\""));
    }

    @Test
    void aBalanceGoesToTheTillWithTheCheckedHandOverAndNothingIsJournaledAtTheDesk() {
        // W00000003: a 30 € deposit on a 90 € order.
        Pickup deposit = order("o3", "W00000003", PickupStatus.READY, "333333");
        deposit = new Pickup(deposit.orderId(), deposit.orderNumber(), deposit.storeId(), deposit.status(), deposit.customerId(), deposit.customer(),
                deposit.proxies(), deposit.placedAt(), deposit.promisedAt(), deposit.readyAt(), deposit.expiresAt(), 9_000, 3_000, 0, 0,
                deposit.shelf(), deposit.pickupCodeHash(), deposit.pickupCodeBucket(), deposit.lines(), List.of(), null);
        new SqlitePickups(cacheDb, CanonicalJson.codec(), ZoneId.of("UTC")).applyLocal(deposit);
        List<Object[]> sent = new java.util.ArrayList<>();
        boolean[] tillFree = {false};
        vm.enableTill((order, prepared, worth) -> {
            if (!tillFree[0]) {
                return false;
            }
            sent.add(new Object[]{order, prepared, worth});
            return true;
        });
        vm.scanned(PickupCode.qr("W00000003", "333333"));
        // The robe now, the two teas left for later.
        vm.collect(1, -1);
        vm.collect(1, -1);
        assertThat(vm.balanceDueProperty().get()).isTrue();
        assertThat(vm.moneyProperty().get()).isEqualTo("To pay here: 20,00\u00a0€");
        vm.handOver();
        assertThat(vm.messageText()).isEqualTo("A sale is in progress at the till: complete or park it first, then take the 20,00\u00a0€ balance.");
        tillFree[0] = true;
        vm.handOver();
        assertThat(sent).singleElement().satisfies(call -> {
            fr.comptoir.pickups.Handover h = (fr.comptoir.pickups.Handover) call[1];
            assertThat(h.dueCents()).isEqualTo(2_000);
            assertThat(h.lines()).extracting(fr.comptoir.pickups.Handover.HandoverLine::collected).containsExactly(1);
            assertThat(h.verification().method()).isEqualTo(fr.comptoir.pickups.Handover.Method.PICKUP_CODE);
            assertThat(call[2]).isEqualTo(java.util.Map.of("o3-1", 5_000L));
        });
        assertThat(journal.pendingPayloads(fr.comptoir.common.WriteKind.PICKUP_HANDOVER)).as("the till journals it, with its sale").isEmpty();
        assertThat(vm.selectedProperty().get().status()).isEqualTo(PickupStatus.READY);
    }

    @Test
    void thePickListIsInWalkingOrderAisleByAisle() {
        Pickup o = order("o4", "W00000004", PickupStatus.TO_PREPARE, "444444");
        List<Pickup.PickupLine> placed = List.of(o.lines().get(0).withLocation("A7-02"), o.lines().get(1).withLocation("A2-11"),
                new Pickup.PickupLine("o4-3", "v3", "SAC-U", null, "Sac", null, null, 1, 0, 2000, 0, 0, 0, 0));
        new SqlitePickups(cacheDb, CanonicalJson.codec(), ZoneId.of("UTC")).applyLocal(new Pickup(o.orderId(), o.orderNumber(), o.storeId(),
                o.status(), o.customerId(), o.customer(), o.proxies(), o.placedAt(), o.promisedAt(), o.readyAt(), o.expiresAt(), 9_000, 9_000, 0, 0,
                o.shelf(), o.pickupCodeHash(), o.pickupCodeBucket(), placed, List.of(), null));
        vm.open("o4", null);
        assertThat(vm.lines()).extracting(c -> c.line().lineId()).containsExactly("o4-2", "o4-1", "o4-3");
    }

    @Test
    void aProxyProvesTheirIdentityWithTheLastCharactersOfTheirDocumentOnly() {
        vm.open("o2", null);
        vm.codeProperty().set("999999");
        vm.checkCode();
        assertThat(desk.codesLeft("o2")).isEqualTo(2);
        vm.collectorNameProperty().set("Paul Martin");
        vm.proxyProperty().set(true);
        vm.idDocumentProperty().set(fr.comptoir.pickups.Handover.IdDocument.DRIVING_LICENCE);
        vm.idDocumentEndProperty().set("12AB34567");
        vm.checkIdentity();
        assertThat(vm.verifiedProperty().get()).isEqualTo(PickupsViewModel.Verified.NO);
        vm.idDocumentEndProperty().set("4567");
        vm.checkIdentity();
        assertThat(vm.verifiedProperty().get()).isEqualTo(PickupsViewModel.Verified.BY_IDENTITY);
        vm.handOver();
        assertThat(journal.pendingPayloads(fr.comptoir.common.WriteKind.PICKUP_HANDOVER)).singleElement()
                .satisfies(body -> assertThat(body).contains("\"idDocumentEnd\":\"4567\"", "\"proxy\":true").doesNotContain("12AB"));
        assertThat(desk.codesLeft("o2")).as("handed over: the wrong code is forgotten").isEqualTo(3);
    }

    @Test
    void aWrongManagerPinIsRefusedAndJournaledARightOneLetsTheDeskTryCodesAgain() {
        java.util.List<String> refused = new java.util.ArrayList<>();
        vm.journalRefusedApprovals(refused::add);
        vm.open("o2", null);
        for (String wrong : java.util.List.of("000001", "000002", "000003")) {
            vm.codeProperty().set(wrong);
            vm.checkCode();
        }
        assertThat(vm.messageText()).isEqualTo("Too many wrong codes: a manager must enter their PIN.");
        vm.codeProperty().set("222222");
        vm.checkCode();
        assertThat(vm.verifiedProperty().get()).isEqualTo(PickupsViewModel.Verified.NO);
        vm.managerPinProperty().set("1111");
        vm.approveWithManager();
        assertThat(refused).containsExactly("pickup W00000002");
        vm.managerPinProperty().set("9876");
        vm.approveWithManager();
        assertThat(vm.messageText()).isEqualTo("Approved by Camille Laurent.");
        vm.codeProperty().set("222222");
        vm.checkCode();
        assertThat(vm.verifiedProperty().get()).isEqualTo(PickupsViewModel.Verified.BY_CODE);
    }

    @Test
    void theQueueSaysHowOldItIsAndCountsEachTab() {
        vm.refresh();
        assertThat(vm.queueAgeProperty().get()).isEqualTo("Queue never synced");
        vm.showQueueAge(() -> clock.millis() - 3 * 60_000);
        vm.refresh();
        assertThat(vm.queueAgeProperty().get()).isEqualTo("Queue 3 min old");
        assertThat(vm.tabLabel(fr.comptoir.pickups.PickupQueue.Tab.TO_PREPARE).get()).isEqualTo("To prepare (1)");
        assertThat(vm.tabLabel(fr.comptoir.pickups.PickupQueue.Tab.READY).get()).isEqualTo("Ready (1)");
        assertThat(vm.rows()).extracting(fr.comptoir.pickups.PickupQueue.Row::orderId).containsExactly("o2");
    }
}
