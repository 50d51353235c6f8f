package fr.comptoir.sale;

import fr.comptoir.customers.Customer;

import java.time.Clock;
import java.util.List;

/**
 * Turns a paid basket into a sale record, numbered and journaled with its outbox entry and stock
 * movements in one transaction, under the id the basket carried from its first line: once per sale,
 * however often it is asked. Blocking (disk): off the JavaFX thread.
 */
public final class SaleCompletion {

    private final SaleJournal journal;
    private final Clock clock;
    private final java.util.function.BooleanSupplier training;

    public SaleCompletion(SaleJournal journal, Clock clock) {
        this(journal, clock, () -> false);
    }

    /** @param training whether training mode is on: its tickets go to the training chain, numbered on their own */
    public SaleCompletion(SaleJournal journal, Clock clock, java.util.function.BooleanSupplier training) {
        this.journal = journal;
        this.clock = clock;
        this.training = training;
    }

    /** Who sells, where. */
    public record Seller(String storeId, String storeCode, String deviceId, String staffId, String staffName) {
    }

    /**
     * Records the paid sale {@code saleId} (the basket's id, see {@link Basket#saleId()}); recording it
     * again returns the first record and writes nothing.
     *
     * @param deliveryAddress where lines to deliver go; required when one is delivered
     */
    public SaleRecord complete(String saleId, List<BasketLine> lines, Customer customer, java.util.Set<String> cartIds, String deliveryAddress,
                               Checkout checkout, Seller seller) {
        return complete(saleId, lines, customer, cartIds, deliveryAddress, checkout, seller, null);
    }

    /**
     * Records the paid sale {@code saleId} and, in the same transaction, the write of the order whose balance it
     * pays ({@code settlement}, or null): the hand-over of a pickup order (decision 0029).
     */
    public SaleRecord complete(String saleId, List<BasketLine> lines, Customer customer, java.util.Set<String> cartIds, String deliveryAddress,
                               Checkout checkout, Seller seller, OrderSettlement settlement) {
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("empty-basket");
        }
        if (lines.stream().anyMatch(l -> BasketLine.HOME.equals(l.fulfilment())) && (deliveryAddress == null || deliveryAddress.isBlank())) {
            throw new IllegalArgumentException("delivery-address-required");
        }
        // An order to collect in another store is handed over to someone: the sale names who.
        if (customer == null && lines.stream().anyMatch(l -> l.fulfilment() != null && l.fulfilment().startsWith(BasketLine.PICKUP))) {
            throw new IllegalArgumentException("pickup-needs-customer");
        }
        if (settlement != null && !lines.stream().allMatch(l -> (BasketLine.ORDER + settlement.orderId()).equals(l.fulfilment()))) {
            throw new IllegalArgumentException("settlement-lines-only");
        }
        if (!checkout.isPaid()) {
            throw new IllegalStateException("not-paid");
        }
        long total = lines.stream().mapToLong(BasketLine::totalCents).sum();
        if (total != checkout.dueCents()) {
            throw new IllegalStateException("basket-changed-during-payment");
        }
        String at = clock.instant().toString();
        String deviceTag = seller.deviceId().length() > 8 ? seller.deviceId().substring(seller.deviceId().length() - 8) : seller.deviceId();
        if (training.getAsBoolean()) {
            if (settlement != null || lines.stream().anyMatch(l -> l.returnOf() != null || !l.takenNow())) {
                throw new IllegalArgumentException("not-in-training");
            }
            return journal.recordTrainingSale(saleId, seq -> new SaleRecord(saleId, String.format("%s%06d", SaleRecord.TRAINING_PREFIX, seq),
                    seller.storeId(), seller.deviceId(), seller.staffId(), seller.staffName(),
                    customer == null ? null : customer.id(), customer == null ? null : customer.fullName(), at, List.copyOf(lines),
                    checkout.payments(), total, checkout.changeCents(), Vat.breakdown(lines), List.of(), null, SaleRecord.typeOf(lines)));
        }
        return journal.recordSale(saleId, settlement, seq -> new SaleRecord(saleId, String.format("%s-%s-%06d", seller.storeCode(), deviceTag.toUpperCase(), seq),
                seller.storeId(), seller.deviceId(), seller.staffId(), seller.staffName(),
                customer == null ? null : customer.id(), customer == null ? null : customer.fullName(), at, List.copyOf(lines),
                checkout.payments(), total, checkout.changeCents(), Vat.breakdown(lines), List.copyOf(cartIds), deliveryAddress,
                SaleRecord.typeOf(lines)));
    }
}
