package fr.comptoir.sale;

import java.util.Map;

/**
 * Where completed sales are kept: the sale, its journal record, its outbox entry and its stock
 * movements commit in one transaction. Blocking (disk).
 */
public interface SaleJournal {

    /** The next ticket number of this terminal; taken in the same transaction as the sale it numbers. */
    interface TicketedSale {
        SaleRecord withTicket(long ticketSequence);
    }

    SaleRecord recordSale(TicketedSale sale);

    /** The JSON of the last {@code limit} sales recorded at this till, newest first (for reprints). */
    java.util.List<String> recentSales(int limit);

    /** Units sold here and not yet confirmed by the central platform, per variant. */
    Map<String, Integer> unconfirmedSales();
}
