package fr.comptoir.storage;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

/** The terminal's key/value settings, kept in the journal database with the store's own data. */
public final class SqliteSettings {

    private final SqliteDatabase db;

    public SqliteSettings(SqliteDatabase db) {
        this.db = db;
    }

    public Optional<String> get(String key) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT value FROM settings WHERE key = ?")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    public void put(String key, String value) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")) {
                ps.setString(1, key);
                ps.setString(2, value);
                return ps.executeUpdate();
            }
        });
    }

    public void remove(String key) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM settings WHERE key = ?")) {
                ps.setString(1, key);
                return ps.executeUpdate();
            }
        });
    }

    /** Wrong PINs and lockouts per staff member, kept with the settings so that a restart does not forget them. */
    public fr.comptoir.staff.FailedSignIns failedSignIns() {
        return new fr.comptoir.staff.FailedSignIns() {
            @Override
            public Optional<State> of(String staffId) {
                return get(KEY + staffId).flatMap(v -> {
                    String[] parts = v.split(";", 2);
                    try {
                        return Optional.of(new State(Integer.parseInt(parts[0]),
                                parts.length < 2 || parts[1].isEmpty() ? null : java.time.Instant.parse(parts[1])));
                    } catch (RuntimeException damaged) {
                        // Unreadable: counted as no failure rather than a lockout nobody can lift.
                        return Optional.empty();
                    }
                });
            }

            @Override
            public void set(String staffId, State state) {
                put(KEY + staffId, state.count() + ";" + (state.lockedUntil() == null ? "" : state.lockedUntil().toString()));
            }

            @Override
            public void clear(String staffId) {
                remove(KEY + staffId);
            }
        };
    }

    private static final String KEY = "signIn.failures.";
}
