package fr.comptoir.sale;

import fr.comptoir.customers.Customer;

import java.util.List;

/**
 * A basket set aside (the customer went to try something on) to be taken up again at this till; also
 * the shape in which the basket in progress is saved against a crash.
 *
 * @param saleId          the id the sale will be recorded under (null in saves of earlier versions: a new one is drawn)
 * @param deliveryAddress where lines ordered for home delivery go, or null
 * @param payments        payments taken for a basket in progress, as saved by earlier versions; payments are
 *                        now journaled on their own (see {@link PaymentJournal}) and this list stays empty
 * @param settlement      the order this basket pays the balance of, with its hand-over (a basket in progress
 *                        only: such a basket is never parked), or null
 */
public record ParkedSale(String id, String saleId, String parkedAt, String parkedBy, Customer customer, List<BasketLine> lines,
                         String deliveryAddress, List<Payment> payments, OrderSettlement settlement) {

    public ParkedSale {
        lines = lines == null ? List.of() : List.copyOf(lines);
        payments = payments == null ? List.of() : List.copyOf(payments);
    }

    /** A basket that settles no order. */
    public ParkedSale(String id, String saleId, String parkedAt, String parkedBy, Customer customer, List<BasketLine> lines,
                      String deliveryAddress, List<Payment> payments) {
        this(id, saleId, parkedAt, parkedBy, customer, lines, deliveryAddress, payments, null);
    }

    /** The basket as it is now, nothing paid yet. */
    public static ParkedSale of(Basket basket, String id, String at, String by) {
        return new ParkedSale(id, basket.saleId(), at, by, basket.customer(), basket.lines(), basket.deliveryAddress(), List.of(),
                basket.settlement());
    }

    public long totalCents() {
        return lines.stream().mapToLong(BasketLine::totalCents).sum();
    }
}
