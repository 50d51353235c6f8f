package fr.comptoir.sale;

import fr.comptoir.uikit.I18n;
import fr.comptoir.uikit.TaskRunner;
import fr.comptoir.sale.ui.DiscountViewModel;
import fr.comptoir.staff.PinHasher;
import fr.comptoir.staff.ManagerApproval;
import fr.comptoir.staff.Role;
import fr.comptoir.staff.StaffDirectory;
import fr.comptoir.staff.StaffMember;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DiscountTest {

    final StaffMember manager = new StaffMember("m1", "st", "Camille", Role.MANAGER, PinHasher.hash("9876", 1000), true);
    final StaffMember associate = new StaffMember("a1", "st", "Léo", Role.ASSOCIATE, PinHasher.hash("1234", 1000), true);
    final ManagerApproval approval = new ManagerApproval(new StaffDirectory() {
        @Override
        public List<StaffMember> activeStaff(String storeId) {
            return List.of(manager, associate);
        }

        @Override
        public Optional<StaffMember> byId(String id) {
            return Optional.empty();
        }
    }, "st");

    Basket basket() {
        Basket b = new Basket();
        b.add(new BasketLine("v1", "S1", "Robe", 2, 2999, 2000, null));
        b.add(new BasketLine("v2", "S2", "Thé", 1, 699, 550, null));
        return b;
    }

    @Test
    void aBasketDiscountIsSpreadToTheCentAndTheVatFollows() {
        assertThat(DiscountPolicy.spread(1000, List.of(5998L, 699L))).containsExactly(896L, 104L);
        assertThat(DiscountPolicy.spread(1, List.of(1L, 1L, 1L))).containsExactly(1L, 0L, 0L);
        assertThatThrownBy(() -> DiscountPolicy.spread(10, List.of(5L))).isInstanceOf(IllegalArgumentException.class);
        Basket b = basket();
        b.discountBasket(1000, DiscountReason.LOYALTY_GESTURE, null);
        assertThat(b.totalCents()).isEqualTo(5998 + 699 - 1000);
        assertThat(Vat.breakdown(b.lines()).stream().mapToLong(VatLine::totalCents).sum()).isEqualTo(b.totalCents());
        assertThat(b.lines().get(0).discountReason()).isEqualTo("LOYALTY_GESTURE");
    }

    @Test
    void theThresholdDecidesWhetherAManagerApproves() {
        assertThat(DiscountPolicy.DEFAULT.needsApproval(10_000, 1_000)).isFalse();
        assertThat(DiscountPolicy.DEFAULT.needsApproval(10_000, 1_001)).isTrue();
        assertThat(DiscountPolicy.percentOf(2999, 1500)).isEqualTo(450);
    }

    @Test
    void theThresholdIsReadFromTheSettingsAndZeroMeansEveryDiscountNeedsAManager() {
        assertThat(DiscountPolicy.parse("500").needsApproval(10_000, 600)).isTrue();
        assertThat(DiscountPolicy.parse("500").needsApproval(10_000, 500)).isFalse();
        assertThat(DiscountPolicy.parse("0").needsApproval(10_000, 1)).isTrue();
        assertThat(DiscountPolicy.parse(null)).isEqualTo(DiscountPolicy.DEFAULT);
        assertThat(DiscountPolicy.parse("ten")).isEqualTo(DiscountPolicy.DEFAULT);
        assertThat(DiscountPolicy.parse("20000")).isEqualTo(DiscountPolicy.DEFAULT);
    }

    @Test
    void onlyAManagersPinApproves() {
        assertThat(approval.approve("9876")).contains(manager);
        assertThat(approval.approve("1234")).isEmpty();
        assertThat(approval.approve("")).isEmpty();
    }

    @Test
    void aSmallDiscountNeedsOnlyAReasonALargeOneAManager() {
        Basket b = basket();
        int[] done = {0};
        DiscountViewModel small = new DiscountViewModel(b, 0, DiscountPolicy.DEFAULT, approval::approve, TillAudit.NONE, TaskRunner.direct(),
                new I18n(Locale.ENGLISH), () -> done[0]++);
        small.percent(5);
        small.apply();
        assertThat(small.messageProperty().get()).isEqualTo("Choose a reason for the discount.");
        small.reasonProperty().set(DiscountReason.DAMAGED);
        small.apply();
        assertThat(b.lines().get(0).discountCents()).isEqualTo(300);
        assertThat(b.lines().get(0).approvedBy()).isNull();

        DiscountViewModel large = new DiscountViewModel(b, -1, DiscountPolicy.DEFAULT, approval::approve, TillAudit.NONE, TaskRunner.direct(),
                new I18n(Locale.ENGLISH), () -> done[0]++);
        large.percent(30);
        large.reasonProperty().set(DiscountReason.MANAGER_DECISION);
        assertThat(large.needsApprovalProperty().get()).isTrue();
        long before = b.totalCents();
        large.apply();
        assertThat(large.messageProperty().get()).contains("manager enters their PIN");
        large.managerPinProperty().set("1234");
        large.apply();
        assertThat(large.messageProperty().get()).contains("not a manager's PIN");
        assertThat(b.totalCents()).isEqualTo(before);
        large.managerPinProperty().set("9876");
        large.apply();
        assertThat(b.totalCents()).isLessThan(before);
        assertThat(b.lines()).allMatch(l -> "m1".equals(l.approvedBy()));
        assertThat(done[0]).isEqualTo(2);

        DiscountViewModel bad = new DiscountViewModel(b, 1, DiscountPolicy.DEFAULT, approval::approve, TillAudit.NONE, TaskRunner.direct(),
                new I18n(Locale.ENGLISH), () -> done[0]++);
        bad.amountProperty().set("100");
        bad.reasonProperty().set(DiscountReason.DAMAGED);
        bad.apply();
        assertThat(bad.messageProperty().get()).startsWith("Type a discount between");
    }

    @Test
    void aPriceOverrideAlwaysNeedsAManager() {
        Basket b = basket();
        List<String> journaled = new java.util.ArrayList<>();
        TillAudit audit = (type, approvedBy, cents, detail) -> journaled.add(type + " " + approvedBy + " " + cents + " " + detail);
        DiscountViewModel vm = new DiscountViewModel(b, 0, DiscountPolicy.DEFAULT, approval::approve, audit, TaskRunner.direct(),
                new I18n(Locale.ENGLISH), () -> { });
        vm.newUnitPrice("35");
        assertThat(vm.messageProperty().get()).isEqualTo("The new price must be lower than 29,99\u00a0€.");
        vm.newUnitPrice("29,50");
        assertThat(vm.reasonProperty().get()).isEqualTo(DiscountReason.PRICE_OVERRIDE);
        assertThat(vm.amountProperty().get()).isEqualTo("0,98");
        assertThat(vm.needsApprovalProperty().get()).isTrue();
        vm.apply();
        assertThat(b.lines().get(0).discountCents()).isZero();
        vm.managerPinProperty().set("9876");
        vm.apply();
        assertThat(b.lines().get(0).totalCents()).isEqualTo(2 * 2950);
        assertThat(b.lines().get(0).approvedBy()).isEqualTo("m1");
        vm.newUnitPrice("20");
        vm.managerPinProperty().set("1234");
        vm.apply();
        String sku = b.lines().get(0).sku();
        assertThat(journaled).containsExactly("PRICE_OVERRIDDEN m1 98 PRICE_OVERRIDE " + sku, "APPROVAL_REFUSED null 1998 PRICE_OVERRIDE " + sku);
    }

    @Test
    void changingTheQuantityTakesTheDiscountOff() {
        Basket b = basket();
        b.discountLine(0, 500, DiscountReason.DAMAGED, null);
        b.setQuantity(0, 3);
        assertThat(b.lines().get(0).discountCents()).isZero();
        assertThatThrownBy(() -> b.discountLine(1, 700, DiscountReason.DAMAGED, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
