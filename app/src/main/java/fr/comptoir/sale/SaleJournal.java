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
    /**
     * Records a training ticket once (decision 0032): numbered on its own in the training chain, with no outbox
     * entry and no stock movement.
     */
    default SaleRecord recordTrainingSale(String saleId, TicketedSale sale) {
        throw new UnsupportedOperationException("This journal keeps no training tickets");
    }

    default SaleRecord recordSale(String saleId, TicketedSale sale) {
        return recordSale(saleId, null, sale);
    }

    /**
     * Records the sale {@code saleId} once, as {@link #recordSale(String, TicketedSale)}, and with it, in the same
     * transaction, the write of the order whose balance it pays (null: none). That write's idempotency key is
     * journaled once: if this terminal already has it, the sale is still recorded (the money was taken,
     * decision 0027) and the write is not journaled twice.
     */
    SaleRecord recordSale(String saleId, OrderSettlement settlement, TicketedSale sale);

    /** The sale recorded under {@code saleId}, if any. */
    Optional<SaleRecord> recordedSale(String saleId);

    /** The JSON of the last {@code limit} sales recorded at this till, newest first (for reprints). */
    java.util.List<String> recentSales(int limit);

    /** Units sold here and not yet accepted by the central platform, per variant. */
    Map<String, Integer> unconfirmedSales();
}
