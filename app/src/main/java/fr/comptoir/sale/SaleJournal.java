package fr.comptoir.sale;

import java.util.Map;
import java.util.Optional;

/**
 * Where completed sales are kept: the sale, its journal record, its outbox entry and its stock
 * movements commit in one transaction, which also forgets the saved basket of that sale. Blocking (disk).
 */
public interface SaleJournal {

    /** The next ticket number of this terminal; taken in the same transaction as the sale it numbers. */
    interface TicketedSale {
        SaleRecord withTicket(long ticketSequence);
    }

    /**
     * Records the sale {@code saleId} once: if it was already recorded (a second tap, a basket restored after
     * a crash that followed the commit), the record kept the first time is returned and nothing is written.
     */
    SaleRecord recordSale(String saleId, TicketedSale sale);

    /** The sale recorded under {@code saleId}, if any. */
    Optional<SaleRecord> recordedSale(String saleId);

    /** The JSON of the last {@code limit} sales recorded at this till, newest first (for reprints). */
    java.util.List<String> recentSales(int limit);

    /** Units sold here and not yet accepted by the central platform, per variant. */
    Map<String, Integer> unconfirmedSales();
}
