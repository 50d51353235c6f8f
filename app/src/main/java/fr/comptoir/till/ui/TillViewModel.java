package fr.comptoir.till.ui;

import fr.comptoir.common.Money;
import fr.comptoir.staff.StaffMember;
import fr.comptoir.till.CashCount;
import fr.comptoir.till.CashMovement;
import fr.comptoir.till.Closing;
import fr.comptoir.till.Denomination;
import fr.comptoir.till.Till;
import fr.comptoir.uikit.I18n;
import fr.comptoir.uikit.Notice;
import fr.comptoir.uikit.TaskRunner;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The Till screen: open the till with its float counted by denomination, put cash in or take it out, close
 * it with a blind count (what was expected is shown once counted; a difference above the limit needs a
 * manager's PIN), print an X, close the day (Z), a month or a year, export the fiscal archive. Every journal
 * write on the runner; JavaFX thread only.
 */
public final class TillViewModel {

    /** What the screen shows. */
    public enum Step { OVERVIEW, FLOAT, MOVE, COUNT, REPORT }

    /**
     * What the screen needs beyond the till.
     *
     * @param approve        a manager by PIN (blocking: cache)
     * @param report         the text of a closing or X report (storeName, legal identity)
     * @param print          prints and keeps a report under its id (blocking: printer, disk)
     * @param exportArchive  exports this month's and last month's fiscal records; gives the archive's path (blocking: disk)
     * @param differenceLimit the count difference above which a manager must accept it, in cents (blocking: journal)
     * @param requestDelivery asks sync to send what was just journaled
     */
    public record Services(Till till, Function<String, Optional<StaffMember>> approve, java.util.function.BiFunction<Closing, Boolean, String> report,
                           java.util.function.BiConsumer<String, String> print, java.util.function.Supplier<java.nio.file.Path> exportArchive,
                           java.util.function.LongSupplier differenceLimit, ZoneId zone, Runnable requestDelivery) {
    }

    private final Services services;
    private final String staffId;
    private final String staffName;
    private final boolean manager;
    private final TaskRunner runner;
    private final I18n i18n;
    private final Notice notice = new Notice();
    private final ObjectProperty<Step> step = new SimpleObjectProperty<>(Step.OVERVIEW);
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty open = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final Map<Denomination, StringProperty> counts = new EnumMap<>(Denomination.class);
    private final StringProperty countTotal = new SimpleStringProperty("");
    private final StringProperty cardCounted = new SimpleStringProperty("");
    private final ObjectProperty<CashMovement.Direction> direction = new SimpleObjectProperty<>(CashMovement.Direction.OUT);
    private final ObjectProperty<CashMovement.Reason> reason = new SimpleObjectProperty<>(CashMovement.Reason.SAFE_DROP);
    private final StringProperty amount = new SimpleStringProperty("");
    private final StringProperty note = new SimpleStringProperty("");
    private final StringProperty expected = new SimpleStringProperty("");
    private final BooleanProperty counted = new SimpleBooleanProperty();
    private final BooleanProperty needsManager = new SimpleBooleanProperty();
    private final StringProperty managerPin = new SimpleStringProperty("");
    private final StringProperty report = new SimpleStringProperty("");
    private String reportId = "";

    public TillViewModel(Services services, String staffId, String staffName, boolean manager, TaskRunner runner, I18n i18n) {
        this.services = services;
        this.staffId = staffId;
        this.staffName = staffName;
        this.manager = manager;
        this.runner = runner;
        this.i18n = i18n;
        for (Denomination d : Denomination.values()) {
            StringProperty p = new SimpleStringProperty("");
            p.addListener((obs, o, n) -> recount());
            counts.put(d, p);
        }
        refresh();
    }

    private void refresh() {
        open.set(services.till().isOpen());
        if (trainingSupervisor != null) {
            status.set(i18n.get("training.status"));
            return;
        }
        status.set(services.till().session().map(s -> i18n.get("till.openSince",
                i18n.time().withZone(services.zone()).format(java.time.Instant.parse(s.openedAt())), s.openedByName(), money(s.floatCount().totalCents())))
                .orElse(i18n.get("till.closed")));
    }

    /** The count typed so far, or null with the denomination that is not a whole number. */
    private CashCount count() {
        CashCount c = CashCount.EMPTY;
        for (Map.Entry<Denomination, StringProperty> e : counts.entrySet()) {
            String t = e.getValue().get() == null ? "" : e.getValue().get().strip();
            if (t.isEmpty()) {
                continue;
            }
            if (!t.matches("\\d{1,5}")) {
                return null;
            }
            c = c.with(e.getKey(), Integer.parseInt(t));
        }
        return c;
    }

    private void recount() {
        CashCount c = count();
        countTotal.set(c == null ? i18n.get("till.badCount") : i18n.get("till.countTotal", money(c.totalCents())));
        counted.set(false);
        needsManager.set(false);
        expected.set("");
    }

    private void clearCount() {
        counts.values().forEach(p -> p.set(""));
        cardCounted.set("");
        managerPin.set("");
        recount();
    }

    public void startOpen() {
        clearCount();
        notice.clear();
        step.set(Step.FLOAT);
    }

    public void confirmOpen() {
        CashCount c = count();
        if (c == null) {
            notice.error(i18n.get("till.badCount"));
            return;
        }
        run(() -> services.till().open(c, staffId, staffName), s -> {
            refresh();
            step.set(Step.OVERVIEW);
            notice.confirm(i18n.get("till.opened", money(c.totalCents())));
        });
    }

    public void startMove(CashMovement.Direction d) {
        direction.set(d);
        reason.set(d == CashMovement.Direction.OUT ? CashMovement.Reason.SAFE_DROP : CashMovement.Reason.CHANGE_TOP_UP);
        amount.set("");
        note.set("");
        notice.clear();
        step.set(Step.MOVE);
    }

    public void confirmMove() {
        Long cents = Money.parseCents(amount.get());
        if (cents == null || cents <= 0) {
            notice.error(i18n.get("pay.badAmount"));
            return;
        }
        CashMovement.Direction d = direction.get();
        CashMovement.Reason r = reason.get();
        run(() -> services.till().move(d, r, cents, note.get(), staffId), m -> {
            step.set(Step.OVERVIEW);
            notice.confirm(i18n.get(d == CashMovement.Direction.IN ? "till.cashInDone" : "till.cashOutDone", money(cents),
                    i18n.get("till.reason." + r.name())));
        });
    }

    public void startClose() {
        clearCount();
        notice.clear();
        step.set(Step.COUNT);
    }

    /** The drawer is counted: now what was expected is shown, with the difference (blind count). */
    public void countDone() {
        CashCount c = count();
        Long card = cardCounted.get() == null || cardCounted.get().isBlank() ? null : Money.parseCents(cardCounted.get());
        if (c == null || (cardCounted.get() != null && !cardCounted.get().isBlank() && card == null)) {
            notice.error(i18n.get("till.badCount"));
            return;
        }
        record Counted(Till.Expected expected, long limit) {
        }
        run(() -> new Counted(services.till().expected(), services.differenceLimit().getAsLong()), got -> {
            Till.Expected e = got.expected();
            long limit = got.limit();
            long diff = c.totalCents() - e.cashCents();
            String text = i18n.get("till.expectedCash", money(e.cashCents()), money(c.totalCents()), signed(diff));
            if (card != null) {
                text += "\n" + i18n.get("till.expectedCard", money(e.cardCents()), money(card), signed(card - e.cardCents()));
            }
            expected.set(text);
            counted.set(true);
            boolean over = Math.abs(diff) > limit || (card != null && Math.abs(card - e.cardCents()) > limit);
            needsManager.set(over);
            if (over) {
                notice.warn(i18n.get("till.differenceNeedsManager", money(limit)));
            } else {
                notice.clear();
            }
        });
    }

    /** Closes the till with the count (and a manager's PIN when the difference needs one). */
    public void confirmClose() {
        CashCount c = count();
        Long card = cardCounted.get() == null || cardCounted.get().isBlank() ? null : Money.parseCents(cardCounted.get());
        if (c == null || !counted.get()) {
            notice.error(i18n.get("till.countFirst"));
            return;
        }
        String pin = managerPin.get();
        boolean withManager = needsManager.get();
        run(() -> {
            String approvedBy = null;
            if (withManager) {
                approvedBy = services.approve().apply(pin).map(StaffMember::id)
                        .orElseThrow(() -> new Till.Refused("till.managerPinRefused", "Not a manager's PIN"));
            }
            return reported(services.till().closeSession(c, card, staffId, approvedBy, services.differenceLimit().getAsLong()), false);
        }, r -> {
            refresh();
            managerPin.set("");
            showReport(r, "till.closedDone");
        });
    }

    public void x() {
        run(() -> reported(services.till().x(staffId), true), r -> showReport(r, null));
    }

    public void z() {
        run(() -> reported(services.till().z(staffId), false), r -> showReport(r, "till.zDone"));
    }

    /** Closes the month that ended last. */
    public void closeMonth() {
        YearMonth last = YearMonth.now(services.zone()).minusMonths(1);
        run(() -> reported(services.till().closeMonth(last, staffId), false), r -> showReport(r, "till.monthDone"));
    }

    /** Closes the year that ended last. */
    public void closeYear() {
        Year last = Year.now(services.zone()).minusYears(1);
        run(() -> reported(services.till().closeYear(last, staffId), false), r -> showReport(r, "till.yearDone"));
    }

    /** A closing and its report's text, made off the JavaFX thread (the text names people and the seller: cache). */
    private record Reported(Closing closing, boolean x, String text) {
    }

    private Reported reported(Closing closing, boolean x) {
        return new Reported(closing, x, services.report().apply(closing, x));
    }

    public void exportArchive() {
        run(() -> services.exportArchive().get(), path -> notice.confirm(i18n.get("till.archiveDone", path.toAbsolutePath())));
    }

    private void showReport(Reported r, String doneKey) {
        Closing closing = r.closing();
        reportId = r.x() ? "X-" + closing.lastTicketSeq() : closing.id();
        String text = r.text();
        report.set(text);
        step.set(Step.REPORT);
        // Printed and kept as PDF at once: a closing's report is never only on screen.
        String id = reportId;
        runner.run(() -> {
            services.print().accept(text, id);
            return null;
        }, ok -> {
            if (doneKey != null) {
                notice.confirm(i18n.get(doneKey));
            }
        }, failure -> notice.warn(i18n.get("till.printFailed", failure.getMessage())));
    }

    public void printAgain() {
        String text = report.get();
        String id = reportId;
        runner.run(() -> {
            services.print().accept(text, id);
            return null;
        }, ok -> notice.confirm(i18n.get("till.printed")), failure -> notice.warn(i18n.get("till.printFailed", failure.getMessage())));
    }

    /** Starts ({@code true}) or ends training mode with a manager's PIN (blocking: journal, cache). */
    public interface TrainingSwitch {
        void turn(boolean on, String managerPin);
    }

    private TrainingSwitch trainingSwitch;
    private Runnable rebuild = () -> { };
    private String trainingSupervisor;
    private final StringProperty trainingPin = new SimpleStringProperty("");

    /**
     * Offers training mode on this screen.
     *
     * @param supervisor the manager supervising the training on now, or null when it is off
     * @param rebuild    builds every screen again once it changed (each says training mode)
     */
    public void enableTraining(String supervisor, TrainingSwitch trainingSwitch, Runnable rebuild) {
        this.trainingSupervisor = supervisor;
        this.trainingSwitch = trainingSwitch;
        this.rebuild = rebuild;
        refresh();
    }

    public boolean trainingOffered() {
        return trainingSwitch != null;
    }

    /** Who supervises the training on now, or null. */
    public String trainingSupervisor() {
        return trainingSupervisor;
    }

    public void switchTraining() {
        boolean on = trainingSupervisor == null;
        String pin = trainingPin.get();
        run(() -> {
            trainingSwitch.turn(on, pin);
            return on;
        }, started -> {
            trainingPin.set("");
            rebuild.run();
        });
    }

    public StringProperty trainingPinProperty() { return trainingPin; }

    public void back() {
        notice.clear();
        step.set(Step.OVERVIEW);
    }

    private <T> void run(java.util.concurrent.Callable<T> work, java.util.function.Consumer<T> done) {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        runner.run(work, r -> {
            busy.set(false);
            services.requestDelivery().run();
            done.accept(r);
        }, failure -> {
            busy.set(false);
            notice.error(failure instanceof Till.Refused r ? i18n.get(r.key()) : i18n.get("till.failed", failure.getMessage()));
        });
    }

    private String money(long cents) {
        return Money.ofCents(cents).format(i18n.formats());
    }

    private String signed(long cents) {
        return (cents > 0 ? "+" : cents < 0 ? "−" : "") + money(Math.abs(cents));
    }

    public boolean manager() { return manager; }
    public Notice notice() { return notice; }
    public ObjectProperty<Step> stepProperty() { return step; }
    public StringProperty statusProperty() { return status; }
    public BooleanProperty openProperty() { return open; }
    public BooleanProperty busyProperty() { return busy; }
    public StringProperty countProperty(Denomination d) { return counts.get(d); }
    public StringProperty countTotalProperty() { return countTotal; }
    public StringProperty cardCountedProperty() { return cardCounted; }
    public ObjectProperty<CashMovement.Direction> directionProperty() { return direction; }
    public ObjectProperty<CashMovement.Reason> reasonProperty() { return reason; }
    public StringProperty amountProperty() { return amount; }
    public StringProperty noteProperty() { return note; }
    public StringProperty expectedProperty() { return expected; }
    public BooleanProperty countedProperty() { return counted; }
    public BooleanProperty needsManagerProperty() { return needsManager; }
    public StringProperty managerPinProperty() { return managerPin; }
    public StringProperty reportProperty() { return report; }
}
