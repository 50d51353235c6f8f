package fr.comptoir.sale;

import fr.comptoir.catalog.CatalogReader;
import fr.comptoir.catalog.VariantInfo;
import fr.comptoir.customers.Customer;
import fr.comptoir.sale.ui.SellViewModel;
import fr.comptoir.uikit.I18n;
import fr.comptoir.uikit.TaskRunner;
import fr.comptoir.staff.Role;
import fr.comptoir.staff.StaffMember;
import fr.comptoir.storage.SqliteDatabase;
import fr.comptoir.storage.SqliteJournal;
import fr.comptoir.storage.SqliteParkedSales;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ParkAndVoidTest {

    @TempDir
    Path dir;

    final Customer helene = new Customer("cus-1", "Hélène", "Martin", null, null, null, Customer.LoyaltyTier.NONE, 0, false, false, null);
    final StaffMember manager = new StaffMember("m1", "st", "Camille Laurent", Role.MANAGER, "x", true);

    SellViewModel vm(Basket basket, SqliteParkedSales store) {
        return vm(basket, store, TillAudit.NONE);
    }

    SellViewModel vm(Basket basket, SqliteParkedSales store, TillAudit audit) {
        CatalogReader none = new CatalogReader() {
            @Override
            public Map<String, VariantInfo> variants(Collection<String> ids, String storeId) {
                return Map.of();
            }

            @Override
            public List<VariantInfo> search(String text, String storeId, int limit) {
                return List.of();
            }

            @Override
            public Optional<VariantInfo> byCode(String code, String storeId) {
                return Optional.empty();
            }
        };
        SellViewModel vm = new SellViewModel(basket, new ScanLookup(none, "st")::lookup, t -> List.of(), c -> Optional.empty(),
                TaskRunner.direct(), new I18n(Locale.ENGLISH));
        vm.enableParkingAndVoid(store, pin -> pin.equals("9876") ? Optional.of(manager) : Optional.empty(), "Léo Martin", audit);
        return vm;
    }

    /** A robe (59,99 €) and two teas (6,99 € each). */
    static Basket robeAndTea() {
        Basket basket = new Basket();
        basket.add(new BasketLine("v1", "S1", "Robe", 1, 5999, 2000, null));
        basket.add(new BasketLine("v2", "S2", "Thé", 2, 699, 550, null));
        return basket;
    }

    @Test
    void aParkedSaleSurvivesARestartAndIsTakenUpOnce() {
        Basket basket = new Basket();
        basket.add(new BasketLine("v1", "S1", "Robe", 1, 5999, 2000, null));
        basket.attach(helene);
        try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("journal.db"), "journal")) {
            SellViewModel vm = vm(basket, new SqliteParkedSales(db, fr.comptoir.storage.CanonicalJson.codec()));
            vm.park();
            assertThat(basket.lines()).isEmpty();
            assertThat(basket.customer()).isNull();
            assertThat(vm.parked()).hasSize(1);
            assertThat(vm.messageProperty().get()).isEqualTo("Sale of 59,99\u00a0€ parked: the till is free.");
        }
        Basket afterRestart = new Basket();
        try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("journal.db"), "journal")) {
            SqliteParkedSales store = new SqliteParkedSales(db, fr.comptoir.storage.CanonicalJson.codec());
            SellViewModel vm = vm(afterRestart, store);
            ParkedSale parked = vm.parked().get(0);
            afterRestart.add(new BasketLine("v2", "S2", "Thé", 1, 699, 550, null));
            vm.resume(parked);
            assertThat(vm.messageProperty().get()).isEqualTo("Finish or park the current sale before taking up another.");
            afterRestart.clear();
            vm.resume(parked);
            assertThat(afterRestart.lines()).extracting(BasketLine::label).containsExactly("Robe");
            assertThat(afterRestart.customer().id()).isEqualTo("cus-1");
            assertThat(vm.parked()).isEmpty();
            afterRestart.clear();
            vm.resume(parked);
            assertThat(vm.messageProperty().get()).isEqualTo("This sale was already taken up.");
            assertThat(afterRestart.lines()).isEmpty();
        }
    }

    static TillAudit audit(SqliteJournal journal) {
        return TillAudit.journaled(journal, java.time.Clock.systemUTC(), "st", "dev-1", "s1");
    }

    static List<TillEvent> tillEvents(SqliteJournal journal) {
        return journal.pendingPayloads(fr.comptoir.common.WriteKind.TILL_EVENT).stream().map(j -> fr.comptoir.storage.CanonicalJson.codec().decode(j, TillEvent.class)).toList();
    }

    @Test
    void theDrawerOpensWithoutASaleOnlyForAManager() {
        try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("journal.db"), "journal")) {
            SqliteJournal journal = new SqliteJournal(db, fr.comptoir.storage.CanonicalJson.codec(), java.time.Clock.systemUTC());
            SellViewModel vm = vm(new Basket(), new SqliteParkedSales(db, fr.comptoir.storage.CanonicalJson.codec()), audit(journal));
            int[] opened = {0};
            vm.openDrawer("1234", () -> opened[0]++);
            assertThat(opened[0]).isZero();
            assertThat(vm.messageProperty().get()).isEqualTo("This is not a manager's PIN: the drawer stays closed.");
            vm.openDrawer("9876", () -> opened[0]++);
            assertThat(opened[0]).isEqualTo(1);
            assertThat(vm.messageProperty().get()).isEqualTo("Drawer opened, approved by Camille Laurent.");
            // The refused PIN and the opening are both in the journal, on their way to the platform.
            assertThat(tillEvents(journal)).extracting(TillEvent::type, TillEvent::approvedBy, TillEvent::staffId, TillEvent::detail)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(TillEvent.Type.APPROVAL_REFUSED, null, "s1", "open-drawer"),
                            org.assertj.core.groups.Tuple.tuple(TillEvent.Type.DRAWER_OPENED, "m1", "s1", "no-sale"));
        }
    }

    @Test
    void voidingASaleNeedsAManagerAndEveryVoidIsJournaled() {
        Basket basket = robeAndTea();
        try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("journal.db"), "journal")) {
            SqliteJournal journal = new SqliteJournal(db, fr.comptoir.storage.CanonicalJson.codec(), java.time.Clock.systemUTC());
            SellViewModel vm = vm(basket, new SqliteParkedSales(db, fr.comptoir.storage.CanonicalJson.codec()), audit(journal));
            vm.voidLine(1);
            assertThat(tillEvents(journal)).singleElement().satisfies(e -> {
                assertThat(e.type()).isEqualTo(TillEvent.Type.LINE_VOIDED);
                assertThat(e.amountCents()).isEqualTo(1398);
                assertThat(e.detail()).isEqualTo("2 × S2 Thé");
            });
            int[] closed = {0};
            vm.voidSale("1234", () -> closed[0]++);
            assertThat(vm.messageProperty().get()).isEqualTo("This is not a manager's PIN: the sale was not voided.");
            assertThat(basket.lines()).hasSize(1);
            vm.voidSale("9876", () -> closed[0]++);
            assertThat(basket.lines()).isEmpty();
            assertThat(vm.messageProperty().get()).isEqualTo("Sale voided, approved by Camille Laurent.");
            assertThat(closed[0]).isEqualTo(1);
            assertThat(tillEvents(journal)).extracting(TillEvent::type, TillEvent::approvedBy, TillEvent::amountCents).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(TillEvent.Type.LINE_VOIDED, null, 1398L),
                    org.assertj.core.groups.Tuple.tuple(TillEvent.Type.APPROVAL_REFUSED, null, 5999L),
                    org.assertj.core.groups.Tuple.tuple(TillEvent.Type.SALE_VOIDED, "m1", 5999L));
        }
    }

    @Test
    void whenTheStoreSaysSoRemovingALineNeedsAManagerLikeVoidingTheSale() {
        Basket basket = robeAndTea();
        try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("journal.db"), "journal")) {
            SqliteJournal journal = new SqliteJournal(db, fr.comptoir.storage.CanonicalJson.codec(), java.time.Clock.systemUTC());
            SellViewModel vm = vm(basket, new SqliteParkedSales(db, fr.comptoir.storage.CanonicalJson.codec()), audit(journal));
            vm.setLineVoidsNeedManager(true);
            vm.voidLine(1);
            assertThat(basket.lines()).as("waits for a manager").hasSize(2);
            assertThat(vm.lineToVoidProperty().get()).isEqualTo(1);
            assertThat(vm.messageProperty().get()).isEqualTo("A manager enters their PIN to remove “Thé” from the sale.");
            vm.confirmLineVoid("1234");
            assertThat(basket.lines()).hasSize(2);
            assertThat(vm.notice().kind()).isEqualTo(fr.comptoir.uikit.Notice.Kind.ERROR);
            vm.confirmLineVoid("9876");
            assertThat(basket.lines()).extracting(BasketLine::variantId).containsExactly("v1");
            assertThat(vm.lineToVoidProperty().get()).isEqualTo(-1);
            assertThat(tillEvents(journal)).extracting(TillEvent::type, TillEvent::approvedBy).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(TillEvent.Type.APPROVAL_REFUSED, null),
                    org.assertj.core.groups.Tuple.tuple(TillEvent.Type.LINE_VOIDED, "m1"));
            // Asked, then kept: nothing changes.
            vm.voidLine(0);
            vm.cancelLineVoid();
            assertThat(basket.lines()).hasSize(1);
            assertThat(tillEvents(journal)).hasSize(2);
        }
    }
}
