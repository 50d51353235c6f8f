package fr.comptoir.customers;

/**
 * One search result: the customer, how well they matched, and where they were found.
 */
public record CustomerMatch(Customer customer, Strength strength, Source source) {

    /** Exact matches (a whole word, the whole number) come before prefixes. */
    public enum Strength { EXACT, PREFIX }

    /** The terminal's cache (works offline) or the central platform (online only). */
    public enum Source { CACHE, CENTRAL }
}
