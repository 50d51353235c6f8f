package fr.comptoir.sale;

import java.util.Optional;
import java.util.UUID;

/**
 * Takes back the sale that was being rung up when the app last stopped (a crash, a power cut, a stop):
 * its saved basket, under its own sale id, and its payments as journaled, so that it is completed as
 * the same sale and nothing is charged again. A save from an earlier version (without a sale id, with
 * its payments inside) gets an id and its payments are journaled under it. Blocking (disk).
 */
public final class SaleRecovery {

    /** The saved sale and its payments. */
    public record Recovered(ParkedSale sale, SalePayments.Standing payments) {
        /** Some payment was taken or asked: the sale goes back to its payment, never to a new basket. */
        public boolean paymentsStarted() {
            return !payments.taken().isEmpty() || !payments.unresolved().isEmpty();
        }
    }

    private final ParkedSales store;
    private final PaymentJournal journal;
    private final SalePayments money;

    public SaleRecovery(ParkedSales store, PaymentJournal journal, SalePayments money) {
        this.store = store;
        this.journal = journal;
        this.money = money;
    }

    public Optional<Recovered> recover() {
        Optional<ParkedSale> saved = store.inProgress();
        if (saved.isEmpty()) {
            return Optional.empty();
        }
        ParkedSale sale = saved.get();
        if (sale.saleId() == null) {
            sale = new ParkedSale(sale.id(), "sale-" + UUID.randomUUID(), sale.parkedAt(), sale.parkedBy(), sale.customer(), sale.lines(),
                    sale.deliveryAddress(), java.util.List.of());
            for (Payment p : saved.get().payments()) {
                journal.taken(sale.saleId(), p);
            }
            store.keepInProgress(sale);
        }
        return Optional.of(new Recovered(sale, money.standing(sale.saleId())));
    }
}
