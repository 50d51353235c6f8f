package fr.comptoir.demo;

import java.util.Locale;

/** How big a chain the demo central platform generates. */
public enum DemoSize {
    /** For fast tests. */
    TINY(60, 150, 400),
    /** The demo store: starts in seconds. */
    SMALL(600, 3_000, 9_000),
    MEDIUM(10_000, 100_000, 300_000),
    /** Benchmark scale: 100,000 products, 1,000,000 customers, millions of order lines. */
    LARGE(100_000, 1_000_000, 2_000_000);

    public final int products;
    public final int customers;
    public final int orders;

    DemoSize(int products, int customers, int orders) {
        this.products = products;
        this.customers = customers;
        this.orders = orders;
    }

    public static DemoSize parse(String s) {
        try {
            return valueOf(s.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown demo size '" + s + "': use tiny, small, medium or large");
        }
    }
}
