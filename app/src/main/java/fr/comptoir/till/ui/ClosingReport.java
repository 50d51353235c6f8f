package fr.comptoir.till.ui;

import fr.comptoir.common.ReceiptLayout;
import fr.comptoir.sale.VatLine;
import fr.comptoir.sale.ui.ReceiptText;
import fr.comptoir.stores.LegalIdentity;
import fr.comptoir.till.CashMovement;
import fr.comptoir.till.Closing;
import fr.comptoir.till.Denomination;
import fr.comptoir.uikit.I18n;

import java.time.Instant;
import java.time.ZoneId;

/** An X or Z report, a till closing, a month or a year, as printed on the 80 mm printer and kept as PDF. */
public final class ClosingReport {

    private ClosingReport() {
    }

    /**
     * @param x         true for an X report (figures so far, nothing closed)
     * @param software  the software and version, printed at the foot
     * @param staffName a person's name by staff id (blocking: cache), for who closed and who accepted a difference
     */
    public static String text(Closing c, boolean x, String storeName, LegalIdentity legal, String software, I18n i18n, ZoneId zone,
                              java.util.function.Function<String, String> staffName) {
        StringBuilder b = new StringBuilder();
        ReceiptLayout.center(b, storeName);
        if (legal != null) {
            ReceiptLayout.center(b, legal.companyName());
            ReceiptLayout.center(b, i18n.get("receipt.siret", legal.siret()));
        }
        ReceiptLayout.center(b, x ? i18n.get("closing.title.X") : i18n.get("closing.title." + c.kind().name()));
        if (!x) {
            // The id is the terminal's, then the closing's own number: "Z-00012", "M-2026-11".
            String own = c.id().startsWith(c.deviceId() + "-") ? c.id().substring(c.deviceId().length() + 1) : c.id();
            ReceiptLayout.center(b, i18n.get("closing.number", own));
        }
        String device = c.deviceId().length() > 8 ? c.deviceId().substring(c.deviceId().length() - 8) : c.deviceId();
        b.append(i18n.get("closing.terminal", device.toUpperCase(java.util.Locale.ROOT))).append('\n');
        java.time.format.DateTimeFormatter f = i18n.dateTime().withZone(zone);
        b.append(i18n.get("closing.from", f.format(Instant.parse(c.periodStart())))).append('\n');
        b.append(i18n.get("closing.to", f.format(Instant.parse(c.periodEnd())))).append('\n');
        b.append(c.ticketCount() == 0 ? i18n.get("closing.noTickets")
                : i18n.get("closing.tickets", c.firstTicketSeq(), c.lastTicketSeq(), c.ticketCount())).append('\n');
        ReceiptLayout.rule(b);
        row(b, i18n.get("closing.sales", c.salesCount()), c.salesCents(), i18n);
        row(b, i18n.get("closing.returns", c.returnsCount()), -c.returnsCents(), i18n);
        row(b, i18n.get("closing.discounts"), c.discountsCents(), i18n);
        row(b, i18n.get("closing.voids", c.voidCount()), c.voidCents(), i18n);
        ReceiptLayout.rule(b);
        b.append(i18n.get("receipt.vatHeader")).append('\n');
        for (VatLine v : c.vatBreakdown()) {
            b.append(String.format("%-6s %11s %11s %11s%n", ReceiptText.rate(v.rateBasisPoints(), i18n), money(v.baseCents(), i18n),
                    money(v.vatCents(), i18n), money(v.totalCents(), i18n)));
        }
        ReceiptLayout.rule(b);
        b.append(i18n.get("closing.byTender")).append('\n');
        for (Closing.TenderTotal t : c.tenders()) {
            row(b, "  " + i18n.get("tender." + t.tender()), t.cents(), i18n);
        }
        ReceiptLayout.rule(b);
        row(b, i18n.get("closing.periodTotal"), c.totalCents(), i18n);
        row(b, i18n.get("closing.perpetualTotal"), c.perpetualGrandTotalCents(), i18n);
        if (c.cash() != null) {
            Closing.Cash cash = c.cash();
            ReceiptLayout.rule(b);
            b.append(i18n.get("closing.cash")).append('\n');
            row(b, "  " + i18n.get("closing.float"), cash.floatCents(), i18n);
            row(b, "  " + i18n.get("closing.cashTaken"), cash.cashTakenCents(), i18n);
            for (CashMovement m : cash.movements()) {
                row(b, "  " + i18n.get("till.reason." + m.reason().name()), m.signedCents(), i18n);
            }
            row(b, "  " + i18n.get("closing.expected"), cash.expectedCents(), i18n);
            row(b, "  " + i18n.get("closing.counted"), cash.countedCents(), i18n);
            for (Denomination d : Denomination.values()) {
                int n = cash.counted().count(d);
                if (n > 0) {
                    ReceiptLayout.row(b, "    " + n + " × " + money(d.cents(), i18n), money(n * d.cents(), i18n));
                }
            }
            row(b, "  " + i18n.get("closing.difference"), cash.differenceCents(), i18n);
            if (cash.cardCountedCents() != null) {
                row(b, "  " + i18n.get("closing.cardExpected"), cash.cardExpectedCents(), i18n);
                row(b, "  " + i18n.get("closing.cardCounted"), cash.cardCountedCents(), i18n);
            }
            if (c.approvedBy() != null) {
                b.append("  ").append(i18n.get("closing.approvedBy", staffName.apply(c.approvedBy()))).append('\n');
            }
        }
        if (!c.includes().isEmpty()) {
            ReceiptLayout.rule(b);
            b.append(i18n.get("closing.includes", c.includes().size())).append('\n');
        }
        ReceiptLayout.rule(b);
        b.append(i18n.get(x ? "closing.printedBy" : "closing.by", staffName.apply(c.closedBy()))).append('\n');
        b.append(software).append('\n');
        return b.toString();
    }

    private static void row(StringBuilder b, String label, long cents, I18n i18n) {
        ReceiptLayout.row(b, label, money(cents, i18n));
    }

    private static String money(long cents, I18n i18n) {
        return ReceiptLayout.money(cents, i18n.formats());
    }
}
