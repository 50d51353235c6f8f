package fr.comptoir.sale.ui;

import fr.comptoir.common.Money;
import fr.comptoir.sale.BasketLine;
import fr.comptoir.sale.Payment;
import fr.comptoir.sale.SaleRecord;
import fr.comptoir.sale.VatLine;
import fr.comptoir.uikit.I18n;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * A sale's receipt as text, 42 columns wide like a receipt printer's paper, in the terminal's
 * language: store, date and time, ticket number, lines, VAT per rate, tenders, change, cashier and
 * customer. A reprint is marked as a duplicate.
 */
public final class ReceiptText {

    static final int WIDTH = fr.comptoir.common.ReceiptLayout.WIDTH;

    private ReceiptText() {
    }

    public static String of(SaleRecord sale, String storeName, I18n i18n, boolean duplicate) {
        return of(sale, storeName, i18n, duplicate, id -> id);
    }

    public static String of(SaleRecord sale, String storeName, I18n i18n, boolean duplicate,
                            java.util.function.Function<String, String> locationNames) {
        return of(sale, storeName, i18n, duplicate, locationNames, null);
    }

    /**
     * @param locationNames the name of a store by its id, for lines collected elsewhere
     * @param proof         what proves the receipt is the till's (decision 0031); null for a preview
     */
    public static String of(SaleRecord sale, String storeName, I18n i18n, boolean duplicate,
                            java.util.function.Function<String, String> locationNames, fr.comptoir.sale.ReceiptProof proof) {
        StringBuilder b = new StringBuilder();
        if (proof != null && proof.training()) {
            center(b, i18n.get("training.receipt"));
        }
        center(b, storeName);
        if (proof != null && proof.seller() != null) {
            fr.comptoir.stores.LegalIdentity l = proof.seller();
            center(b, l.companyName());
            center(b, l.address());
            center(b, i18n.get("receipt.siret", l.siret()));
            center(b, i18n.get("receipt.vatNumber", l.vatNumber()));
        }
        if (proof != null && proof.copyNumber() > 0) {
            center(b, i18n.get("receipt.duplicateNumber", proof.copyNumber()));
        } else if (duplicate) {
            center(b, i18n.get("receipt.duplicate"));
        }
        DateTimeFormatter f = i18n.dateTime();
        b.append(f.format(Instant.parse(sale.completedAt()))).append('\n');
        b.append(i18n.get("receipt.ticket", sale.ticketNumber())).append('\n');
        if (sale.type() != SaleRecord.Type.SALE) {
            // "Ticket de retour": which orders or tickets it partly cancels, as French stores print it.
            center(b, i18n.get(sale.type() == SaleRecord.Type.RETURN ? "receipt.returnTitle" : "receipt.exchangeTitle"));
            sale.lines().stream().filter(l -> l.returnOf() != null && !l.returnOf().noReceipt()).map(l -> l.returnOf().orderNumber()).distinct()
                    .forEach(n -> wrap(b, "", i18n.get("receipt.cancelsPartly", n), ""));
        }
        rule(b);
        for (BasketLine l : sale.lines()) {
            wrap(b, "", l.label(), "");
            row(b, "  " + l.quantity() + " × " + money(l.unitPriceCents(), i18n), money(l.grossCents(), i18n));
            if (l.returnOf() != null) {
                if (l.discountCents() != 0) {
                    wrap(b, "  ", i18n.get("receipt.asPaid"), "+" + money(-l.discountCents(), i18n));
                }
                wrap(b, "  ", i18n.get("receipt.returnReason", i18n.get("returns.reason." + l.returnOf().reason().name())), "");
            }
            if (!l.takenNow()) {
                String ordered = l.settlesOrder() ? i18n.get("receipt.orderBalance")
                        : BasketLine.HOME.equals(l.fulfilment()) ? i18n.get("receipt.orderedHome")
                        : i18n.get("receipt.orderedPickup", locationNames.apply(l.fulfilment().substring(BasketLine.PICKUP.length())));
                wrap(b, "  ", ordered, "");
            }
            if (l.promotionCents() > 0) {
                wrap(b, "  ", l.promotionLabel(), "-" + money(l.promotionCents(), i18n));
            }
            if (l.discountCents() > 0 && l.returnOf() == null) {
                wrap(b, "  ", i18n.get("receipt.discount", i18n.get("reason." + l.discountReason())), "-" + money(l.discountCents(), i18n));
            }
        }
        rule(b);
        row(b, i18n.get("receipt.total"), money(sale.totalCents(), i18n));
        // The cash handed over is shown as given, the change below it: "Cash 100.00, Change 39.01".
        int lastCash = -1;
        for (int i = 0; i < sale.payments().size(); i++) {
            if (sale.payments().get(i).tender() == Payment.Tender.CASH) {
                lastCash = i;
            }
        }
        for (int i = 0; i < sale.payments().size(); i++) {
            Payment p = sale.payments().get(i);
            long shown = i == lastCash ? p.amountCents() + sale.changeCents() : p.amountCents();
            String last4 = p.maskedPan() == null ? "" : p.maskedPan().substring(Math.max(0, p.maskedPan().length() - 4));
            String label = switch (p.tender()) {
                case CASH -> i18n.get("receipt.cash");
                case CARD -> i18n.get("receipt.card", last4);
                case GIFT_CARD -> i18n.get("receipt.giftCard", last4);
                case ONLINE -> i18n.get("receipt.online", p.terminalReference());
                case STORE_CREDIT -> i18n.get("receipt.storeCredit", p.terminalReference());
            };
            row(b, label, money(shown, i18n));
            if (p.authorisationCode() != null) {
                b.append("  ").append(i18n.get("receipt.authorisation", p.authorisationCode())).append('\n');
            }
        }
        if (sale.changeCents() > 0) {
            row(b, i18n.get("receipt.change"), money(sale.changeCents(), i18n));
        }
        rule(b);
        b.append(i18n.get("receipt.vatHeader")).append('\n');
        for (VatLine v : sale.vatBreakdown()) {
            String rate = rate(v.rateBasisPoints(), i18n);
            b.append(String.format("%-6s %11s %11s %11s%n", rate, money(v.baseCents(), i18n), money(v.vatCents(), i18n),
                    money(v.totalCents(), i18n)));
        }
        rule(b);
        b.append(i18n.get("receipt.cashier", sale.staffName())).append('\n');
        if (sale.customerName() != null) {
            b.append(i18n.get("receipt.customer", sale.customerName())).append('\n');
        }
        if (proof != null) {
            rule(b);
            b.append(i18n.get("receipt.proof", proof.sequence(), proof.lineCount())).append('\n');
            b.append(i18n.get("receipt.signature", proof.signatureExtract())).append('\n');
            b.append(proof.software()).append('\n');
            if (proof.training()) {
                center(b, i18n.get("training.receipt"));
            }
        }
        center(b, i18n.get("receipt.thanks"));
        return b.toString();
    }

    /** "5,5 %" in French, "5.5%" in English. */
    public static String rate(int basisPoints, I18n i18n) {
        String number = BigDecimal.valueOf(basisPoints, 2).stripTrailingZeros().toPlainString();
        // Written the French way whatever the language of the screens, like amounts (decision 0026).
        return i18n.formats().getLanguage().equals("fr") ? number.replace('.', ',') + " %" : number + "%";
    }

    private static String money(long cents, I18n i18n) {
        return fr.comptoir.common.ReceiptLayout.money(cents, i18n.formats());
    }

    private static void row(StringBuilder b, String left, String right) {
        fr.comptoir.common.ReceiptLayout.row(b, left, right);
    }

    static void wrap(StringBuilder b, String indent, String text, String right) {
        fr.comptoir.common.ReceiptLayout.wrap(b, indent, text, right);
    }

    private static void center(StringBuilder b, String text) {
        fr.comptoir.common.ReceiptLayout.center(b, text);
    }

    private static void rule(StringBuilder b) {
        fr.comptoir.common.ReceiptLayout.rule(b);
    }
}
