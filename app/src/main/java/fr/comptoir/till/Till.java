package fr.comptoir.till;

import fr.comptoir.sale.TillEvent;

import java.time.Clock;
import java.time.Instant;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The till of this terminal (decision 0032): its cash session, from the float counted by denomination to the
 * blind count at its close, the cash moved in between, and the closings that seal the periods (till, day Z,
 * month, year). A session stays open across midnight and across a restart (it is in the journal); the Z closes
 * everything since the previous Z, dated with its real period. Blocking methods (journal): any thread but the
 * JavaFX one; {@link #isOpen()} may be asked on any thread.
 */
public final class Till {

    /** A till operation refused (a business rule, nothing changed), with the message key that says why. */
    public static final class Refused extends fr.comptoir.common.Refusal {

        public Refused(String key, String detail) {
            super(key, detail);
        }

        public String key() {
            return getMessage();
        }
    }

    /** The count differs from what was expected by more than the limit: a manager must accept the difference. */
    public static final class NeedsApproval extends RuntimeException {
        private final long differenceCents;

        NeedsApproval(long differenceCents) {
            super("A count difference of " + differenceCents + " cents needs a manager");
            this.differenceCents = differenceCents;
        }

        public long differenceCents() {
            return differenceCents;
        }
    }

    /** What the drawer should hold now: shown only once the person counted (blind count). */
    public record Expected(long floatCents, long cashTakenCents, long movementsCents, long cashCents, long cardCents) {
    }

    private final TillBook book;
    private final Clock clock;
    private final ZoneId zone;
    private final String storeId;
    private final String deviceId;
    private volatile CashSession session;

    public Till(TillBook book, Clock clock, ZoneId zone, String storeId, String deviceId) {
        this.book = book;
        this.clock = clock;
        this.zone = zone;
        this.storeId = storeId;
        this.deviceId = deviceId;
        this.session = book.openSession().orElse(null);
    }

    /** Whether a cash session is open now (no disk: safe on the JavaFX thread). */
    public boolean isOpen() {
        return session != null;
    }

    public Optional<CashSession> session() {
        return Optional.ofNullable(session);
    }

    public CashSession open(CashCount floatCount, String staffId) {
        return open(floatCount, staffId, staffId);
    }

    public synchronized CashSession open(CashCount floatCount, String staffId, String staffName) {
        if (session != null) {
            throw new Refused("till.alreadyOpen", "The till is already open");
        }
        long after = book.lastTicketSeq();
        CashSession s = new CashSession("cs-" + UUID.randomUUID(), clock.instant().toString(), staffId, staffName, floatCount, after);
        book.open(s, event(TillEvent.Type.TILL_OPENED, staffId, null, floatCount.totalCents(), "float"));
        session = s;
        return s;
    }


    public synchronized CashMovement move(CashMovement.Direction direction, CashMovement.Reason reason, long cents, String note, String staffId) {
        CashSession s = requireOpen();
        CashMovement m = new CashMovement("cm-" + UUID.randomUUID(), s.id(), direction, reason, cents, staffId, clock.instant().toString(),
                note == null || note.isBlank() ? null : note.strip());
        book.move(m, event(direction == CashMovement.Direction.IN ? TillEvent.Type.CASH_IN : TillEvent.Type.CASH_OUT, staffId, null, cents,
                reason.name() + (m.note() == null ? "" : ": " + m.note())));
        return m;
    }

    public Expected expected() {
        CashSession s = requireOpen();
        ClosingFigures f = ClosingFigures.of(book.ticketsAfter(s.afterTicketSeq()).tickets(), List.of());
        long moved = book.movements(s.id()).stream().mapToLong(CashMovement::signedCents).sum();
        long floatCents = s.floatCount().totalCents();
        return new Expected(floatCents, f.cashTakenCents(), moved, floatCents + f.cashTakenCents() + moved, f.cardCents());
    }

    /**
     * Closes the cash session with the drawer counted (blind: what was expected is shown after). A difference
     * above {@code limitCents} either way needs {@code approvedBy}, a manager.
     *
     * @param cardCountedCents the card terminal's own total, or null when not counted
     */
    public synchronized Closing closeSession(CashCount counted, Long cardCountedCents, String staffId, String approvedBy, long limitCents) {
        CashSession s = requireOpen();
        TillBook.Tickets t = book.ticketsAfter(s.afterTicketSeq());
        List<CashMovement> moves = book.movements(s.id());
        ClosingFigures f = ClosingFigures.of(t.tickets(), book.tillEvents(Instant.parse(s.openedAt()).toEpochMilli() - 1, clock.millis()));
        long moved = moves.stream().mapToLong(CashMovement::signedCents).sum();
        long expected = s.floatCount().totalCents() + f.cashTakenCents() + moved;
        long difference = counted.totalCents() - expected;
        long cardDifference = cardCountedCents == null ? 0 : cardCountedCents - f.cardCents();
        if ((Math.abs(difference) > limitCents || Math.abs(cardDifference) > limitCents) && approvedBy == null) {
            throw new NeedsApproval(Math.abs(difference) > limitCents ? difference : cardDifference);
        }
        Closing.Cash cash = new Closing.Cash(s.id(), s.floatCount().totalCents(), f.cashTakenCents(), moved, expected, counted,
                counted.totalCents(), difference, f.cardCents(), cardCountedCents, moves);
        Closing c = closing(Closing.Kind.TILL, id("TILL", book.closings(Closing.Kind.TILL).size() + 1), s.openedAt(), staffId,
                Math.abs(difference) > limitCents || Math.abs(cardDifference) > limitCents ? approvedBy : null, f, t, cash, List.of());
        book.record(c);
        session = null;
        return c;
    }

    /** The figures since the last Z, closing nothing (the X report). */
    public Closing x(String staffId) {
        return day(staffId, "X");
    }

    /** Closes the day (the Z): every ticket since the previous Z. The till must be closed first. */
    public synchronized Closing z(String staffId) {
        if (session != null) {
            throw new Refused("till.closeSessionFirst", "Close the till (count the drawer) before the Z");
        }
        // A Z belongs to the month of its date: never to a month already closed (a clock set back).
        String month = deviceId + "-M-" + YearMonth.from(clock.instant().atZone(zone));
        if (book.closings(Closing.Kind.MONTH).stream().anyMatch(m -> m.id().equals(month))) {
            throw new Refused("till.periodClosed", "The month of this date is already closed: check the terminal's clock");
        }
        Closing c = day(staffId, id("Z", book.closings(Closing.Kind.DAY).size() + 1));
        book.record(c);
        return c;
    }

    private Closing day(String staffId, String id) {
        List<Closing> days = book.closings(Closing.Kind.DAY);
        Closing previous = days.isEmpty() ? null : days.get(days.size() - 1);
        TillBook.Tickets t = book.ticketsAfter(previous == null ? 0 : previous.lastTicketSeq());
        String start = previous != null ? previous.closedAt() : t.firstAt() != null ? t.firstAt() : clock.instant().toString();
        ClosingFigures f = ClosingFigures.of(t.tickets(), book.tillEvents(Instant.parse(start).toEpochMilli(), clock.millis()));
        return closing(Closing.Kind.DAY, id, start, staffId, null, f, t, null, List.of());
    }

    /** Closes a month that has ended: the days closed in it, summed. Every ticket of the month must be in a Z. */
    public synchronized Closing closeMonth(YearMonth month, String staffId) {
        Instant end = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        Instant start = month.atDay(1).atStartOfDay(zone).toInstant();
        String id = deviceId + "-M-" + month;
        return closePeriod(Closing.Kind.MONTH, Closing.Kind.DAY, start, end, id, staffId);
    }

    /** Closes a year that has ended: its months, summed. Every month of it with days closed must be closed. */
    public synchronized Closing closeYear(Year year, String staffId) {
        Instant start = year.atDay(1).atStartOfDay(zone).toInstant();
        Instant end = year.plusYears(1).atDay(1).atStartOfDay(zone).toInstant();
        List<Closing> days = book.closings(Closing.Kind.DAY).stream().filter(d -> within(d, start, end)).toList();
        List<Closing> months = book.closings(Closing.Kind.MONTH);
        for (Closing d : days) {
            YearMonth m = YearMonth.from(Instant.parse(d.closedAt()).atZone(zone));
            if (months.stream().noneMatch(x -> x.id().equals(deviceId + "-M-" + m))) {
                throw new Refused("till.monthNotClosed", "Month " + m + " is not closed");
            }
        }
        return closePeriod(Closing.Kind.YEAR, Closing.Kind.MONTH, start, end, deviceId + "-Y-" + year, staffId);
    }

    private Closing closePeriod(Closing.Kind kind, Closing.Kind of, Instant start, Instant end, String id, String staffId) {
        if (clock.instant().isBefore(end)) {
            throw new Refused("till.periodNotOver", "The period is not over yet");
        }
        if (book.closings(kind).stream().anyMatch(c -> c.id().equals(id))) {
            throw new Refused("till.periodClosed", "That period is already closed");
        }
        List<Closing> days = book.closings(Closing.Kind.DAY);
        long lastDaySeq = days.isEmpty() ? 0 : days.get(days.size() - 1).lastTicketSeq();
        TillBook.Tickets open = book.ticketsAfter(lastDaySeq);
        if (open.firstAt() != null && Instant.parse(open.firstAt()).isBefore(end)) {
            throw new Refused("till.dayNotClosed", "Tickets of the period are not in a Z yet");
        }
        // A day belongs to the month it was closed in (its Z's date); a month to the year it covers.
        List<Closing> included = book.closings(of).stream()
                .filter(c -> of == Closing.Kind.DAY ? within(c, start, end) : !Instant.parse(c.periodStart()).isBefore(start)
                        && Instant.parse(c.periodStart()).isBefore(end)).toList();
        ClosingFigures f = ClosingFigures.sum(included);
        long perpetual = included.isEmpty() ? open.perpetualCents() : included.get(included.size() - 1).perpetualGrandTotalCents();
        long first = included.isEmpty() ? 0 : included.get(0).firstTicketSeq();
        long last = included.isEmpty() ? lastDaySeq : included.get(included.size() - 1).lastTicketSeq();
        Closing c = new Closing(id, kind, storeId, deviceId, start.toString(), end.toString(), clock.instant().toString(), staffId, null,
                f.ticketCount(), f.salesCount(), f.returnsCount(), f.salesCents(), f.returnsCents(), f.totalCents(), f.vatBreakdown(),
                f.tenders(), f.discountsCents(), f.voidCount(), f.voidCents(), perpetual, first, last, null,
                included.stream().map(Closing::id).toList());
        book.record(c);
        return c;
    }

    private boolean within(Closing c, Instant start, Instant end) {
        Instant at = Instant.parse(c.closedAt());
        return !at.isBefore(start) && at.isBefore(end);
    }

    private Closing closing(Closing.Kind kind, String id, String start, String staffId, String approvedBy, ClosingFigures f, TillBook.Tickets t,
                            Closing.Cash cash, List<String> includes) {
        return new Closing(id, kind, storeId, deviceId, start, clock.instant().toString(), clock.instant().toString(), staffId, approvedBy,
                f.ticketCount(), f.salesCount(), f.returnsCount(), f.salesCents(), f.returnsCents(), f.totalCents(), f.vatBreakdown(),
                f.tenders(), f.discountsCents(), f.voidCount(), f.voidCents(), t.perpetualCents(), t.firstSeq(), t.lastSeq(), cash, includes);
    }

    private String id(String kind, int n) {
        return deviceId + "-" + kind + "-" + String.format("%05d", n);
    }

    private CashSession requireOpen() {
        CashSession s = session;
        if (s == null) {
            throw new Refused("till.notOpen", "The till is not open");
        }
        return s;
    }

    private TillEvent event(TillEvent.Type type, String staffId, String approvedBy, long cents, String detail) {
        return new TillEvent("till-" + UUID.randomUUID(), type, staffId, storeId, deviceId, clock.instant().toString(), approvedBy, cents, detail);
    }
}
