package fr.comptoir.sale;

import fr.comptoir.storage.SqliteDatabase;
import fr.comptoir.storage.SqlitePaymentJournal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Payments journaled before they are asked, on a real journal file and a simulated terminal that keeps its
 * own ledger: a lost answer or a crash never leads to charging a card or a gift card twice.
 */
class SalePaymentsTest {

    @TempDir
    Path dir;
    SqliteDatabase db;
    SqlitePaymentJournal journal;
    Path ledger;

    @BeforeEach
    void open() {
        db = SqliteDatabase.open(dir.resolve("journal.db"), "journal");
        journal = new SqlitePaymentJournal(db, fr.comptoir.storage.CanonicalJson.codec(), Clock.systemUTC());
        ledger = dir.resolve("terminal.log");
    }

    @AfterEach
    void close() {
        db.close();
    }

    SalePayments payments(PaymentTerminal terminal, GiftCards cards) {
        return new SalePayments(journal, terminal, cards);
    }

    @Test
    void anApprovedCardIsJournaledAsTakenAndARefusedOneAsNothing() {
        SimulatedPaymentTerminal terminal = new SimulatedPaymentTerminal(0, ledger);
        SalePayments p = payments(terminal, null);
        assertThat(p.card("sale-1", 5_000)).isInstanceOf(PaymentTerminal.Outcome.Approved.class);
        assertThat(p.card("sale-1", 1_001)).isInstanceOf(PaymentTerminal.Outcome.Declined.class);
        assertThat(p.card("sale-1", 1_002)).isInstanceOf(PaymentTerminal.Outcome.Cancelled.class);

        SalePayments.Standing s = p.standing("sale-1");
        assertThat(s.taken()).singleElement().satisfies(pay -> {
            assertThat(pay.amountCents()).isEqualTo(5_000);
            assertThat(pay.maskedPan()).matches("\\*{12}\\d{4}");
        });
        assertThat(s.unresolved()).isEmpty();
        assertThat(terminal.approvedChargesCents()).isEqualTo(5_000);
    }

    @Test
    void aLostAnswerIsLookedUpOnTheTerminalNotChargedAgain() {
        SimulatedPaymentTerminal terminal = new SimulatedPaymentTerminal(0, ledger);
        SalePayments p = payments(terminal, null);
        // ...03: the card is charged, the answer never reaches the till.
        assertThat(p.card("sale-1", 2_003)).isInstanceOf(PaymentTerminal.Outcome.Approved.class);
        // ...04: no answer and nothing charged: the terminal has no such payment, so it may be asked again.
        assertThat(p.card("sale-1", 1_004)).isInstanceOf(PaymentTerminal.Outcome.Cancelled.class);
        assertThat(p.standing("sale-1").takenCents()).isEqualTo(2_003);
        assertThat(terminal.approvedChargesCents()).isEqualTo(2_003);
    }

    @Test
    void afterACrashBetweenTheTerminalsAnswerAndTheJournalThePaymentIsFoundNotAskedAgain() {
        SimulatedPaymentTerminal before = new SimulatedPaymentTerminal(0, ledger);
        // The till journals the intent and the terminal approves, then the till dies before it writes the answer.
        PaymentJournal.Intent asked = journal.ask("sale-1", Payment.Tender.CARD, 3_000, null);
        assertThat(before.charge(3_000, asked.reference())).isInstanceOf(PaymentTerminal.Outcome.Approved.class);

        // Restart: a new terminal object reads its own ledger, as a real terminal remembers.
        SimulatedPaymentTerminal after = new SimulatedPaymentTerminal(0, ledger);
        SalePayments.Standing s = payments(after, null).resume("sale-1");

        assertThat(s.takenCents()).isEqualTo(3_000);
        assertThat(s.unresolved()).isEmpty();
        assertThat(after.approvedChargesCents()).isEqualTo(3_000);
        // An intent asked and never sent to the terminal is found to be nothing.
        journal.ask("sale-2", Payment.Tender.CARD, 4_000, null);
        assertThat(payments(after, null).resume("sale-2").takenCents()).isZero();
        assertThat(journal.of("sale-2")).singleElement().extracting(PaymentJournal.Intent::state).isEqualTo(PaymentJournal.State.REFUSED);
    }

    @Test
    void aTerminalThatCannotSayKeepsThePaymentUnresolved() {
        PaymentTerminal silent = new PaymentTerminal() {
            @Override
            public Outcome charge(long amountCents, String reference) {
                return new Outcome.TimedOut();
            }

            @Override
            public Outcome status(String reference) {
                return new Outcome.TimedOut();
            }

            @Override
            public Outcome refund(long amountCents, String reference) {
                return new Outcome.TimedOut();
            }
        };
        SalePayments p = payments(silent, null);
        assertThat(p.card("sale-1", 5_000)).isInstanceOf(PaymentTerminal.Outcome.TimedOut.class);
        SalePayments.Standing s = p.resume("sale-1");
        assertThat(s.taken()).isEmpty();
        assertThat(s.unresolved()).singleElement().extracting(PaymentJournal.Intent::amountCents).isEqualTo(5_000L);
    }

    /** A gift card platform that applies a redemption once per key and can lose its answers. */
    static final class Platform implements GiftCards {
        final Map<String, Long> balances = new HashMap<>(Map.of("GC-1000-0003", 10_000L));
        final Map<String, String> byKey = new HashMap<>();
        final AtomicInteger redemptions = new AtomicInteger();
        boolean loseNextAnswer;
        boolean down;

        @Override
        public long balance(String number) {
            if (down) {
                throw new Unavailable("down", null);
            }
            Long b = balances.get(number);
            if (b == null) {
                throw new Refused(true, "unknown card");
            }
            return b;
        }

        @Override
        public String redeem(String number, long amountCents, String saleReference, String key) {
            if (down) {
                throw new Unavailable("down", null);
            }
            String done = byKey.computeIfAbsent(key, k -> {
                balances.merge(number, -amountCents, Long::sum);
                redemptions.incrementAndGet();
                return "red-" + redemptions.get();
            });
            if (loseNextAnswer) {
                loseNextAnswer = false;
                throw new Unavailable("answer lost", null);
            }
            return done;
        }

        final Map<String, String> creditsByKey = new HashMap<>();

        @Override
        public String issueCredit(long amountCents, String saleReference, String customerId, String key) {
            if (down) {
                throw new Unavailable("down", null);
            }
            String number = creditsByKey.computeIfAbsent(key, k -> {
                String n = "AV00000000" + (1_000 + creditsByKey.size());
                balances.put(n, amountCents);
                return n;
            });
            if (loseNextAnswer) {
                loseNextAnswer = false;
                throw new Unavailable("answer lost", null);
            }
            return number;
        }
    }

    @Test
    void storeCreditWhoseAnswerWasLostIsAskedAgainWithItsKeyAndIssuedOnce() {
        Platform platform = new Platform();
        SalePayments p = payments(new SimulatedPaymentTerminal(0), platform);
        platform.loseNextAnswer = true;
        assertThatThrownBy(() -> p.storeCredit("ret-1", 3_250, "cus-1")).isInstanceOf(GiftCards.Unavailable.class);
        assertThat(p.standing("ret-1").unresolved()).extracting(PaymentJournal.Intent::amountCents).containsExactly(-3_250L);

        SalePayments.Standing s = p.resume("ret-1");

        assertThat(s.taken()).singleElement().satisfies(pay -> {
            assertThat(pay.tender()).isEqualTo(Payment.Tender.STORE_CREDIT);
            assertThat(pay.amountCents()).isEqualTo(-3_250);
            assertThat(pay.terminalReference()).isEqualTo("AV000000001000");
        });
        assertThat(platform.creditsByKey).as("issued once").hasSize(1);
        assertThat(platform.balances.get("AV000000001000")).isEqualTo(3_250);
        platform.down = true;
        assertThatThrownBy(() -> p.storeCredit("ret-2", 100, null)).isInstanceOf(GiftCards.Unavailable.class);
    }

    @Test
    void aGiftCardRedemptionWhoseAnswerWasLostIsSentAgainWithItsKeyAndTakenOnce() {
        Platform platform = new Platform();
        SalePayments p = payments(new SimulatedPaymentTerminal(0), platform);
        platform.loseNextAnswer = true;
        assertThatThrownBy(() -> p.giftCard("sale-1", "gc-1000-0003", 4_000, 6_000)).isInstanceOf(GiftCards.Unavailable.class);
        assertThat(p.standing("sale-1").unresolved()).extracting(PaymentJournal.Intent::amountCents).containsExactly(4_000L);
        assertThat(journal.of("sale-1").get(0).detail()).as("the number is kept only until the payment is settled").isEqualTo("GC-1000-0003");

        SalePayments.Standing s = p.resume("sale-1");

        assertThat(s.taken()).singleElement().satisfies(pay -> assertThat(pay.maskedPan()).isEqualTo("****0003"));
        assertThat(platform.redemptions.get()).isEqualTo(1);
        assertThat(platform.balances.get("GC-1000-0003")).isEqualTo(6_000);
        assertThat(journal.of("sale-1").get(0).detail()).isNull();
    }

    @Test
    void anEmptyOrUnknownCardTakesNothingAndTheNumberIsChecked() {
        Platform platform = new Platform();
        SalePayments p = payments(new SimulatedPaymentTerminal(0), platform);
        assertThatThrownBy(() -> p.giftCard("sale-1", "x", 100, 100)).hasMessage("gift-card-number");
        assertThatThrownBy(() -> p.giftCard("sale-1", "GC-0000-0000", 100, 100)).isInstanceOf(GiftCards.Refused.class);
        platform.balances.put("GC-1000-0009", 0L);
        assertThatThrownBy(() -> p.giftCard("sale-1", "GC-1000-0009", 100, 100)).hasMessage("gift-card-empty");
        assertThat(p.giftCard("sale-1", "GC-1000-0003", 50_000, 2_500).amountCents()).as("never more than what is left").isEqualTo(2_500);
        platform.down = true;
        assertThatThrownBy(() -> p.giftCard("sale-2", "GC-1000-0003", 100, 100)).isInstanceOf(GiftCards.Unavailable.class);
        assertThat(journal.of("sale-2")).as("nothing asked when the balance cannot be read").isEmpty();
    }

    @Test
    void cashIsJournaledAsTakenAtOnceAndRefundsGoThroughTheTerminal() {
        SalePayments p = payments(new SimulatedPaymentTerminal(0, ledger), null);
        p.cash("sale-1", 1_500);
        assertThat(p.standing("sale-1").taken()).containsExactly(Payment.cash(1_500));
        SimulatedPaymentTerminal terminal = new SimulatedPaymentTerminal(0, ledger);
        assertThat(terminal.refund(2_000, "ret-1")).isInstanceOf(PaymentTerminal.Outcome.Approved.class);
        assertThat(terminal.refund(2_001, "ret-2")).isInstanceOf(PaymentTerminal.Outcome.Declined.class);
        assertThat(new SimulatedPaymentTerminal(0, ledger).status("ret-1")).as("refunds are remembered too")
                .isInstanceOf(PaymentTerminal.Outcome.Approved.class);
    }
}
