package fr.comptoir.till;

import java.util.EnumMap;
import java.util.Map;

/** Notes and coins counted, by denomination; a negative number is refused. */
public record CashCount(Map<Denomination, Integer> pieces) {

    public static final CashCount EMPTY = new CashCount(Map.of());

    public CashCount {
        EnumMap<Denomination, Integer> copy = new EnumMap<>(Denomination.class);
        for (Map.Entry<Denomination, Integer> e : pieces.entrySet()) {
            if (e.getValue() == null || e.getValue() < 0) {
                throw new IllegalArgumentException("A count cannot be negative: " + e.getKey());
            }
            if (e.getValue() > 0) {
                copy.put(e.getKey(), e.getValue());
            }
        }
        pieces = java.util.Collections.unmodifiableMap(copy);
    }

    public long totalCents() {
        return pieces.entrySet().stream().mapToLong(e -> e.getKey().cents() * e.getValue()).sum();
    }

    public int count(Denomination d) {
        return pieces.getOrDefault(d, 0);
    }

    public CashCount with(Denomination d, int n) {
        EnumMap<Denomination, Integer> m = new EnumMap<>(Denomination.class);
        m.putAll(pieces);
        m.put(d, n);
        return new CashCount(m);
    }
}
