package fr.comptoir.till;

import fr.comptoir.common.FiscalChain;
import fr.comptoir.sale.BasketLine;
import fr.comptoir.sale.Checkout;
import fr.comptoir.sale.Payment;
import fr.comptoir.sale.ReturnOf;
import fr.comptoir.sale.SaleCompletion;
import fr.comptoir.sale.SaleRecord;
import fr.comptoir.sale.TillAudit;
import fr.comptoir.sale.TillEvent;
import fr.comptoir.sale.Vat;
import fr.comptoir.sale.VatLine;
import fr.comptoir.storage.CanonicalJson;
import fr.comptoir.storage.SqliteDatabase;
import fr.comptoir.storage.SqliteFiscalBook;
import fr.comptoir.storage.SqliteJournal;
import fr.comptoir.storage.SqliteTill;
import fr.comptoir.testing.SettableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Cash sessions, X and Z to the cent, closings sealing their periods, perpetual totals across months and years. */
class TillTest {

    @TempDir
    Path dir;

    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-30T09:00:00Z"));
    private final fr.comptoir.fiscal.SigningKey key = fr.comptoir.fiscal.SigningKey.generate();
    private SqliteDatabase db;
    private SqliteJournal journal;
    private SqliteTill book;
    private SaleCompletion completion;
    private static final SaleCompletion.Seller SELLER = new SaleCompletion.Seller("st-par01", "PAR01", "dev-1", "stf-1", "Léa");

    @BeforeEach
    void open() {
        db = SqliteDatabase.open(dir.resolve("journal.db"), "journal");
        journal = new SqliteJournal(db, CanonicalJson.codec(), clock, SqliteJournal.TicketReservation.NONE, new SqliteFiscalBook(() -> key));
        book = new SqliteTill(db, CanonicalJson.codec(), clock, journal);
        completion = new SaleCompletion(journal, clock);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Till till() {
        return new Till(book, clock, ZoneOffset.UTC, "st-par01", "dev-1");
    }

    private SaleRecord sell(String id, List<BasketLine> lines, Payment.Tender tender, long given) {
        long due = lines.stream().mapToLong(BasketLine::totalCents).sum();
        Checkout paid = new Checkout(due);
        if (tender == Payment.Tender.CASH) {
            paid.payCash(given);
        } else {
            paid.add(new Payment(Payment.Tender.CARD, due, "************4242", "A1B2C3", "T-" + id));
        }
        clock.advance(Duration.ofMinutes(10));
        return completion.complete(id, lines, null, Set.of(), null, paid, SELLER);
    }

    /** A return of one robe bought on ticket {@code ticket}, handed back in cash, as the journal records it. */
    private SaleRecord returnInCash(String id, String ticket) {
        BasketLine back = BasketLine.comingBack("prd-1-1", "SKU-1", "Robe · Noir · M", 1, 8_990, 2000, null, 8_990,
                new ReturnOf("ord-" + ticket, ticket, "ord-" + ticket + "-1", "STORE", ReturnOf.Reason.CHANGED_MIND, ReturnOf.Restock.SELLABLE,
                        null, false));
        clock.advance(Duration.ofMinutes(10));
        return journal.recordSale(id, seq -> new SaleRecord(id, "PAR01-DEV-1-" + String.format("%06d", seq), "st-par01", "dev-1", "stf-1", "Léa",
                null, null, clock.instant().toString(), List.of(back), List.of(new Payment(Payment.Tender.CASH, -8_990, null, null, null)),
                -8_990, 0, Vat.breakdown(List.of(back)), List.of(), null, SaleRecord.Type.RETURN));
    }

    private static final BasketLine ROBE = new BasketLine("prd-1-1", "SKU-1", "Robe · Noir · M", 1, 8_990, 2000, null);
    private static final BasketLine LIVRES = new BasketLine("prd-9-1", "SKU-9", "Livre", 2, 1_200, 550, null);
    private static final BasketLine PULL_REMISE = new BasketLine("prd-2-1", "SKU-2", "Pull", 1, 4_990, 2000, null, 500, "DAMAGED", "stf-9",
            null, null, 0, null);
    private static final BasketLine SOLDE_COMMANDE = new BasketLine("prd-3-1", "SKU-3", "Solde commande W-1001", 1, 3_000, 2000, null, 0, null,
            null, BasketLine.ORDER + "ord-w1001", null, 0, null);

    @Test
    void aDayOfSalesReturnsAndAnOrderBalanceGivesXAndZToTheCentAndTheDrawerItsExpectedCash() {
        Till till = till();
        assertThat(till.isOpen()).isFalse();
        CashSession session = till.open(CashCount.EMPTY.with(Denomination.NOTE_10, 10).with(Denomination.COIN_1, 20), "stf-1");
        assertThat(session.floatCount().totalCents()).isEqualTo(12_000);

        SaleRecord a = sell("sale-a", List.of(ROBE, LIVRES), Payment.Tender.CASH, 12_000);
        assertThat(a.changeCents()).isEqualTo(610);
        sell("sale-b", List.of(PULL_REMISE), Payment.Tender.CARD, 0);
        returnInCash("ret-c", a.ticketNumber());
        sell("sale-d", List.of(SOLDE_COMMANDE), Payment.Tender.CARD, 0);
        TillAudit.journaled(journal, clock, "st-par01", "dev-1", "stf-1").record(TillEvent.Type.LINE_VOIDED, null, 1_200, "Livre");
        till.move(CashMovement.Direction.OUT, CashMovement.Reason.SAFE_DROP, 5_000, null, "stf-1");
        till.move(CashMovement.Direction.IN, CashMovement.Reason.CHANGE_TOP_UP, 2_000, "rouleaux de pièces", "stf-1");

        // 120.00 float + 113.90 cash kept on A - 89.90 handed back on C - 50.00 dropped + 20.00 brought in.
        assertThat(till.expected().cashCents()).isEqualTo(11_400);
        assertThat(till.expected().cardCents()).isEqualTo(4_490 + 3_000);

        Closing x = till.x("stf-1");
        assertThat(List.of(x.ticketCount(), x.salesCount(), x.returnsCount(), x.voidCount())).containsExactly(4, 3, 1, 1);
        assertThat(List.of(x.salesCents(), x.returnsCents(), x.totalCents(), x.discountsCents(), x.voidCents()))
                .containsExactly(11_390L + 4_490 + 3_000, 8_990L, 9_890L, 500L, 1_200L);
        assertThat(x.tenders()).containsExactly(new Closing.TenderTotal("CARD", 7_490), new Closing.TenderTotal("CASH", 2_400));
        // Per rate, each ticket's own breakdown added up: 20 %: 8990 → 7492 + 1498, 4490 → 3742 + 748, 3000 → 2500 + 500, -8990.
        assertThat(x.vatBreakdown()).containsExactly(new VatLine(2000, 6_242, 1_248, 7_490), new VatLine(550, 2_275, 125, 2_400));
        assertThat(x.perpetualGrandTotalCents()).isEqualTo(9_890);
        assertThat(book.closings(Closing.Kind.DAY)).as("an X closes nothing").isEmpty();

        assertThatThrownBy(() -> till.z("stf-1")).isInstanceOfSatisfying(Till.Refused.class,
                e -> assertThat(e.key()).isEqualTo("till.closeSessionFirst"));

        // Blind count: 14.00 short is above the 5.00 limit: a manager must accept it.
        CashCount short14 = CashCount.EMPTY.with(Denomination.NOTE_50, 2);
        assertThatThrownBy(() -> till.closeSession(short14, 7_490L, "stf-1", null, 500))
                .isInstanceOfSatisfying(Till.NeedsApproval.class, e -> assertThat(e.differenceCents()).isEqualTo(-1_400));
        assertThat(till.isOpen()).as("nothing was closed").isTrue();
        Closing tillClosing = till.closeSession(short14, 7_490L, "stf-1", "stf-9", 500);
        assertThat(tillClosing.cash().expectedCents()).isEqualTo(11_400);
        assertThat(tillClosing.cash().differenceCents()).isEqualTo(-1_400);
        assertThat(tillClosing.approvedBy()).isEqualTo("stf-9");
        assertThat(tillClosing.cash().movements()).hasSize(2);
        assertThat(till.isOpen()).isFalse();

        Closing z = till.z("stf-9");
        assertThat(z.kind()).isEqualTo(Closing.Kind.DAY);
        assertThat(List.of(z.totalCents(), z.perpetualGrandTotalCents(), z.firstTicketSeq(), z.lastTicketSeq()))
                .containsExactly(9_890L, 9_890L, 1L, 4L);
        assertThat(z.vatBreakdown()).isEqualTo(x.vatBreakdown());
        fr.comptoir.fiscal.VerificationReport report = db.read(c -> SqliteFiscalBook.verify(c, Set.of(key.id())));
        assertThat(report.findings()).isEmpty();
    }

    @Test
    void aClosedPeriodIsSealedAndPerpetualTotalsRunAcrossMonthsAndYears() {
        Till till = till();
        sell("s1", List.of(ROBE), Payment.Tender.CARD, 0);
        clock.set(Instant.parse("2026-11-30T20:00:00Z"));
        Closing z1 = till.z("stf-9");
        assertThat(List.of(z1.totalCents(), z1.perpetualGrandTotalCents())).containsExactly(8_990L, 8_990L);

        // The next day: a new ticket, and a correction of yesterday's as a new ticket of today, never an edit.
        clock.set(Instant.parse("2026-12-01T09:00:00Z"));
        SaleRecord s2 = sell("s2", List.of(LIVRES), Payment.Tender.CARD, 0);
        returnInCash("r1", "PAR01-DEV-1-000001");
        clock.set(Instant.parse("2026-12-01T20:00:00Z"));
        Closing z2 = till.z("stf-9");
        assertThat(z2.firstTicketSeq()).isEqualTo(z1.lastTicketSeq() + 1);
        assertThat(List.of(z2.ticketCount(), z2.totalCents(), z2.perpetualGrandTotalCents())).containsExactly(2, 2_400L - 8_990, 8_990L + 2_400 - 8_990);
        assertThat(s2.ticketNumber()).endsWith("000002");

        // The sealed records refuse any change, even by Comptoir's own connection.
        assertThatThrownBy(() -> db.inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                return s.executeUpdate("UPDATE fiscal_records SET body = '{}' WHERE chain = 'CLOSINGS' AND seq = 1");
            }
        })).hasMessageContaining("fiscal records are never changed");

        assertThatThrownBy(() -> till.closeMonth(YearMonth.of(2026, 12), "stf-9")).isInstanceOfSatisfying(Till.Refused.class,
                e -> assertThat(e.key()).isEqualTo("till.periodNotOver"));
        Closing november = till.closeMonth(YearMonth.of(2026, 11), "stf-9");
        // A clock set back into November cannot add a Z to it any more.
        Instant now = clock.instant();
        clock.set(Instant.parse("2026-11-30T23:00:00Z"));
        assertThatThrownBy(() -> till.z("stf-9")).isInstanceOfSatisfying(Till.Refused.class, e -> assertThat(e.key()).isEqualTo("till.periodClosed"));
        clock.set(now);
        assertThat(november.includes()).containsExactly(z1.id());
        assertThat(List.of(november.totalCents(), november.perpetualGrandTotalCents())).containsExactly(8_990L, 8_990L);
        assertThatThrownBy(() -> till.closeMonth(YearMonth.of(2026, 11), "stf-9")).isInstanceOfSatisfying(Till.Refused.class,
                e -> assertThat(e.key()).isEqualTo("till.periodClosed"));

        // January: a sale not yet in a Z does not stop December from closing (it is January's).
        clock.set(Instant.parse("2027-01-02T10:00:00Z"));
        sell("s3", List.of(new BasketLine("prd-5-1", "SKU-5", "Chaussettes", 1, 500, 2000, null)), Payment.Tender.CARD, 0);
        assertThatThrownBy(() -> till.closeYear(Year.of(2026), "stf-9")).isInstanceOfSatisfying(Till.Refused.class,
                e -> assertThat(e.key()).isEqualTo("till.monthNotClosed"));
        Closing december = till.closeMonth(YearMonth.of(2026, 12), "stf-9");
        assertThat(List.of(december.totalCents(), december.perpetualGrandTotalCents())).containsExactly(2_400L - 8_990, 2_400L);
        Closing year = till.closeYear(Year.of(2026), "stf-9");
        assertThat(year.includes()).containsExactly(november.id(), december.id());
        assertThat(List.of(year.totalCents(), year.perpetualGrandTotalCents(), (long) year.ticketCount())).containsExactly(2_400L, 2_400L, 3L);

        clock.set(Instant.parse("2027-01-02T20:00:00Z"));
        Closing z3 = till.z("stf-9");
        assertThat(List.of(z3.totalCents(), z3.perpetualGrandTotalCents())).containsExactly(500L, 2_900L);
        List<fr.comptoir.fiscal.FiscalRecord> closings = db.read(c -> SqliteFiscalBook.records(c, FiscalChain.CLOSINGS, 1, 99));
        assertThat(closings).extracting(fr.comptoir.fiscal.FiscalRecord::kind)
                .containsExactly("closing.day", "closing.day", "closing.month", "closing.month", "closing.year", "closing.day");
        fr.comptoir.fiscal.VerificationReport report = db.read(c -> SqliteFiscalBook.verify(c, Set.of(key.id())));
        assertThat(report.findings()).isEmpty();
    }

    @Test
    void anOpenTillStaysOpenAcrossARestartAndMidnight() {
        till().open(CashCount.EMPTY.with(Denomination.NOTE_20, 5), "stf-1");
        sell("s1", List.of(ROBE), Payment.Tender.CASH, 10_000);
        clock.set(Instant.parse("2026-12-01T01:30:00Z"));
        Till again = till();
        assertThat(again.isOpen()).isTrue();
        assertThat(again.expected().cashCents()).isEqualTo(10_000 + 8_990);
    }

    @Test
    void aChangedClosingIsCaughtByTheVerifier() throws Exception {
        Till till = till();
        sell("s1", List.of(ROBE), Payment.Tender.CARD, 0);
        till.z("stf-9");
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("journal.db"));
             Statement s = c.createStatement()) {
            s.executeUpdate("DROP TRIGGER fiscal_records_never_change");
            s.executeUpdate("UPDATE fiscal_records SET body = replace(body, '\"totalCents\":8990', '\"totalCents\":990') WHERE chain = 'CLOSINGS'");
        }
        fr.comptoir.fiscal.VerificationReport report = db.read(c -> SqliteFiscalBook.verify(c, Set.of()));
        assertThat(report.findings()).extracting(Object::toString)
                .containsExactly("CLOSINGS #1: has been altered: its signature does not match its content");
    }
}
