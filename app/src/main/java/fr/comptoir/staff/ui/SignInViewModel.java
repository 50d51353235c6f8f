package fr.comptoir.staff.ui;

import fr.comptoir.uikit.I18n;
import fr.comptoir.uikit.TaskRunner;
import fr.comptoir.staff.SignInResult;
import fr.comptoir.staff.StaffMember;
import fr.comptoir.staff.StaffSession;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The PIN sign-in (and lock) screen: pick who you are, type a PIN on the keypad, sign in offline.
 * JavaFX thread only; the PIN check runs through the {@link TaskRunner}.
 */
public final class SignInViewModel {

    static final int MAX_PIN_LENGTH = 8;

    private final ObservableList<StaffMember> staff = FXCollections.observableArrayList();
    private final ObjectProperty<StaffMember> selected = new SimpleObjectProperty<>();
    private final StringBuilder pin = new StringBuilder();
    private final ReadOnlyStringWrapper pinMask = new ReadOnlyStringWrapper("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);

    private final Supplier<List<StaffMember>> staffLoader;
    private final BiFunction<String, String, SignInResult> signIn;
    private final TaskRunner runner;
    private final I18n i18n;
    private final Consumer<StaffSession> onSignedIn;
    private final java.time.Clock clock;
    /** Until when the person chosen is locked out, to count down on screen; null when not. */
    private java.time.Instant lockedUntil;

    public SignInViewModel(Supplier<List<StaffMember>> staffLoader, BiFunction<String, String, SignInResult> signIn,
                           TaskRunner runner, I18n i18n, Consumer<StaffSession> onSignedIn) {
        this(staffLoader, signIn, runner, i18n, onSignedIn, java.time.Clock.systemUTC());
    }

    public SignInViewModel(Supplier<List<StaffMember>> staffLoader, BiFunction<String, String, SignInResult> signIn,
                           TaskRunner runner, I18n i18n, Consumer<StaffSession> onSignedIn, java.time.Clock clock) {
        this.clock = clock;
        this.staffLoader = staffLoader;
        this.signIn = signIn;
        this.runner = runner;
        this.i18n = i18n;
        this.onSignedIn = onSignedIn;
    }

    /** Loads the store's staff in the background; {@code preselectId} (lock screen) is chosen if present. */
    public void load(String preselectId) {
        runner.run(staffLoader::get, list -> {
            staff.setAll(list);
            if (list.isEmpty()) {
                message.set(i18n.get("signIn.noStaff"));
            }
            if (preselectId != null) {
                list.stream().filter(s -> s.id().equals(preselectId)).findFirst().ifPresent(this::choose);
            }
        }, failure -> message.set(failure.getMessage()));
    }

    public ObservableList<StaffMember> staff() {
        return staff;
    }

    public ObjectProperty<StaffMember> selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty pinMaskProperty() {
        return pinMask.getReadOnlyProperty();
    }

    public StringProperty messageProperty() {
        return message;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public void choose(StaffMember member) {
        selected.set(member);
        clear();
        message.set("");
        lockedUntil = null;
    }

    /** Whether a lockout is being counted down (the view ticks {@link #tick()} every second meanwhile). */
    public boolean countingDown() {
        return lockedUntil != null;
    }

    /** A second went by: the lockout message counts down, then says the PIN may be typed again. */
    public void tick() {
        if (lockedUntil == null) {
            return;
        }
        long left = java.time.Duration.between(clock.instant(), lockedUntil).toMillis();
        if (left <= 0) {
            lockedUntil = null;
            message.set(i18n.get("signIn.lockoutOver"));
        } else {
            message.set(i18n.get("signIn.lockedOut", (left + 999) / 1000));
        }
    }

    public void back() {
        selected.set(null);
        clear();
    }

    public void digit(int d) {
        if (d < 0 || d > 9 || busy.get() || pin.length() >= MAX_PIN_LENGTH) {
            return;
        }
        pin.append(d);
        pinMask.set("●".repeat(pin.length()));
    }

    public void backspace() {
        if (pin.length() > 0) {
            pin.setLength(pin.length() - 1);
            pinMask.set("●".repeat(pin.length()));
        }
    }

    public void clear() {
        pin.setLength(0);
        pinMask.set("");
    }

    public void submit() {
        StaffMember who = selected.get();
        if (who == null || pin.length() == 0 || busy.get()) {
            return;
        }
        String typed = pin.toString();
        clear();
        busy.set(true);
        message.set(i18n.get("signIn.checking"));
        runner.run(() -> signIn.apply(who.id(), typed), result -> {
            busy.set(false);
            if (result instanceof SignInResult.SignedIn s) {
                message.set("");
                onSignedIn.accept(s.session());
            } else if (result instanceof SignInResult.WrongPin w) {
                message.set(i18n.get("signIn.wrongPin", w.attemptsLeft()));
            } else if (result instanceof SignInResult.LockedOut l) {
                lockedUntil = clock.instant().plus(l.retryIn());
                tick();
            } else {
                message.set(i18n.get("signIn.unknown"));
            }
        }, failure -> {
            busy.set(false);
            message.set(failure.getMessage());
        });
    }
}
