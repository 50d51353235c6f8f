package fr.comptoir.storage;

import fr.comptoir.centralapi.WireJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SqliteJournalTest {

    @TempDir
    Path dir;

    @Test
    void aJournalRecordAndItsOutboxEntryCommitTogetherOrNotAtAll() {
        try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("journal.db"), "journal")) {
            SqliteJournal journal = new SqliteJournal(db, WireJson::encode, Clock.systemUTC());
            SqliteOutbox outbox = new SqliteOutbox(db);
            journal.appendWithOutbox("test", "s1", "staff-event", "key-1", Map.of("n", 1));

            // Same idempotency key: the outbox insert fails, so the journal record must not stay either.
            assertThatThrownBy(() -> journal.appendWithOutbox("test", "s1", "staff-event", "key-1", Map.of("n", 2)))
                    .isInstanceOf(StorageException.class);

            assertThat(journal.size()).isEqualTo(1);
            assertThat(outbox.pendingCount()).isEqualTo(1);
        }
    }

    @Test
    void outboxDeliversInOrderAndKeepsBackoffAndAttention() {
        try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("journal.db"), "journal")) {
            SqliteJournal journal = new SqliteJournal(db, WireJson::encode, Clock.systemUTC());
            SqliteOutbox outbox = new SqliteOutbox(db);
            journal.appendWithOutbox("a", null, "staff-event", "k1", Map.of("n", 1));
            journal.appendWithOutbox("b", null, "staff-event", "k2", Map.of("n", 2));

            var first = outbox.nextDue(1000).orElseThrow();
            assertThat(first.idempotencyKey()).isEqualTo("k1");
            outbox.markRetry(first.id(), "offline", 5000);
            // The first is not due yet, and nothing overtakes it.
            assertThat(outbox.nextDue(1000)).isEmpty();
            assertThat(outbox.nextDue(5000)).get().extracting(w -> w.attempts()).isEqualTo(1);
            outbox.makeDueNow();
            outbox.markNeedsAttention(first.id(), "422 refused");
            assertThat(outbox.nextDue(1000)).get().extracting(w -> w.idempotencyKey()).isEqualTo("k2");
            assertThat(outbox.needsAttention()).singleElement().extracting(e -> e.lastError()).isEqualTo("422 refused");
            assertThat(outbox.pendingCount()).isEqualTo(1);
        }
    }
}
