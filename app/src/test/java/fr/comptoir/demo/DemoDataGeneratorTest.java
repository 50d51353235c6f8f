package fr.comptoir.demo;

import fr.comptoir.catalog.Product;
import fr.comptoir.customers.Customer;
import fr.comptoir.orders.Order;
import fr.comptoir.stores.Store;
import fr.comptoir.comptoirapi.WireJson;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class DemoDataGeneratorTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);

    private static Map<String, List<Object>> generate(long seed) {
        Map<String, List<Object>> byFeed = new HashMap<>();
        new DemoDataGenerator(DemoSize.TINY, seed, TODAY).generate((feed, id, scope, record) ->
                byFeed.computeIfAbsent(feed, f -> new ArrayList<>()).add(record));
        return byFeed;
    }

    @Test
    void isDeterministicForASeed() {
        assertThat(WireJson.encode(generate(7).get("orders"))).isEqualTo(WireJson.encode(generate(7).get("orders")));
        assertThat(WireJson.encode(generate(7).get("customers"))).isNotEqualTo(WireJson.encode(generate(8).get("customers")));
    }

    @Test
    void generatesAFrenchChainWithValidBarcodesAndVatRates() {
        Map<String, List<Object>> data = generate(42);
        List<Store> stores = data.get("stores").stream().map(Store.class::cast).toList();
        assertThat(stores).hasSize(6).anyMatch(s -> s.type() == Store.StoreType.WAREHOUSE);
        assertThat(data.get("products")).hasSize(DemoSize.TINY.products);
        Set<String> eans = new HashSet<>();
        Set<Integer> vat = new HashSet<>();
        for (Object o : data.get("products")) {
            Product p = (Product) o;
            vat.add(p.vatRateBasisPoints());
            p.variants().forEach(v -> {
                assertThat(Ean13.isValid(v.ean())).as(v.ean()).isTrue();
                assertThat(eans.add(v.ean())).as("unique EAN").isTrue();
            });
        }
        assertThat(vat).contains(2000, 550);
        List<Customer> customers = data.get("customers").stream().map(Customer.class::cast).toList();
        assertThat(customers).hasSize(DemoSize.TINY.customers);
        assertThat(customers.get(0).fullName()).isEqualTo("Hélène Martin");
        assertThat(customers).anyMatch(c -> c.lastName().contains(" ") || c.lastName().contains("-") || c.lastName().contains("'"));
        assertThat(customers).anyMatch(c -> c.phone() != null && c.phone().startsWith("+33"));
        assertThat(customers).allMatch(c -> c.loyaltyCard() == null || Ean13.isValid(c.loyaltyCard()));
    }

    @Test
    void everyStoreHasClickAndCollectOrdersInEveryStateAndThereArePastReturns() {
        List<Order> orders = generate(42).get("orders").stream().map(Order.class::cast).toList();
        assertThat(orders).hasSize(DemoSize.TINY.orders);
        for (String[] s : DemoDataGenerator.STORES) {
            String storeId = "st-" + s[0].toLowerCase();
            Set<Order.OrderStatus> states = new HashSet<>();
            orders.stream().filter(o -> storeId.equals(o.storeId()) && o.channel() != Order.Channel.STORE).forEach(o -> states.add(o.status()));
            assertThat(states).as(storeId).contains(Order.OrderStatus.PLACED, Order.OrderStatus.READY_FOR_PICKUP,
                    Order.OrderStatus.COLLECTED, Order.OrderStatus.PARTLY_COLLECTED, Order.OrderStatus.EXPIRED);
        }
        assertThat(orders).extracting(Order::channel).contains(Order.Channel.WEB, Order.Channel.APP, Order.Channel.STORE);
        assertThat(orders).anyMatch(o -> o.lines().stream().anyMatch(l -> l.returnedQuantity() > 0));
        List<fr.comptoir.pickups.Pickup> pickups = generate(42).get("pickups").stream().map(fr.comptoir.pickups.Pickup.class::cast).toList();
        Set<String> pickupOrders = new HashSet<>(pickups.stream().map(fr.comptoir.pickups.Pickup::orderId).toList());
        assertThat(orders).filteredOn(o -> !pickupOrders.contains(o.id()))
                .allMatch(o -> o.totalCents() == o.lines().stream().mapToLong(fr.comptoir.orders.OrderLine::paid).sum());
        // Online, two of an item are 10 % off: what a return refunds from is what was paid.
        assertThat(orders).anyMatch(o -> o.lines().stream().anyMatch(l -> l.paid() < l.unitPriceCents() * l.quantity()));
        // Hélène Martin brings back last week's web order at the returns counter.
        assertThat(orders).anyMatch(o -> "cus-1".equals(o.customerId()) && o.channel() == Order.Channel.WEB
                && o.placedAt().startsWith(TODAY.minusDays(5).toString())
                && o.lines().stream().anyMatch(l -> l.quantity() == 2 && l.paid() < 2 * l.unitPriceCents()));
        // Pickups: their web promotions are in the line totals, and the queue has every case the desk meets.
        assertThat(pickups).allMatch(p -> p.totalCents() == p.lines().stream().mapToLong(fr.comptoir.pickups.Pickup.PickupLine::lineTotalCents).sum());
        assertThat(pickups).filteredOn(p -> p.storeId().equals("st-par01")).hasSize(5 * 6);
        assertThat(pickups).anyMatch(p -> !p.proxies().isEmpty());
        assertThat(pickups).anyMatch(p -> p.paidCents() == 0);
        assertThat(pickups).anyMatch(p -> p.paidCents() > 0 && p.paidCents() < p.totalCents());
        assertThat(pickups).anyMatch(p -> p.customerId() == null && p.customer() != null);
        assertThat(pickups).anyMatch(p -> p.lines().size() > 1 && p.lines().stream().anyMatch(l -> l.size() != null));
        assertThat(pickups).filteredOn(p -> p.status() == fr.comptoir.pickups.PickupStatus.PARTLY_COLLECTED).allMatch(p -> p.openUnits() > 0);
        assertThat(orders).filteredOn(o -> "cus-1".equals(o.customerId())).extracting(Order::channel)
                .contains(Order.Channel.WEB, Order.Channel.STORE);
    }

    @Test
    void ean13CheckDigitMatchesAKnownCode() {
        assertThat(Ean13.withCheckDigit("376123456789")).hasSize(13);
        assertThat(Ean13.isValid("4006381333931")).isTrue();
        assertThat(Ean13.isValid("4006381333932")).isFalse();
    }
}
