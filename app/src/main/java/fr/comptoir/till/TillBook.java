package fr.comptoir.till;

import fr.comptoir.sale.SaleRecord;
import fr.comptoir.sale.TillEvent;

import java.util.List;
import java.util.Optional;

/** Where the till's sessions, cash movements and closings are kept (the journal). Blocking: any thread but the JavaFX one. */
public interface TillBook {

    /** The tickets recorded after a number of the chain of tickets, with where the chain stands. */
    record Tickets(List<SaleRecord> tickets, long firstSeq, long lastSeq, long perpetualCents, String firstAt, String lastAt) {
    }

    Optional<CashSession> openSession();

    /** The number of the last ticket of the chain of tickets (0 when there is none). */
    long lastTicketSeq();

    /** Keeps the session open and journals its event (sent to the platform), in one transaction. */
    void open(CashSession session, TillEvent event);

    /** Keeps the movement and journals its event, in one transaction. */
    void move(CashMovement movement, TillEvent event);

    List<CashMovement> movements(String sessionId);

    Tickets ticketsAfter(long ticketSeq);

    /** The till events (voids among them) journaled after {@code afterMillis}, up to {@code upToMillis}. */
    List<TillEvent> tillEvents(long afterMillis, long upToMillis);

    /** Every closing of a kind, oldest first. */
    List<Closing> closings(Closing.Kind kind);

    /**
     * Records a closing in the chain of closings with its outbox entry; a till closing also closes its
     * session. One transaction: a closing is kept whole or not at all.
     */
    void record(Closing closing);
}
