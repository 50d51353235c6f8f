package fr.comptoir.staff;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Wrong PINs in a row per staff member, and until when they are locked out: kept on the terminal so that
 * a restart does not give a guesser five more tries. Blocking (disk).
 */
public interface FailedSignIns {

    /** Wrong PINs in a row, and the end of the lockout they led to (null while not locked out). */
    record State(int count, Instant lockedUntil) {
    }

    Optional<State> of(String staffId);

    void set(String staffId, State state);

    void clear(String staffId);

    /** Kept in memory only (tests; a restart forgets). */
    static FailedSignIns inMemory() {
        ConcurrentHashMap<String, State> states = new ConcurrentHashMap<>();
        return new FailedSignIns() {
            @Override
            public Optional<State> of(String staffId) {
                return Optional.ofNullable(states.get(staffId));
            }

            @Override
            public void set(String staffId, State state) {
                states.put(staffId, state);
            }

            @Override
            public void clear(String staffId) {
                states.remove(staffId);
            }
        };
    }
}
