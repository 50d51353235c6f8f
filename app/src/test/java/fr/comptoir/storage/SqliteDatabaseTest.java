package fr.comptoir.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SqliteDatabaseTest {

    @TempDir
    Path dir;

    @Test
    void aNestedTransactionJoinsTheOuterOneAndRollsBackWithIt() {
        try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("journal.db"), "journal")) {
            SqliteSettings settings = new SqliteSettings(db);
            assertThatThrownBy(() -> db.inTransaction(c -> {
                settings.put("a", "1");
                throw new IllegalStateException("boom");
            })).hasMessage("boom");
            assertThat(settings.get("a")).isEmpty();

            db.inTransaction(c -> {
                settings.put("b", "2");
                return null;
            });
            assertThat(settings.get("b")).contains("2");
        }
    }

    @Test
    void aFileThatIsNotADatabaseIsRefusedWithAClearError() throws Exception {
        Files.writeString(dir.resolve("cache.db"), "garbage ".repeat(1000));
        assertThatThrownBy(() -> SqliteDatabase.open(dir.resolve("cache.db"), "cache"))
                .isInstanceOf(StorageException.class).hasMessageContaining("cache.db");
    }
}
