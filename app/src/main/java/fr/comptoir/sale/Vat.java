package fr.comptoir.sale;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * French VAT on tax-inclusive prices. Lines are summed per rate first; the VAT of each rate is taken
 * out of that total once, rounded half-up to the cent (decision 0011), and the base is what remains.
 * So the totals are exactly what the customer pays, and each rate's line adds up to the cent.
 */
public final class Vat {

    private Vat() {
    }

    /** The VAT contained in a tax-inclusive amount at {@code rateBasisPoints} (2000 = 20 %). */
    public static long vatIn(long totalCents, int rateBasisPoints) {
        if (rateBasisPoints < 0) {
            throw new IllegalArgumentException("negative VAT rate");
        }
        BigDecimal total = BigDecimal.valueOf(totalCents);
        BigDecimal rate = BigDecimal.valueOf(rateBasisPoints);
        return total.multiply(rate).divide(rate.add(BigDecimal.valueOf(10_000)), 0, RoundingMode.HALF_UP).longValueExact();
    }

    /** Per-rate breakdown of the lines, lowest rate first. */
    public static List<VatLine> breakdown(List<BasketLine> lines) {
        Map<Integer, Long> byRate = new TreeMap<>();
        for (BasketLine l : lines) {
            byRate.merge(l.vatRateBasisPoints(), l.totalCents(), Long::sum);
        }
        List<VatLine> out = new ArrayList<>();
        byRate.forEach((rate, total) -> {
            long vat = vatIn(total, rate);
            out.add(new VatLine(rate, total - vat, vat, total));
        });
        return out;
    }
}
