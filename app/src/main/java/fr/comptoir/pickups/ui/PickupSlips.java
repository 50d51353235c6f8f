package fr.comptoir.pickups.ui;

import fr.comptoir.common.ReceiptLayout;
import fr.comptoir.pickups.Handover;
import fr.comptoir.pickups.Pickup;
import fr.comptoir.uikit.I18n;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The slips of the pickup desk, laid out for the 80 mm receipt printer: the pickup slip that goes with a
 * prepared order on its shelf, and the hand-over receipt the customer takes (printed, and kept as text and PDF
 * with the till's receipts).
 */
public final class PickupSlips {

    private PickupSlips() {
    }

    /** The slip put with the order on its shelf: order number, customer, shelf, items. */
    public static String pickupSlip(Pickup p, String storeName, I18n i18n) {
        StringBuilder b = new StringBuilder();
        ReceiptLayout.center(b, storeName);
        ReceiptLayout.center(b, i18n.get("slip.pickupTitle"));
        ReceiptLayout.rule(b);
        ReceiptLayout.center(b, p.orderNumber());
        ReceiptLayout.center(b, p.customer() == null ? "" : p.customer().fullName());
        ReceiptLayout.center(b, i18n.get("slip.shelf", p.shelf() == null ? "-" : p.shelf()));
        ReceiptLayout.rule(b);
        for (Pickup.PickupLine l : p.lines()) {
            int here = l.quantity() - l.missing();
            ReceiptLayout.wrap(b, "", here + " × " + describe(l, i18n), "");
        }
        if (p.expiresAt() != null) {
            ReceiptLayout.rule(b);
            ReceiptLayout.wrap(b, "", i18n.get("slip.keptUntil", i18n.dateTime().format(Instant.parse(p.expiresAt()))), "");
        }
        return b.toString();
    }

    /** What was handed over and refused at one hand-over, with the money and how the collector was verified. */
    public static String handoverReceipt(Pickup after, Handover h, String storeName, I18n i18n) {
        Map<String, Pickup.PickupLine> lines = new HashMap<>();
        after.lines().forEach(l -> lines.put(l.lineId(), l));
        StringBuilder b = new StringBuilder();
        ReceiptLayout.center(b, storeName);
        ReceiptLayout.center(b, i18n.get("slip.handoverTitle"));
        ReceiptLayout.center(b, i18n.dateTime().format(Instant.parse(h.at())));
        ReceiptLayout.row(b, i18n.get("slip.order"), after.orderNumber());
        ReceiptLayout.rule(b);
        boolean anyCollected = h.lines().stream().anyMatch(l -> l.collected() > 0);
        if (anyCollected) {
            b.append(i18n.get("slip.collected")).append('\n');
            h.lines().stream().filter(l -> l.collected() > 0).forEach(l ->
                    ReceiptLayout.wrap(b, "  ", l.collected() + " × " + describe(lines.get(l.lineId()), i18n), ""));
        }
        if (h.lines().stream().anyMatch(l -> l.refused() > 0)) {
            b.append(i18n.get("slip.refused")).append('\n');
            h.lines().stream().filter(l -> l.refused() > 0).forEach(l -> ReceiptLayout.wrap(b, "  ", l.refused() + " × "
                    + describe(lines.get(l.lineId()), i18n) + " (" + i18n.get("pickups.reason." + l.refusalReason().name()).toLowerCase(i18n.locale()) + ")", ""));
        }
        int left = after.openUnits();
        if (left > 0) {
            ReceiptLayout.wrap(b, "", i18n.get("slip.left", left), "");
        }
        ReceiptLayout.rule(b);
        if (h.refundCents() > 0) {
            ReceiptLayout.wrap(b, "", i18n.get("slip.refund"), ReceiptLayout.money(h.refundCents(), i18n.formats()));
        }
        if (h.dueCents() > 0) {
            ReceiptLayout.wrap(b, "", i18n.get("slip.paidHere"), ReceiptLayout.money(h.dueCents(), i18n.formats()));
        }
        ReceiptLayout.wrap(b, "", h.verification().method() == Handover.Method.PICKUP_CODE ? i18n.get("slip.byCode", h.verification().collectorName())
                : i18n.get("slip.byIdentity", h.verification().collectorName()), "");
        return b.toString();
    }

    private static String describe(Pickup.PickupLine l, I18n i18n) {
        return l.name() + (l.colour() == null ? "" : " " + l.colour()) + (l.size() == null ? "" : " " + i18n.get("pickups.size", l.size()));
    }
}
