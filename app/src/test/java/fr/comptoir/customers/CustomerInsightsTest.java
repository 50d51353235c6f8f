package fr.comptoir.customers;

import fr.comptoir.orders.Order;
import fr.comptoir.orders.OrderLine;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CustomerInsightsTest {

    static Order order(String id, String at, Order.OrderStatus status, OrderLine... lines) {
        long total = 0;
        for (OrderLine l : lines) {
            total += l.quantity() * l.unitPriceCents();
        }
        return new Order(id, id, "c", Order.Channel.WEB, null, status, at, total, List.of(lines));
    }

    static OrderLine line(String variant, int qty, long price, int returned) {
        return new OrderLine(variant + "-l", variant, variant, variant, qty, price, 2000, returned);
    }

    @Test
    void spendIsNetOfReturnsAndCancelledOrdersCountForNothing() {
        List<Order> orders = List.of(
                order("o1", "2026-11-02T10:00:00Z", Order.OrderStatus.DELIVERED, line("v1", 2, 2999, 1), line("v2", 1, 5000, 0)),
                order("o2", "2026-05-10T10:00:00Z", Order.OrderStatus.COMPLETED, line("v3", 1, 1000, 0)),
                order("o3", "2026-06-10T10:00:00Z", Order.OrderStatus.CANCELLED, line("v3", 9, 1000, 0)),
                order("o4", "2020-01-01T10:00:00Z", Order.OrderStatus.COMPLETED, line("v3", 1, 700, 0)));
        Map<String, PurchasedItem> items = Map.of(
                "v1", new PurchasedItem("v1", "Femme > Robes", "M"),
                "v2", new PurchasedItem("v2", "Chaussures", "38"),
                "v3", new PurchasedItem("v3", "Femme > Robes", "M"));

        CustomerInsights i = CustomerInsights.of(orders, items, LocalDate.of(2026, 11, 20), ZoneOffset.UTC, 8);

        assertThat(i.lifetimeSpendCents()).isEqualTo(2999 + 5000 + 1000 + 700);
        assertThat(i.orderCount()).isEqualTo(3);
        assertThat(i.spendByQuarter()).hasSize(8).containsEntry("2026-Q4", 7999L).containsEntry("2026-Q2", 1000L)
                .containsEntry("2025-Q1", 0L).doesNotContainKey("2020-Q1");
        assertThat(i.spendByQuarter().keySet()).first().isEqualTo("2025-Q1");
        assertThat(i.favouriteCategories()).containsExactly("Femme > Robes", "Chaussures");
        assertThat(i.favouriteSizes()).containsExactly("M", "38");
    }

    @Test
    void spendIsWhatWasPaidAfterDiscountsLessTheShareReturned() {
        // A store sale of 2 × 50 € and 1 × 20 € paid 96 € after a promotion; one 50 € item came back.
        Order sale = new Order("s1", "T-1", "c", Order.Channel.STORE, "st", Order.OrderStatus.COMPLETED, "2026-11-02T10:00:00Z", 9_600,
                List.of(line("v1", 2, 5_000, 1), line("v2", 1, 2_000, 0)));
        CustomerInsights i = CustomerInsights.of(List.of(sale), Map.of(), LocalDate.of(2026, 11, 20), ZoneOffset.UTC, 4);
        assertThat(i.lifetimeSpendCents()).isEqualTo(5_600);
        assertThat(i.spendByQuarter()).containsEntry("2026-Q4", 5_600L);
    }

    @Test
    void whenEachLineSaysWhatWasPaidSpendIsThatLessWhatItsReturnsRefundedToTheCent() {
        // Two tops at 35,99 under "10 % from two" (64,78 paid), one came back (32,39 refunded); a scarf at 19,99.
        Order web = new Order("w1", "W-1", "c", Order.Channel.WEB, null, Order.OrderStatus.DELIVERED, "2026-11-02T10:00:00Z", 8_477,
                List.of(new OrderLine("l1", "v1", "S", "Top", 2, 3_599, 2000, 1, 6_478L), new OrderLine("l2", "v2", "S", "Foulard", 1, 1_999, 2000, 0,
                        1_999L)));
        CustomerInsights i = CustomerInsights.of(List.of(web), Map.of(), LocalDate.of(2026, 11, 20), ZoneOffset.UTC, 4);
        assertThat(i.lifetimeSpendCents()).isEqualTo(6_478 - 3_239 + 1_999);
    }

    @Test
    void aCustomerWithNoOrders() {
        CustomerInsights i = CustomerInsights.of(List.of(), Map.of(), LocalDate.of(2026, 1, 5), ZoneOffset.UTC, 4);
        assertThat(i.lifetimeSpendCents()).isZero();
        assertThat(i.spendByQuarter()).containsOnlyKeys("2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1");
        assertThat(i.favouriteCategories()).isEmpty();
    }
}
