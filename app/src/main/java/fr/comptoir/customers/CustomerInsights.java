package fr.comptoir.customers;

import fr.comptoir.orders.Order;
import fr.comptoir.orders.OrderLine;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a customer's history says about them: lifetime spend (what was paid, net of returns), spend per quarter,
 * favourite categories and sizes. Pure computation over orders; money in cents.
 */
public record CustomerInsights(long lifetimeSpendCents, int orderCount, Map<String, Long> spendByQuarter,
                               List<String> favouriteCategories, List<String> favouriteSizes) {

    /** Orders that were cancelled count for nothing. */
    public static CustomerInsights of(List<Order> orders, Map<String, PurchasedItem> items, LocalDate today, ZoneId zone, int quarters) {
        long lifetime = 0;
        int count = 0;
        Map<String, Long> byQuarter = new LinkedHashMap<>();
        LocalDate thisQuarter = today.withDayOfMonth(1).withMonth((today.getMonthValue() - 1) / 3 * 3 + 1);
        LocalDate start = thisQuarter.minusMonths(3L * (quarters - 1));
        for (LocalDate q = start; !q.isAfter(today); q = q.plusMonths(3)) {
            byQuarter.put(quarter(q), 0L);
        }
        Map<String, Integer> categories = new HashMap<>();
        Map<String, Integer> sizes = new HashMap<>();
        for (Order o : orders) {
            if (o.status() == Order.OrderStatus.CANCELLED) {
                continue;
            }
            count++;
            long exact = 0;
            long gross = 0;
            long keptGross = 0;
            boolean linesSayWhatWasPaid = !o.lines().isEmpty() && o.lines().stream().allMatch(l -> l.paidCents() != null);
            for (OrderLine l : o.lines()) {
                int kept = l.quantity() - l.returnedQuantity();
                // What was paid for the line (after promotions and discounts), less what its returns refunded.
                exact += l.keptPaid();
                gross += l.quantity() * l.unitPriceCents();
                keptGross += kept * l.unitPriceCents();
                PurchasedItem item = items.get(l.variantId());
                if (item != null && kept > 0) {
                    if (item.category() != null) {
                        categories.merge(item.category(), kept, Integer::sum);
                    }
                    if (item.size() != null) {
                        sizes.merge(item.size(), kept, Integer::sum);
                    }
                }
            }
            // A platform that does not say what each line was paid: the order's total shared over what was kept.
            long net = linesSayWhatWasPaid ? exact : gross == 0 || o.totalCents() <= 0 ? keptGross
                    : java.math.BigDecimal.valueOf(o.totalCents()).multiply(java.math.BigDecimal.valueOf(keptGross))
                    .divide(java.math.BigDecimal.valueOf(gross), 0, java.math.RoundingMode.HALF_UP).longValueExact();
            lifetime += net;
            String q = quarter(LocalDate.ofInstant(Instant.parse(o.placedAt()), zone));
            if (byQuarter.containsKey(q)) {
                byQuarter.merge(q, net, Long::sum);
            }
        }
        return new CustomerInsights(lifetime, count, byQuarter, top(categories, 2), top(sizes, 3));
    }

    private static String quarter(LocalDate d) {
        YearMonth m = YearMonth.from(d);
        return m.getYear() + "-Q" + ((m.getMonthValue() - 1) / 3 + 1);
    }

    private static List<String> top(Map<String, Integer> counts, int n) {
        List<Map.Entry<String, Integer>> entries = new ArrayList<>(counts.entrySet());
        entries.sort(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()));
        return entries.stream().limit(n).map(Map.Entry::getKey).toList();
    }
}
