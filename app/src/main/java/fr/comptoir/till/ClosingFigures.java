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

/** The figures of a period, to the cent, from its tickets and its till events. */
public record ClosingFigures(int ticketCount, int salesCount, int returnsCount, long salesCents, long returnsCents, long totalCents,
                             List<VatLine> vatBreakdown, List<Closing.TenderTotal> tenders, long discountsCents, int voidCount,
                             long voidCents, long cashTakenCents, long cardCents) {

    public static ClosingFigures of(List<SaleRecord> tickets, List<TillEvent> events) {
        int sales = 0;
        int returns = 0;
        long salesCents = 0;
        long returnsCents = 0;
        long total = 0;
        long discounts = 0;
        Map<Integer, long[]> vat = new TreeMap<>(java.util.Comparator.reverseOrder());
        Map<String, Long> tenders = new TreeMap<>();
        for (SaleRecord t : tickets) {
            if (t.type() == SaleRecord.Type.SALE) {
                sales++;
            } else {
                returns++;
            }
            for (BasketLine l : t.lines()) {
                if (l.returned()) {
                    returnsCents += -l.totalCents();
                } else {
                    salesCents += l.totalCents();
                    discounts += l.discountCents() + l.promotionCents();
                }
            }
            total += t.totalCents();
            for (VatLine v : t.vatBreakdown()) {
                long[] sum = vat.computeIfAbsent(v.rateBasisPoints(), r -> new long[3]);
                sum[0] += v.baseCents();
                sum[1] += v.vatCents();
                sum[2] += v.totalCents();
            }
            for (Payment p : t.payments()) {
                tenders.merge(p.tender().name(), p.amountCents(), Long::sum);
            }
        }
        List<VatLine> vatLines = new ArrayList<>();
        vat.forEach((rate, s) -> vatLines.add(new VatLine(rate, s[0], s[1], s[2])));
        List<Closing.TenderTotal> tenderTotals = new ArrayList<>();
        tenders.forEach((tender, cents) -> tenderTotals.add(new Closing.TenderTotal(tender, cents)));
        int voids = 0;
        long voidCents = 0;
        for (TillEvent e : events) {
            if (e.type() == TillEvent.Type.LINE_VOIDED || e.type() == TillEvent.Type.SALE_VOIDED) {
                voids++;
                voidCents += e.amountCents();
            }
        }
        return new ClosingFigures(tickets.size(), sales, returns, salesCents, returnsCents, total, vatLines, tenderTotals, discounts, voids,
                voidCents, tenders.getOrDefault(Payment.Tender.CASH.name(), 0L), tenders.getOrDefault(Payment.Tender.CARD.name(), 0L));
    }

    /** The figures of several closings together (a month of days, a year of months). */
    public static ClosingFigures sum(List<Closing> closings) {
        int tickets = 0;
        int sales = 0;
        int returns = 0;
        long salesCents = 0;
        long returnsCents = 0;
        long total = 0;
        long discounts = 0;
        int voids = 0;
        long voidCents = 0;
        Map<Integer, long[]> vat = new TreeMap<>(java.util.Comparator.reverseOrder());
        Map<String, Long> tenders = new TreeMap<>();
        for (Closing c : closings) {
            tickets += c.ticketCount();
            sales += c.salesCount();
            returns += c.returnsCount();
            salesCents += c.salesCents();
            returnsCents += c.returnsCents();
            total += c.totalCents();
            discounts += c.discountsCents();
            voids += c.voidCount();
            voidCents += c.voidCents();
            for (VatLine v : c.vatBreakdown()) {
                long[] sum = vat.computeIfAbsent(v.rateBasisPoints(), r -> new long[3]);
                sum[0] += v.baseCents();
                sum[1] += v.vatCents();
                sum[2] += v.totalCents();
            }
            for (Closing.TenderTotal t : c.tenders()) {
                tenders.merge(t.tender(), t.cents(), Long::sum);
            }
        }
        List<VatLine> vatLines = new ArrayList<>();
        vat.forEach((rate, s) -> vatLines.add(new VatLine(rate, s[0], s[1], s[2])));
        List<Closing.TenderTotal> tenderTotals = new ArrayList<>();
        tenders.forEach((tender, cents) -> tenderTotals.add(new Closing.TenderTotal(tender, cents)));
        return new ClosingFigures(tickets, sales, returns, salesCents, returnsCents, total, vatLines, tenderTotals, discounts, voids, voidCents,
                tenders.getOrDefault(Payment.Tender.CASH.name(), 0L), tenders.getOrDefault(Payment.Tender.CARD.name(), 0L));
    }
}
