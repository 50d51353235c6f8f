package fr.comptoir.storage;

import fr.comptoir.common.OutboxWrite;
import fr.comptoir.common.RecordFormat;
import fr.comptoir.common.WriteKind;
import fr.comptoir.sale.BasketLine;
import fr.comptoir.sale.Checkout;
import fr.comptoir.sale.SaleCompletion;
import fr.comptoir.sale.SaleRecord;
import fr.comptoir.staff.StaffEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Fiscal records kept apart from clienteling writes, in gapless chains, never changed; every record in its numbered form. */
class FiscalRecordsTest {

    @TempDir
    Path dir;

    private static final SaleCompletion.Seller SELLER = new SaleCompletion.Seller("st-par01", "PAR01", "dev-1", "stf-1", "Léa");

    static SaleRecord sell(SaleCompletion completion, String saleId) {
        List<BasketLine> lines = List.of(new BasketLine("prd-1-1", "SKU-1", "Robe · Noir · M", 1, 8_990, 2000, null));
        Checkout paid = new Checkout(8_990);
        paid.payCash(8_990);
        return completion.complete(saleId, lines, null, Set.of(), null, paid, SELLER);
    }

    private static List<String> rows(SqliteDatabase db, String sql) {
        return db.read(c -> {
            List<String> out = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                while (rs.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.append(i > 1 ? "|" : "").append(rs.getString(i));
                    }
                    out.add(row.toString());
                }
            }
            return out;
        });
    }

    @Test
    void ticketsAndTechnicalEventsGoToTheirOwnGaplessChainsAndClientelingWritesToTheJournal() {
        try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("journal.db"), "journal")) {
            SqliteJournal journal = new SqliteJournal(db, CanonicalJson.codec(), Clock.systemUTC());
            SaleCompletion completion = new SaleCompletion(journal, Clock.systemUTC());
            journal.record(new StaffEvent("evt-1", StaffEvent.Type.SIGNED_IN, "stf-1", "st-par01", "dev-1", "2026-12-02T10:00:00Z"));
            sell(completion, "sale-1");
            journal.appendWithOutbox("customer.note", "stf-1", new OutboxWrite(WriteKind.CUSTOMER_NOTE, "note-1", "cus-1", Map.of("customerId", "cus-1")));
            sell(completion, "sale-2");
            journal.record(new StaffEvent("evt-2", StaffEvent.Type.SIGNED_OUT, "stf-1", "st-par01", "dev-1", "2026-12-02T18:00:00Z"));

            assertThat(rows(db, "SELECT chain, seq, kind, format FROM fiscal_records ORDER BY chain, seq")).containsExactly(
                    "TECHNICAL|1|staff.signed_in|1", "TECHNICAL|2|staff.signed_out|1",
                    "TICKETS|1|sale.completed|1", "TICKETS|2|sale.completed|1");
            assertThat(rows(db, "SELECT kind, format FROM journal")).containsExactly("customer.note|1");
            // Each outbox entry names the record it sends, in its book.
            assertThat(rows(db, "SELECT kind, journal_seq IS NULL, fiscal_chain, fiscal_seq, payload_format FROM outbox ORDER BY id")).containsExactly(
                    "staff-event|1|TECHNICAL|1|1", "sale-recorded|1|TICKETS|1|1", "customer-note|0|null|null|1",
                    "sale-recorded|1|TICKETS|2|1", "staff-event|1|TECHNICAL|2|1");
            assertThat(journal.recentSales(5)).hasSize(2).first().asString().contains("\"id\":\"sale-2\"");
            assertThat(journal.size()).isEqualTo(5);
        }
    }

    @Test
    void aFiscalRecordCanBeNeitherChangedNorDeleted() {
        try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("journal.db"), "journal")) {
            sell(new SaleCompletion(new SqliteJournal(db, CanonicalJson.codec(), Clock.systemUTC()), Clock.systemUTC()), "sale-1");
        }
        // Straight to the file, as anyone with the sqlite3 shell could.
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("journal.db"))) {
            assertThatThrownBy(() -> c.createStatement().executeUpdate(
                    "UPDATE fiscal_records SET body = replace(body, '8990', '990')")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("never changed");
            assertThatThrownBy(() -> c.createStatement().executeUpdate("DELETE FROM fiscal_records")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("never deleted");
            try (ResultSet rs = c.createStatement().executeQuery("SELECT body FROM fiscal_records")) {
                assertThat(rs.getString(1)).contains("8990");
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theCanonicalFormGivesTheSameBytesForTheSameRecordWithSortedProperties() {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("zeta", 1);
        one.put("alpha", Map.of("b", 2, "a", 1));
        Map<String, Object> other = new LinkedHashMap<>();
        other.put("alpha", Map.of("a", 1, "b", 2));
        other.put("zeta", 1);
        assertThat(CanonicalJson.codec().encode(one)).isEqualTo(CanonicalJson.codec().encode(other))
                .isEqualTo("{\"alpha\":{\"a\":1,\"b\":2},\"zeta\":1}");
        BasketLine line = new BasketLine("prd-1-1", "SKU-1", "Robe", 1, 8_990, 2000, null);
        String encoded = CanonicalJson.codec().encode(line);
        assertThat(encoded.indexOf("\"label\"")).isLessThan(encoded.indexOf("\"quantity\"")).isLessThan(encoded.indexOf("\"variantId\""));
        assertThat(CanonicalJson.codec().decode(encoded, BasketLine.class)).isEqualTo(line);
        assertThat(CanonicalJson.FORMAT).isEqualTo(RecordFormat.CURRENT);
    }

    @Test
    void aJournalOfTheEarlierVersionHasItsFiscalRecordsMovedToTheirBooksInOrder() throws Exception {
        Path file = dir.resolve("journal.db");
        // A journal as version 5 of the schema left it: everything in one table, the outbox pointing at it.
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            for (String name : List.of("V001__journal_outbox_settings.sql", "V002__sales_and_stock_movements.sql", "V003__parked_sales.sql",
                    "V004__basket_in_progress.sql", "V005__outbox_per_record_and_payment_intents.sql")) {
                try (var in = Migrations.class.getResourceAsStream("/fr/comptoir/storage/journal/" + name)) {
                    for (String statement : Migrations.splitStatements(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))) {
                        s.execute(statement);
                    }
                }
            }
            s.execute("PRAGMA user_version = 5");
            String[][] old = {{"staff.sign_in", "{\"eventId\":\"e1\"}"}, {"customer.note", "{\"id\":\"n1\"}"},
                    {"sale.completed", "{\"id\":\"s1\",\"ticketNumber\":\"PAR01-dev-1-000001\"}"}, {"till.void", "{\"eventId\":\"e2\"}"},
                    {"sale.completed", "{\"id\":\"s2\",\"ticketNumber\":\"PAR01-dev-1-000002\"}"}};
            try (PreparedStatement j = c.prepareStatement("INSERT INTO journal(recorded_at, kind, staff_id, payload) VALUES (?, ?, 'stf-1', ?)");
                 PreparedStatement o = c.prepareStatement(
                         "INSERT INTO outbox(journal_seq, kind, idempotency_key, order_key, payload, created_at) VALUES (?, ?, ?, ?, ?, 0)")) {
                for (int i = 0; i < old.length; i++) {
                    j.setLong(1, 1000 + i);
                    j.setString(2, old[i][0]);
                    j.setString(3, old[i][1]);
                    j.executeUpdate();
                    o.setLong(1, i + 1);
                    o.setString(2, old[i][0]);
                    o.setString(3, "key-" + i);
                    o.setString(4, "rec-" + i);
                    o.setString(5, old[i][1]);
                    o.executeUpdate();
                }
            }
        }

        try (SqliteDatabase db = SqliteDatabase.open(file, "journal")) {
            assertThat(rows(db, "SELECT chain, seq, kind, format, recorded_at FROM fiscal_records ORDER BY chain, seq")).containsExactly(
                    "TECHNICAL|1|staff.sign_in|0|1000", "TECHNICAL|2|till.void|0|1003",
                    "TICKETS|1|sale.completed|0|1002", "TICKETS|2|sale.completed|0|1004");
            assertThat(rows(db, "SELECT seq, kind, format FROM journal")).containsExactly("2|customer.note|0");
            assertThat(rows(db, "SELECT idempotency_key, journal_seq, fiscal_chain, fiscal_seq, payload_format FROM outbox ORDER BY id")).containsExactly(
                    "key-0|null|TECHNICAL|1|0", "key-1|2|null|null|0", "key-2|null|TICKETS|1|0", "key-3|null|TECHNICAL|2|0",
                    "key-4|null|TICKETS|2|0");
            // The chains go on from where the old records stopped.
            SqliteJournal journal = new SqliteJournal(db, CanonicalJson.codec(), Clock.systemUTC());
            journal.record(new StaffEvent("e3", StaffEvent.Type.SIGNED_OUT, "stf-1", "st-par01", "dev-1", "2026-12-02T18:00:00Z"));
            assertThat(rows(db, "SELECT MAX(seq) FROM fiscal_records WHERE chain = 'TECHNICAL'")).containsExactly("3");
        }
    }
}
