package fr.comptoir.common;

/**
 * The books of fiscal records a terminal keeps apart from its clienteling writes, each numbered without gaps
 * on its own and signed in a chain (French rules for cash register software want one chain per record type;
 * decision 0031). A record's book never changes once written.
 */
public enum FiscalChain {
    /** Tickets: sales, returns, exchanges. */
    TICKETS,
    /** Technical events: sign-in and out, locks, voids, drawer openings, managers' decisions on refused writes. */
    TECHNICAL,
    /** Duplicates: every ticket printed or e-mailed again, with its copy number. */
    DUPLICATES,
    /** Closings: cash sessions, days (Z), months and years, each sealing its period. */
    CLOSINGS,
    /** Training tickets: numbered on their own, never sent, never in the tickets' totals, archived apart. */
    TRAINING
}
