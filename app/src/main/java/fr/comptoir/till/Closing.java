package fr.comptoir.till;

import fr.comptoir.sale.VatLine;

import java.util.List;

/**
 * A closing as the chain of closings keeps it and the platform receives it ({@code POST /v1/stores/{storeId}/closings}):
 * the till's cash session ({@code TILL}), the day ({@code DAY}, the Z), the month or the year. A till or day
 * closing covers the tickets numbered after the previous one of its kind up to {@code lastTicketSeq}: a ticket
 * recorded afterwards always has a higher number and belongs to the next period, so a period once closed is
 * sealed (decision 0032). A month sums the days closed in it, a year its months.
 *
 * @param approvedBy               the manager who accepted a cash difference above the limit, or null
 * @param totalCents               the period's grand total: what the tickets of the period add up to
 * @param perpetualGrandTotalCents every ticket ever recorded by this till, up to the period's last
 * @param cash                     the drawer's count (till closings only)
 * @param includes                 the closings a month or a year sums, by id
 */
public record Closing(String id, Kind kind, String storeId, String deviceId, String periodStart, String periodEnd, String closedAt,
                      String closedBy, String approvedBy, int ticketCount, int salesCount, int returnsCount, long salesCents,
                      long returnsCents, long totalCents, List<VatLine> vatBreakdown, List<TenderTotal> tenders, long discountsCents,
                      int voidCount, long voidCents, long perpetualGrandTotalCents, long firstTicketSeq, long lastTicketSeq, Cash cash,
                      List<String> includes) {

    public enum Kind { TILL, DAY, MONTH, YEAR }

    /** What was taken or handed back in one way of paying. */
    public record TenderTotal(String tender, long cents) {
    }

    /**
     * The drawer at the close of a cash session: counted blind, then compared.
     *
     * @param cardCountedCents the card terminal's own total, as the person read it from its report (null: not counted)
     */
    public record Cash(String sessionId, long floatCents, long cashTakenCents, long movementsCents, long expectedCents, CashCount counted,
                       long countedCents, long differenceCents, Long cardExpectedCents, Long cardCountedCents, List<CashMovement> movements) {
    }
}
