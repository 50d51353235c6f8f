package fr.comptoir.storage;

import fr.comptoir.centralapi.PendingWrite;
import fr.comptoir.fiscal.ChainVerifier;
import fr.comptoir.fiscal.FiscalRecord;
import fr.comptoir.fiscal.SigningKey;
import fr.comptoir.fiscal.VerificationReport;
import fr.comptoir.sale.SaleCompletion;
import fr.comptoir.staff.StaffEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The signed chains of fiscal records (decision 0031), and what the verifier says when someone edits the
 * journal file behind Comptoir's back with the sqlite3 shell (dropping the triggers that refuse it first).
 */
class SignedFiscalChainsTest {

    @TempDir
    Path dir;

    private final SigningKey key = SigningKey.generate();

    private SqliteDatabase open() {
        return SqliteDatabase.open(dir.resolve("journal.db"), "journal");
    }

    /** Three sales and two staff events, signed with {@link #key}. */
    private void writeADay() {
        try (SqliteDatabase db = open()) {
            SqliteJournal journal = new SqliteJournal(db, CanonicalJson.codec(), Clock.systemUTC(), SqliteJournal.TicketReservation.NONE,
                    new SqliteFiscalBook(() -> key));
            SaleCompletion completion = new SaleCompletion(journal, Clock.systemUTC());
            journal.record(new StaffEvent("evt-1", StaffEvent.Type.SIGNED_IN, "stf-1", "st-par01", "dev-1", "2026-12-02T10:00:00Z"));
            FiscalRecordsTest.sell(completion, "sale-1");
            FiscalRecordsTest.sell(completion, "sale-2");
            FiscalRecordsTest.sell(completion, "sale-3");
            journal.record(new StaffEvent("evt-2", StaffEvent.Type.SIGNED_OUT, "stf-1", "st-par01", "dev-1", "2026-12-02T18:00:00Z"));
        }
    }

    private VerificationReport verify(Set<String> trusted) {
        try (SqliteDatabase db = open()) {
            return db.read(c -> SqliteFiscalBook.verify(c, trusted));
        }
    }

    private VerificationReport verify() {
        return verify(Set.of());
    }

    /** What a person would type in the sqlite3 shell; run through the shell when it is installed, else through JDBC. */
    private void tamper(String sql) throws Exception {
        Path file = dir.resolve("journal.db");
        String script = "DROP TRIGGER IF EXISTS fiscal_records_never_change; DROP TRIGGER IF EXISTS fiscal_records_never_deleted; " + sql;
        if (onPath("sqlite3")) {
            Process p = new ProcessBuilder("sqlite3", file.toString(), script).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(out).isZero();
        } else {
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
                for (String statement : script.split(";")) {
                    if (!statement.isBlank()) {
                        s.executeUpdate(statement);
                    }
                }
            }
        }
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null && java.util.Arrays.stream(path.split(java.io.File.pathSeparator))
                .anyMatch(d -> java.nio.file.Files.isExecutable(Path.of(d, program)));
    }

    private static List<String> problems(VerificationReport r) {
        return r.findings().stream().map(ChainVerifier.Finding::toString).toList();
    }

    @Test
    void everyRecordIsSignedAndChainedToTheOneBeforeWithThePerpetualTotalOfTickets() {
        writeADay();
        try (SqliteDatabase db = open()) {
            List<FiscalRecord> tickets = db.read(c -> SqliteFiscalBook.records(c, fr.comptoir.common.FiscalChain.TICKETS, 1, 99));
            assertThat(tickets).extracting(FiscalRecord::seq).containsExactly(1L, 2L, 3L);
            assertThat(tickets).extracting(FiscalRecord::perpetualCents).containsExactly(8_990L, 17_980L, 26_970L);
            assertThat(tickets.get(0).previousSignature()).isEqualTo(FiscalRecord.GENESIS);
            assertThat(tickets.get(1).previousSignature()).isEqualTo(tickets.get(0).signature());
            assertThat(tickets.get(2).previousSignature()).isEqualTo(tickets.get(1).signature());
            for (FiscalRecord t : tickets) {
                assertThat(t.keyId()).isEqualTo(key.id());
                assertThat(SigningKey.verify(key.publicKey(), t.signedText().getBytes(StandardCharsets.UTF_8),
                        Base64.getDecoder().decode(t.signature()))).isTrue();
            }
        }
        VerificationReport report = verify(Set.of(key.id()));
        assertThat(problems(report)).isEmpty();
        assertThat(report.chains()).filteredOn(c -> c.chain().equals("TICKETS")).singleElement()
                .satisfies(c -> assertThat(c.signed()).isEqualTo(3));
        assertThat(report.chains()).filteredOn(c -> c.chain().equals("TECHNICAL")).singleElement()
                .satisfies(c -> assertThat(c.signed()).isEqualTo(2));
    }

    @Test
    void anAmountEditedInTheFileIsCaught() throws Exception {
        writeADay();
        tamper("UPDATE fiscal_records SET body = replace(body, '\"totalCents\":8990', '\"totalCents\":990') WHERE chain = 'TICKETS' AND seq = 2;");
        assertThat(problems(verify())).containsExactlyInAnyOrder(
                "TICKETS #2: has been altered: its signature does not match its content",
                "TICKETS #2: perpetual grand total 17980 does not add up: the tickets before it and its own total make 9980");
    }

    @Test
    void aDeletedTicketIsCaught() throws Exception {
        writeADay();
        tamper("DELETE FROM fiscal_records WHERE chain = 'TICKETS' AND seq = 2;");
        assertThat(problems(verify())).contains("TICKETS #3: record 2 is missing before it (deleted)",
                "TICKETS #3: does not follow the record before it: a record was removed, inserted or moved here");
    }

    @Test
    void theLastTicketDeletedIsCaughtByWhatStillSpeaksOfIt() throws Exception {
        writeADay();
        tamper("DELETE FROM fiscal_records WHERE chain = 'TICKETS' AND seq = 3;");
        assertThat(problems(verify())).containsExactly("TICKETS #3: is missing (deleted): the outbox still sends it, the chain ends at 2");
    }

    @Test
    void twoTicketsSwappedAreCaught() throws Exception {
        writeADay();
        // Their contents swapped in place...
        tamper("""
                CREATE TEMP TABLE kept AS SELECT seq, body FROM fiscal_records WHERE chain = 'TICKETS' AND seq IN (2, 3);
                UPDATE fiscal_records SET body = (SELECT body FROM kept WHERE kept.seq = 5 - fiscal_records.seq)
                WHERE chain = 'TICKETS' AND seq IN (2, 3);""");
        assertThat(problems(verify())).containsExactlyInAnyOrder(
                "TICKETS #2: has been altered: its signature does not match its content",
                "TICKETS #3: has been altered: its signature does not match its content");
    }

    @Test
    void twoTicketsRenumberedIntoEachOthersPlaceAreCaught() throws Exception {
        writeADay();
        tamper("UPDATE fiscal_records SET seq = -2 WHERE chain = 'TICKETS' AND seq = 2; "
                + "UPDATE fiscal_records SET seq = 2 WHERE chain = 'TICKETS' AND seq = 3; "
                + "UPDATE fiscal_records SET seq = 3 WHERE chain = 'TICKETS' AND seq = -2;");
        List<String> problems = problems(verify());
        assertThat(problems).contains("TICKETS #2: has been altered: its signature does not match its content",
                "TICKETS #3: has been altered: its signature does not match its content");
        assertThat(problems).anyMatch(p -> p.contains("out of order") || p.contains("does not follow"));
    }

    @Test
    void aRecordWhoseSignatureWasRedoneWithAnotherKeyIsCaughtAgainstTheRegisteredKey() throws Exception {
        writeADay();
        // Someone with their own key re-signs ticket 2 after changing it and registers their key in the journal.
        SigningKey theirs = SigningKey.generate();
        FiscalRecord t2;
        try (SqliteDatabase db = open()) {
            t2 = db.read(c -> SqliteFiscalBook.records(c, fr.comptoir.common.FiscalChain.TICKETS, 2, 2)).get(0);
        }
        FiscalRecord forged = new FiscalRecord(t2.chain(), t2.seq(), t2.recordedAt(), t2.kind(), t2.staffId(), t2.format(),
                t2.body().replace("\"staffName\":\"Léa\"", "\"staffName\":\"Paul\""), null, null, null, null)
                .signedBy(theirs, t2.perpetualCents(), t2.previousSignature());
        tamper("INSERT INTO fiscal_keys VALUES ('" + theirs.id() + "', '" + theirs.publicKeyPem() + "', 0); "
                + "UPDATE fiscal_records SET body = '" + forged.body().replace("'", "''") + "', key_id = '" + theirs.id()
                + "', signature = '" + forged.signature() + "' WHERE chain = 'TICKETS' AND seq = 2;");
        // Against the keys the journal holds the record is well signed, but ticket 3 no longer follows it...
        assertThat(problems(verify())).containsExactly("TICKETS #3: does not follow the record before it: a record was removed, "
                + "inserted or moved here");
        // ...and against the terminal's registered key, the forged one is named.
        assertThat(problems(verify(Set.of(key.id())))).contains("TICKETS #2: is signed with key " + theirs.id()
                + ", not with the key given to check against");
    }

    @Test
    void recordsWrittenBeforeRecordsWereSignedAreBoundToTheFirstSignedOne() throws Exception {
        try (SqliteDatabase db = open()) {
            // As a version before V008 left them: unsigned, numbered.
            db.inTransaction(c -> {
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("""
                            INSERT INTO fiscal_records(chain, seq, recorded_at, kind, staff_id, format, body) VALUES
                            ('TICKETS', 1, 1000, 'sale.completed', 'stf-1', 1, '{"id":"old-1","ticketNumber":"PAR01-DEV-000001","totalCents":1500,"lines":[{}]}'),
                            ('TICKETS', 2, 2000, 'sale.completed', 'stf-1', 1, '{"id":"old-2","ticketNumber":"PAR01-DEV-000002","totalCents":2500,"lines":[{}]}')""");
                    s.executeUpdate("UPDATE ticket_counter SET last = 2 WHERE id = 1");
                }
                return null;
            });
            SqliteJournal journal = new SqliteJournal(db, CanonicalJson.codec(), Clock.systemUTC(), SqliteJournal.TicketReservation.NONE,
                    new SqliteFiscalBook(() -> key));
            FiscalRecordsTest.sell(new SaleCompletion(journal, Clock.systemUTC()), "sale-new");
            FiscalRecord first = db.read(c -> SqliteFiscalBook.records(c, fr.comptoir.common.FiscalChain.TICKETS, 3, 3)).get(0);
            assertThat(first.previousSignature()).startsWith(FiscalRecord.LEGACY_PREFIX);
            assertThat(first.perpetualCents()).as("the old tickets count in the perpetual total").isEqualTo(1_500 + 2_500 + 8_990);
        }
        assertThat(problems(verify())).isEmpty();

        tamper("UPDATE fiscal_records SET body = replace(body, '2500', '250') WHERE chain = 'TICKETS' AND seq = 2;");
        assertThat(problems(verify())).contains("TICKETS #3: the unsigned records before it (written before records were signed) "
                + "are not the ones it was chained to (changed, removed or added)");
    }

    @Test
    void theOutboxSendsEachFiscalRecordWithItsProofOverTheExactBytesSent() {
        writeADay();
        try (SqliteDatabase db = open()) {
            List<PendingWrite> due = new SqliteOutbox(db).due(Long.MAX_VALUE, 100);
            // The sign-out waits behind the sign-in of the same person: four due now, each with its proof.
            assertThat(due).hasSize(4).allSatisfy(w -> {
                assertThat(w.fiscalProof()).isNotNull();
                FiscalRecord r = FiscalRecord.fromProof(w.fiscalProof(), w.payloadJson());
                assertThat(SigningKey.verify(key.publicKey(), r.signedText().getBytes(StandardCharsets.UTF_8),
                        Base64.getDecoder().decode(r.signature()))).as(w.fiscalProof()).isTrue();
            });
        }
    }
}
