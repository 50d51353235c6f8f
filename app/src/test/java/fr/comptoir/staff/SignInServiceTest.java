package fr.comptoir.staff;

import fr.comptoir.centralapi.Feed;
import fr.comptoir.centralapi.FeedPage;
import fr.comptoir.centralapi.PendingWrite;
import fr.comptoir.storage.SqliteDatabase;
import fr.comptoir.storage.SqliteFeedCache;
import fr.comptoir.storage.SqliteJournal;
import fr.comptoir.storage.SqliteOutbox;
import fr.comptoir.storage.SqliteStaffDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class SignInServiceTest {

    @TempDir
    Path dir;
    SqliteDatabase cacheDb;
    SqliteDatabase journalDb;
    MutableClock clock = new MutableClock(Instant.parse("2026-11-20T09:00:00Z"));
    SignInService service;
    SqliteOutbox outbox;
    SqliteJournal journal;

    @BeforeEach
    void setUp() {
        cacheDb = SqliteDatabase.open(dir.resolve("cache.db"), "cache");
        journalDb = SqliteDatabase.open(dir.resolve("journal.db"), "journal");
        new SqliteFeedCache(cacheDb, fr.comptoir.storage.CanonicalJson.codec()).applyPage(Feed.STAFF, (cursor, h) -> {
            h.upsert(new StaffMember("s1", "store-a", "Léo Martin", Role.ASSOCIATE, PinHasher.hash("1234", 1000), true));
            h.upsert(new StaffMember("s2", "store-b", "Elsewhere", Role.ASSOCIATE, PinHasher.hash("1234", 1000), true));
            h.upsert(new StaffMember("s3", "store-a", "Gone", Role.ASSOCIATE, PinHasher.hash("1234", 1000), false));
            return new FeedPage("c1", false, 3, 0);
        }, 0);
        journal = new SqliteJournal(journalDb, fr.comptoir.storage.CanonicalJson.codec(), clock);
        outbox = new SqliteOutbox(journalDb);
        service = new SignInService(new SqliteStaffDirectory(cacheDb), journal, clock, "store-a", "dev-1");
    }

    @AfterEach
    void tearDown() {
        cacheDb.close();
        journalDb.close();
    }

    @Test
    void signsInOfflineWithTheRightPinAndJournalsIt() {
        SignInResult result = service.signIn("s1", "1234");

        assertThat(result).isInstanceOf(SignInResult.SignedIn.class);
        assertThat(((SignInResult.SignedIn) result).session().staff().displayName()).isEqualTo("Léo Martin");
        assertThat(journal.size()).isEqualTo(1);
        Optional<PendingWrite> write = outbox.due(clock.millis(), 1).stream().findFirst();
        assertThat(write).isPresent();
        assertThat(write.get().payloadJson()).contains("\"type\":\"SIGNED_IN\"").contains("\"staffId\":\"s1\"").doesNotContain("1234");
    }

    @Test
    void wrongPinsCountDownThenLockOutForAMinute() {
        for (int i = 1; i < SignInService.MAX_ATTEMPTS; i++) {
            assertThat(service.signIn("s1", "0000")).isEqualTo(new SignInResult.WrongPin(SignInService.MAX_ATTEMPTS - i));
        }
        assertThat(service.signIn("s1", "0000")).isInstanceOf(SignInResult.LockedOut.class);
        assertThat(service.signIn("s1", "1234")).isInstanceOf(SignInResult.LockedOut.class);
        clock.advance(SignInService.LOCKOUT.plusSeconds(1));
        assertThat(service.signIn("s1", "1234")).isInstanceOf(SignInResult.SignedIn.class);
        // Four wrong PINs, the lockout, the sign-in: each journaled for the platform, never the PIN typed.
        assertThat(journal.size()).isEqualTo(6);
        assertThat(journal.pendingPayloads(fr.comptoir.common.WriteKind.STAFF_EVENT))
                .allSatisfy(p -> assertThat(p).doesNotContain("0000"))
                .map(p -> p.replaceAll(".*\"type\":\"([A-Z_]+)\".*", "$1"))
                .containsExactly("PIN_REFUSED", "PIN_REFUSED", "PIN_REFUSED", "PIN_REFUSED", "LOCKED_OUT", "SIGNED_IN");
    }

    @Test
    void aLockoutOutlivesARestartOfTheTerminal() {
        fr.comptoir.storage.SqliteSettings settings = new fr.comptoir.storage.SqliteSettings(journalDb);
        service = new SignInService(new SqliteStaffDirectory(cacheDb), journal, clock, "store-a", "dev-1", settings.failedSignIns());
        for (int i = 1; i < SignInService.MAX_ATTEMPTS; i++) {
            service.signIn("s1", "0000");
        }
        // Restarted before the fifth try: the count goes on where it was.
        service = new SignInService(new SqliteStaffDirectory(cacheDb), journal, clock, "store-a", "dev-1", settings.failedSignIns());
        assertThat(service.signIn("s1", "0000")).isInstanceOf(SignInResult.LockedOut.class);
        clock.advance(Duration.ofSeconds(10));
        service = new SignInService(new SqliteStaffDirectory(cacheDb), journal, clock, "store-a", "dev-1", settings.failedSignIns());
        assertThat(service.signIn("s1", "1234")).isEqualTo(new SignInResult.LockedOut(SignInService.LOCKOUT.minusSeconds(10)));
        clock.advance(SignInService.LOCKOUT);
        assertThat(service.signIn("s1", "1234")).isInstanceOf(SignInResult.SignedIn.class);
        assertThat(settings.get("signIn.failures.s1")).as("forgotten once the right PIN is typed").isEmpty();
    }

    @Test
    void staffOfAnotherStoreOrInactiveCannotSignIn() {
        assertThat(service.signIn("s2", "1234")).isInstanceOf(SignInResult.UnknownStaff.class);
        assertThat(service.signIn("s3", "1234")).isInstanceOf(SignInResult.UnknownStaff.class);
        assertThat(service.signIn("nobody", "1234")).isInstanceOf(SignInResult.UnknownStaff.class);
        assertThat(outbox.pendingCount()).isZero();
    }

    @Test
    void signOutAndLockAreJournaledToo() {
        StaffSession session = ((SignInResult.SignedIn) service.signIn("s1", "1234")).session();
        service.locked(session);
        service.signOut(session);
        assertThat(journal.size()).isEqualTo(3);
        assertThat(outbox.pendingCount()).isEqualTo(3);
    }

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
