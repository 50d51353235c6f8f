package fr.comptoir.common;

/**
 * The books of fiscal records a terminal keeps apart from its clienteling writes, each numbered without gaps
 * on its own (French rules for cash register software want one chain per record type; issue 13 signs them).
 * A record's book never changes once written.
 */
public enum FiscalChain {
    /** Tickets: sales, returns, exchanges. */
    TICKETS,
    /** Technical events: sign-in and out, locks, voids, drawer openings, managers' decisions on refused writes. */
    TECHNICAL
}
