package fr.comptoir.returns.ui;

import fr.comptoir.centralapi.Feed;
import fr.comptoir.centralapi.FeedPage;
import fr.comptoir.orders.Order;
import fr.comptoir.orders.OrderLine;
import fr.comptoir.returns.ReturnCounter;
import fr.comptoir.sale.BasketLine;
import fr.comptoir.sale.ReturnOf;
import fr.comptoir.staff.Role;
import fr.comptoir.staff.StaffMember;
import fr.comptoir.storage.CanonicalJson;
import fr.comptoir.storage.SqliteDatabase;
import fr.comptoir.storage.SqliteFeedCache;
import fr.comptoir.storage.SqliteJournal;
import fr.comptoir.storage.SqliteOrders;
import fr.comptoir.stores.ReturnPolicy;
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
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The Returns screen's logic on real cache and journal files, without a toolkit. */
class ReturnsViewModelTest {

    @TempDir
    Path dir;
    SqliteDatabase cacheDb;
    SqliteDatabase journalDb;
    ReturnsViewModel vm;
    final List<BasketLine> basket = new ArrayList<>();
    final List<String> customers = new ArrayList<>();
    boolean tillTakes = true;
    int tillOpened;
    final Clock clock = Clock.fixed(Instant.parse("2026-12-02T11:00:00Z"), ZoneOffset.UTC);

    @BeforeEach
    void open() {
        cacheDb = SqliteDatabase.open(dir.resolve("cache.db"), "cache");
        journalDb = SqliteDatabase.open(dir.resolve("journal.db"), "journal");
        new SqliteFeedCache(cacheDb, CanonicalJson.codec()).applyPage(Feed.ORDERS, (cursor, h) -> {
            h.upsert(new Order("o1", "W00000042", "cus-1", Order.Channel.WEB, null, Order.OrderStatus.DELIVERED, "2026-11-25T10:00:00Z", 9_597,
                    List.of(new OrderLine("o1-1", "v-top", "T-1", "Top", 2, 3_999, 2000, 0, 7_198L),
                            new OrderLine("o1-2", "v-choc", "C-1", "Chocolats", 1, 2_399, 550, 0, 2_399L))));
            return new FeedPage("x", false, 1, 0);
        }, 1);
        ReturnCounter counter = new ReturnCounter(new SqliteOrders(cacheDb), new SqliteJournal(journalDb, CanonicalJson.codec(), clock),
                CanonicalJson.codec(), ids -> Map.of("v-top", "Femme > Hauts", "v-choc", "Épicerie fine"),
                () -> new ReturnPolicy(Map.of(), List.of("Épicerie fine")), clock);
        ReturnsViewModel.Till till = new ReturnsViewModel.Till() {
            @Override
            public Map<String, Integer> inBasket(String orderId) {
                Map<String, Integer> units = new HashMap<>();
                basket.stream().filter(l -> orderId.equals(l.returnOf().orderId())).forEach(l -> units.merge(l.returnOf().lineId(), -l.quantity(),
                        Integer::sum));
                return units;
            }

            @Override
            public boolean add(List<BasketLine> lines, String customerId) {
                if (!tillTakes) {
                    return false;
                }
                basket.addAll(lines);
                customers.add(customerId);
                return true;
            }
        };
        vm = new ReturnsViewModel(counter, text -> List.of(), till, TaskRunner.direct(), new I18n(Locale.ENGLISH),
                pin -> pin.equals("9876") ? Optional.of(new StaffMember("stf-m", "st-par01", "Camille Laurent", Role.MANAGER, null, true))
                        : Optional.empty());
        vm.onTill(() -> tillOpened++);
    }

    @AfterEach
    void close() {
        cacheDb.close();
        journalDb.close();
    }

    @Test
    void aScannedOrderNumberOpensTheOrderAndTheChosenUnitsGoToTheTillRefundingWhatWasPaid() {
        vm.scanned("W00000042");
        assertThat(vm.selectedProperty().get().order().id()).isEqualTo("o1");
        assertThat(vm.notice().kind()).as("not asked of the platform: said so").isEqualTo(Notice.Kind.WARNING);
        vm.units(0, 1);
        vm.units(0, 1);
        vm.units(0, 1);
        assertThat(vm.notice().textProperty().get()).isEqualTo("At most 2 of Top can come back.");
        assertThat(vm.lines().get(0).units()).isEqualTo(2);
        assertThat(vm.refundProperty().get()).isEqualTo("To refund: 71,98\u00a0€");
        vm.toTill();
        assertThat(vm.notice().textProperty().get()).isEqualTo("Top: choose why it comes back.");
        assertThat(basket).isEmpty();
        vm.reason(0, ReturnOf.Reason.DAMAGED);
        assertThat(vm.lines().get(0).restock()).as("damaged: set aside").isEqualTo(ReturnOf.Restock.DAMAGED);
        vm.toTill();
        assertThat(basket).singleElement().satisfies(l -> {
            assertThat(l.totalCents()).isEqualTo(-7_198);
            assertThat(l.returnOf().restock()).isEqualTo(ReturnOf.Restock.DAMAGED);
        });
        assertThat(customers).containsExactly("cus-1");
        assertThat(tillOpened).isEqualTo(1);
        // Back on the order: what is in the basket counts.
        assertThat(vm.lines().get(0).line().returnable()).isZero();
    }

    @Test
    void anItemOutsideThePolicyWaitsForAManagersPinAndABusyTillTakesNothing() {
        vm.scanned("W00000042");
        vm.units(1, 1);
        vm.reason(1, ReturnOf.Reason.CHANGED_MIND);
        assertThat(vm.needsManagerProperty().get()).isTrue();
        vm.managerPinProperty().set("1111");
        vm.approveWithManager();
        assertThat(vm.notice().textProperty().get()).isEqualTo("Not a manager's PIN: nothing was approved.");
        assertThat(vm.needsManagerProperty().get()).isTrue();
        vm.managerPinProperty().set("9876");
        vm.approveWithManager();
        assertThat(vm.needsManagerProperty().get()).isFalse();
        tillTakes = false;
        vm.toTill();
        assertThat(vm.notice().textProperty().get()).startsWith("The till's basket pays an order's balance");
        tillTakes = true;
        vm.toTill();
        assertThat(basket).singleElement().satisfies(l -> assertThat(l.returnOf().approvedBy()).isEqualTo("stf-m"));
        vm.scanned("ZZZ-NOTHING");
        assertThat(vm.notice().textProperty().get()).isEqualTo("No order found for \"ZZZ-NOTHING\".");
    }

    @Test
    void anItemWithoutAReceiptWaitsForAManagerThenIsCreditedAtItsLowestPriceOf30Days() {
        fr.comptoir.catalog.VariantInfo top = new fr.comptoir.catalog.VariantInfo("v-top", "T-1", "3760000000017", "Top", "M", null, 3_999, 2000, 4,
                "Femme > Hauts", null, "p-top", 2_999L);
        vm.enableWithoutReceipt(code -> code.equals("3760000000017") ? Optional.of(top) : Optional.empty());
        vm.startWithoutReceipt();
        assertThat(vm.withoutReceiptProperty().get()).isTrue();
        assertThat(vm.needsManagerProperty().get()).isTrue();
        vm.scanned("3760000000099");
        assertThat(vm.notice().textProperty().get()).isEqualTo("No item with the code 3760000000099 in the catalogue.");
        vm.scanned("3760000000017");
        assertThat(vm.itemProperty().get()).isEqualTo(top);
        vm.itemReason(ReturnOf.Reason.CHANGED_MIND);
        vm.creditWithoutReceipt();
        assertThat(vm.notice().textProperty().get()).isEqualTo("Top · M: without a receipt, a manager approves first.");
        assertThat(basket).isEmpty();
        vm.managerPinProperty().set("9876");
        vm.approveWithManager();
        vm.itemUnits(1);
        vm.creditWithoutReceipt();
        assertThat(basket).singleElement().satisfies(l -> {
            assertThat(l.totalCents()).as("two at the lowest price of 30 days").isEqualTo(-5_998);
            assertThat(l.returnOf().noReceipt()).isTrue();
            assertThat(l.returnOf().approvedBy()).isEqualTo("stf-m");
        });
        assertThat(tillOpened).isEqualTo(1);
    }
}
