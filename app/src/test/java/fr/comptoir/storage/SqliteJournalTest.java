package fr.comptoir.storage;

import fr.comptoir.centralapi.PendingWrite;
import fr.comptoir.common.OutboxWrite;
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

    static OutboxWrite write(String key, String record, int n) {
        return new OutboxWrite(fr.comptoir.common.WriteKind.STAFF_EVENT, key, record, Map.of("n", n));
    }

    @Test
    void aJournalRecordAndItsOutboxEntryCommitTogetherOrNotAtAll() {
        try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("journal.db"), "journal")) {
            SqliteJournal journal = new SqliteJournal(db, fr.comptoir.storage.CanonicalJson.codec(), Clock.systemUTC());
            SqliteOutbox outbox = new SqliteOutbox(db);
            journal.appendWithOutbox("test", "s1", write("key-1", "a", 1));

            // Same idempotency key: the outbox insert fails, so the journal record must not stay either.
            assertThatThrownBy(() -> journal.appendWithOutbox("test", "s1", write("key-1", "a", 2)))
                    .isInstanceOf(StorageException.class);

            assertThat(journal.size()).isEqualTo(1);
            assertThat(outbox.pendingCount()).isEqualTo(1);
        }
    }

    @Test
    void eachRecordsWritesWaitForOneAnotherButNotForOtherRecords() {
        try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("journal.db"), "journal")) {
            SqliteJournal journal = new SqliteJournal(db, fr.comptoir.storage.CanonicalJson.codec(), Clock.systemUTC());
            SqliteOutbox outbox = new SqliteOutbox(db);
            journal.appendWithOutbox("a", null, write("a1", "customer-a", 1));
            journal.appendWithOutbox("a", null, write("a2", "customer-a", 2));
            journal.appendWithOutbox("b", null, write("b1", "customer-b", 3));

            assertThat(outbox.due(1000, 10)).extracting(PendingWrite::idempotencyKey).containsExactly("a1", "b1");
            PendingWrite a1 = outbox.due(1000, 10).get(0);
            outbox.markRetry(a1.id(), "offline", 5000);
            // a1 waits out its backoff; a2 waits for a1; b1 goes on.
            assertThat(outbox.due(1000, 10)).extracting(PendingWrite::idempotencyKey).containsExactly("b1");
            assertThat(outbox.due(5000, 10)).first().extracting(PendingWrite::attempts).isEqualTo(1);
            assertThat(outbox.oldestPendingProblem()).contains("offline");

            // Refused for good: a2 still waits behind it (a person decides), b1 does not.
            outbox.markNeedsAttention(a1.id(), "Refused: 422");
            assertThat(outbox.due(9000, 10)).extracting(PendingWrite::idempotencyKey).containsExactly("b1");
            assertThat(outbox.needsAttention()).singleElement().extracting(e -> e.lastError()).isEqualTo("Refused: 422");
            assertThat(outbox.pendingCount()).isEqualTo(2);

            // Discarded by a manager: a2 may go now, and the decision is journaled.
            long before = journal.size();
            outbox.discard(a1.id(), "customer left no valid address", "stf-manager", "stf-1");
            assertThat(outbox.due(9000, 10)).extracting(PendingWrite::idempotencyKey).containsExactly("a2", "b1");
            assertThat(outbox.discardedCount()).isEqualTo(1);
            assertThat(journal.size()).isEqualTo(before + 1);
            assertThatThrownBy(() -> outbox.discard(a1.id(), "again", "stf-manager", "stf-1")).hasMessageContaining("already-resolved");
        }
    }

    @Test
    void aCorrectedWriteGoesAgainUnderANewKeyInItsOwnPlace() {
        try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("journal.db"), "journal")) {
            SqliteJournal journal = new SqliteJournal(db, fr.comptoir.storage.CanonicalJson.codec(), Clock.systemUTC());
            SqliteOutbox outbox = new SqliteOutbox(db);
            journal.appendWithOutbox("a", null, write("a1", "customer-a", 1));
            journal.appendWithOutbox("a", null, write("a2", "customer-a", 2));
            PendingWrite a1 = outbox.due(0, 10).get(0);
            outbox.markNeedsAttention(a1.id(), "Refused: invalid e-mail");

            outbox.correct(a1.id(), "{\"n\":10}", "stf-manager", "stf-1");
            PendingWrite again = outbox.due(0, 10).get(0);
            assertThat(again.id()).isEqualTo(a1.id());
            assertThat(again.payloadJson()).isEqualTo("{\"n\":10}");
            assertThat(again.idempotencyKey()).startsWith("a1:corrected-");
            assertThat(again.attempts()).isZero();
            assertThat(outbox.needsAttentionCount()).isZero();
        }
    }
}
