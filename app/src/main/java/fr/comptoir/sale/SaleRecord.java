package fr.comptoir.sale;

import java.util.List;

/**
 * A completed ticket of the till as the journal keeps it and the central platform receives it
 * ({@code POST /v1/stores/{storeId}/sales}): a sale, a return (lines with negative quantities, a negative
 * total refunded through negative payments) or an exchange (both).
 *
 * @param ticketNumber    sequential per terminal, without gaps
 * @param deliveryAddress where lines to deliver go (null when none is delivered)
 * @param type            what the ticket is; records of earlier versions, without it, are sales
 */
public record SaleRecord(String id, String ticketNumber, String storeId, String deviceId, String staffId, String staffName,
                         String customerId, String customerName, String completedAt, List<BasketLine> lines,
                         List<Payment> payments, long totalCents, long changeCents, List<VatLine> vatBreakdown,
                         List<String> continuedCartIds, String deliveryAddress, Type type) {

    /** What a ticket is. */
    public enum Type { SALE, RETURN, EXCHANGE }

    public SaleRecord {
        if (type == null) {
            type = Type.SALE;
        }
    }

    /** The prefix of a training ticket's number (decision 0032). */
    public static final String TRAINING_PREFIX = "FORMATION-";

    /** Whether this is a ticket of training mode: worth nothing, never sent. */
    public boolean trainingTicket() {
        return ticketNumber != null && ticketNumber.startsWith(TRAINING_PREFIX);
    }

    /** A ticket of lines: a sale when nothing comes back, a return when everything does, else an exchange. */
    public static Type typeOf(List<BasketLine> lines) {
        boolean in = lines.stream().anyMatch(BasketLine::returned);
        boolean out = lines.stream().anyMatch(l -> !l.returned());
        return in && out ? Type.EXCHANGE : in ? Type.RETURN : Type.SALE;
    }
}
