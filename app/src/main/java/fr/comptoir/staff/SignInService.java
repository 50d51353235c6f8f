package fr.comptoir.staff;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Staff sign-in with a PIN, checked against the cached hash so that it works offline. After
 * {@link #MAX_ATTEMPTS} wrong PINs in a row a staff member waits {@link #LOCKOUT}, across restarts
 * ({@link FailedSignIns}). Every sign-in, sign-out, lock, wrong PIN and lockout is journaled. Blocking (hashing, disk): call it off the JavaFX thread.
 */
public final class SignInService {

    public static final int MAX_ATTEMPTS = 5;
    public static final Duration LOCKOUT = Duration.ofSeconds(60);

    private final StaffDirectory directory;
    private final StaffJournal journal;
    private final Clock clock;
    private final String storeId;
    private final String deviceId;
    private final FailedSignIns failures;

    public SignInService(StaffDirectory directory, StaffJournal journal, Clock clock, String storeId, String deviceId) {
        this(directory, journal, clock, storeId, deviceId, FailedSignIns.inMemory());
    }

    public SignInService(StaffDirectory directory, StaffJournal journal, Clock clock, String storeId, String deviceId, FailedSignIns failures) {
        this.failures = failures;
        this.directory = directory;
        this.journal = journal;
        this.clock = clock;
        this.storeId = storeId;
        this.deviceId = deviceId;
    }

    public synchronized SignInResult signIn(String staffId, String pin) {
        StaffMember staff = directory.byId(staffId).filter(StaffMember::active).orElse(null);
        if (staff == null || !staff.storeId().equals(storeId)) {
            return new SignInResult.UnknownStaff();
        }
        Instant now = clock.instant();
        FailedSignIns.State f = failures.of(staffId).orElse(null);
        if (f != null && f.lockedUntil() != null && now.isBefore(f.lockedUntil())) {
            return new SignInResult.LockedOut(Duration.between(now, f.lockedUntil()));
        }
        if (!PinHasher.matches(pin, staff.pinHash())) {
            int count = (f == null || f.lockedUntil() != null ? 0 : f.count()) + 1;
            if (count >= MAX_ATTEMPTS) {
                failures.set(staffId, new FailedSignIns.State(count, now.plus(LOCKOUT)));
                record(StaffEvent.Type.LOCKED_OUT, staff.id(), now);
                return new SignInResult.LockedOut(LOCKOUT);
            }
            failures.set(staffId, new FailedSignIns.State(count, null));
            record(StaffEvent.Type.PIN_REFUSED, staff.id(), now);
            return new SignInResult.WrongPin(MAX_ATTEMPTS - count);
        }
        failures.clear(staffId);
        record(StaffEvent.Type.SIGNED_IN, staff.id(), now);
        return new SignInResult.SignedIn(new StaffSession(staff, now.toString()));
    }

    public void signOut(StaffSession session) {
        record(StaffEvent.Type.SIGNED_OUT, session.staff().id(), clock.instant());
    }

    public void locked(StaffSession session) {
        record(StaffEvent.Type.LOCKED, session.staff().id(), clock.instant());
    }

    private void record(StaffEvent.Type type, String staffId, Instant at) {
        journal.record(new StaffEvent(UUID.randomUUID().toString(), type, staffId, storeId, deviceId, at.toString()));
    }
}
