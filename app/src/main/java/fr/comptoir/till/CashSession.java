package fr.comptoir.till;

/**
 * The till open, from its float to its count: the cash expected in the drawer is the float, plus the
 * cash taken and minus the cash handed back on the tickets recorded after {@code afterTicketSeq}, plus the
 * cash put in and minus the cash taken out.
 *
 * @param openedByName   the name of who opened it, as shown on the Till screen
 * @param afterTicketSeq the last ticket of the chain when it was opened: its tickets are the ones after it
 */
public record CashSession(String id, String openedAt, String openedBy, String openedByName, CashCount floatCount, long afterTicketSeq) {

    public CashSession {
        if (openedByName == null) {
            openedByName = openedBy;
        }
    }
}
