package fr.comptoir.till;

import fr.comptoir.sale.BasketLine;
import fr.comptoir.sale.Payment;
import fr.comptoir.sale.SaleRecord;
import fr.comptoir.sale.TillEvent;
import fr.comptoir.sale.VatLine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The figures of a period, to the cent, from its tickets and its till events, or from the closings it sums. */
public record ClosingFigures(int ticketCount, int salesCount, int returnsCount, long salesCents, long returnsCents, long totalCents,
                             List<VatLine> vatBreakdown, List<Closing.TenderTotal> tenders, long discountsCents, int voidCount,
                             long voidCents, long cashTakenCents, long cardCents) {

    public static ClosingFigures of(List<SaleRecord> tickets, List<TillEvent> events) {
        Sums s = new Sums();
        for (SaleRecord t : tickets) {
            s.tickets++;
            if (t.type() == SaleRecord.Type.SALE) {
                s.sales++;
            } else {
                s.returns++;
            }
            for (BasketLine l : t.lines()) {
                if (l.returned()) {
                    s.returnsCents += -l.totalCents();
                } else {
                    s.salesCents += l.totalCents();
                    s.discounts += l.discountCents() + l.promotionCents();
                }
            }
            s.total += t.totalCents();
            t.vatBreakdown().forEach(s::vat);
            t.payments().forEach(p -> s.tender(p.tender().name(), p.amountCents()));
        }
        for (TillEvent e : events) {
            if (e.type() == TillEvent.Type.LINE_VOIDED || e.type() == TillEvent.Type.SALE_VOIDED) {
                s.voids++;
                s.voidCents += e.amountCents();
            }
        }
        return s.figures();
    }

    /** The figures of several closings together (a month of days, a year of months). */
    public static ClosingFigures sum(List<Closing> closings) {
        Sums s = new Sums();
        for (Closing c : closings) {
            s.tickets += c.ticketCount();
            s.sales += c.salesCount();
            s.returns += c.returnsCount();
            s.salesCents += c.salesCents();
            s.returnsCents += c.returnsCents();
            s.total += c.totalCents();
            s.discounts += c.discountsCents();
            s.voids += c.voidCount();
            s.voidCents += c.voidCents();
            c.vatBreakdown().forEach(s::vat);
            c.tenders().forEach(t -> s.tender(t.tender(), t.cents()));
        }
        return s.figures();
    }

    /** Running sums, per VAT rate (highest rate first) and per tender. */
    private static final class Sums {
        int tickets;
        int sales;
        int returns;
        long salesCents;
        long returnsCents;
        long total;
        long discounts;
        int voids;
        long voidCents;
        final Map<Integer, long[]> vat = new TreeMap<>(java.util.Comparator.reverseOrder());
        final Map<String, Long> tenders = new TreeMap<>();

        void vat(VatLine v) {
            long[] sum = vat.computeIfAbsent(v.rateBasisPoints(), r -> new long[3]);
            sum[0] += v.baseCents();
            sum[1] += v.vatCents();
            sum[2] += v.totalCents();
        }

        void tender(String tender, long cents) {
            tenders.merge(tender, cents, Long::sum);
        }

        ClosingFigures figures() {
            List<VatLine> vatLines = new ArrayList<>();
            vat.forEach((rate, s) -> vatLines.add(new VatLine(rate, s[0], s[1], s[2])));
            List<Closing.TenderTotal> tenderTotals = new ArrayList<>();
            tenders.forEach((tender, cents) -> tenderTotals.add(new Closing.TenderTotal(tender, cents)));
            return new ClosingFigures(tickets, sales, returns, salesCents, returnsCents, total, vatLines, tenderTotals, discounts, voids, voidCents,
                    tenders.getOrDefault(Payment.Tender.CASH.name(), 0L), tenders.getOrDefault(Payment.Tender.CARD.name(), 0L));
        }
    }
}
