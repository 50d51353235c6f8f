package fr.comptoir.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MigrationsTest {

    @TempDir
    Path dir;

    @Test
    void keepsTriggerBodiesWholeWhenSplittingStatements() {
        String sql = """
                -- comment
                CREATE TABLE a (x INTEGER);
                CREATE TRIGGER t AFTER INSERT ON a BEGIN
                    INSERT INTO a(x) VALUES (1);
                    INSERT INTO a(x) VALUES (2);
                END;
                CREATE INDEX i ON a(x);
                """;
        assertThat(Migrations.splitStatements(sql)).hasSize(3)
                .element(1).asString().contains("VALUES (1)").contains("VALUES (2)").contains("END;");
    }

    @Test
    void connectionsDoNotQueryGeneratedKeysAfterEveryInsert() {
        try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("cache.db"), "cache")) {
            db.withWriter(c -> {
                assertThat(c.unwrap(org.sqlite.SQLiteConnection.class).getDatabase().getConfig().isGetGeneratedKeys()).isFalse();
                return null;
            });
            db.read(c -> {
                assertThat(c.unwrap(org.sqlite.SQLiteConnection.class).getDatabase().getConfig().isGetGeneratedKeys()).isFalse();
                return null;
            });
        }
    }

    @Test
    void freshCacheIsAtTheLatestVersionInWalModeWithFullTextSearch() {
        try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("cache.db"), "cache")) {
            db.withWriter(c -> {
                try (Statement s = c.createStatement()) {
                    try (ResultSet rs = s.executeQuery("PRAGMA user_version")) {
                        assertThat(rs.getInt(1)).isEqualTo(11);
                    }
                    try (ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
                        assertThat(rs.getString(1)).isEqualToIgnoringCase("wal");
                    }
                    s.execute("INSERT INTO customers(id, first_name, last_name, loyalty_tier, loyalty_points, email_consent, sms_consent)"
                            + " VALUES ('c1', 'Hélène', 'de La Fontaine', 'NONE', 0, 0, 0)");
                    try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM customers_fts WHERE customers_fts MATCH 'helene* AND fon*'")) {
                        assertThat(rs.getInt(1)).isEqualTo(1);
                    }
                }
                return null;
            });
        }
    }

    @Test
    void reopeningAppliesNothingTwice() {
        SqliteDatabase.open(dir.resolve("journal.db"), "journal").close();
        try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("journal.db"), "journal")) {
            new SqliteSettings(db).put("k", "v");
            assertThat(new SqliteSettings(db).get("k")).contains("v");
        }
    }

    @Test
    void refusesADatabaseFromANewerVersion() {
        try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("journal.db"), "journal")) {
            db.withWriter(c -> c.createStatement().execute("PRAGMA user_version = 99"));
        }
        assertThatThrownBy(() -> SqliteDatabase.open(dir.resolve("journal.db"), "journal"))
                .isInstanceOf(StorageException.class).hasMessageContaining("newer version");
    }
}
