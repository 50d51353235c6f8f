package fr.comptoir.sale;

import java.util.List;

/**
 * A completed store sale as the journal keeps it and the central platform receives it
 * ({@code POST /v1/stores/{storeId}/sales}).
 *
 * @param ticketNumber    sequential per terminal, without gaps
 * @param deliveryAddress where lines to deliver go (null when none is delivered)
 */
public record SaleRecord(String id, String ticketNumber, String storeId, String deviceId, String staffId, String staffName,
                         String customerId, String customerName, String completedAt, List<BasketLine> lines,
                         List<Payment> payments, long totalCents, long changeCents, List<VatLine> vatBreakdown,
                         List<String> continuedCartIds, String deliveryAddress) {
}
