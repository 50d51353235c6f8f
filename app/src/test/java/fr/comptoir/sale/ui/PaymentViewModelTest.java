package fr.comptoir.sale.ui;

import fr.comptoir.sale.Basket;
import fr.comptoir.sale.BasketLine;
import fr.comptoir.sale.Checkout;
import fr.comptoir.sale.SaleRecord;
import fr.comptoir.sale.SimulatedPaymentTerminal;
import fr.comptoir.sale.Vat;
import fr.comptoir.uikit.I18n;
import fr.comptoir.uikit.TaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class PaymentViewModelTest {

    @TempDir
    Path dir;
    final Basket basket = new Basket();
    final List<SaleRecord> completed = new ArrayList<>();
    fr.comptoir.storage.SqliteDatabase db;
    fr.comptoir.storage.SqlitePaymentJournal journal;
    fr.comptoir.sale.SalePayments payments;

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    fr.comptoir.sale.SalePayments payments() {
        if (payments == null) {
            db = fr.comptoir.storage.SqliteDatabase.open(dir.resolve("journal.db"), "journal");
            journal = new fr.comptoir.storage.SqlitePaymentJournal(db, fr.comptoir.storage.CanonicalJson.codec(), java.time.Clock.systemUTC());
            payments = new fr.comptoir.sale.SalePayments(journal, new SimulatedPaymentTerminal(0, dir.resolve("terminal.log")), null);
        }
        return payments;
    }

    PaymentViewModel vm(long total) {
        return vm(total, sale -> "RECEIPT " + sale.totalCents());
    }

    PaymentViewModel vm(long total, java.util.function.Function<SaleRecord, String> receiptOf) {
        basket.add(new BasketLine("v", "s", "Robe", 1, total, 2000, null));
        return new PaymentViewModel(basket, payments(), (Checkout c) -> new SaleRecord("sale-1", "T-1", "st", "d", "s", "Léo",
                null, null, "2026-11-20T10:00:00Z", basket.lines(), c.payments(), c.dueCents(), c.changeCents(),
                Vat.breakdown(basket.lines()), List.of(), null, null), receiptOf, TaskRunner.direct(),
                new I18n(Locale.ENGLISH), completed::add);
    }

    /** A return of one item of web order W1 (refunds {@code refund}) and one of store ticket T9 (refunds {@code storeRefund}). */
    PaymentViewModel refundVm(long refund, long storeRefund) {
        basket.add(BasketLine.comingBack("v1", "S1", "Robe", 1, refund, 2000, null, refund,
                new fr.comptoir.sale.ReturnOf("o1", "W1", "o1-1", "WEB", fr.comptoir.sale.ReturnOf.Reason.TOO_SMALL,
                        fr.comptoir.sale.ReturnOf.Restock.SELLABLE, null)));
        basket.add(BasketLine.comingBack("v2", "S2", "Pull", 1, storeRefund, 2000, null, storeRefund,
                new fr.comptoir.sale.ReturnOf("o2", "T9", "o2-1", "STORE", fr.comptoir.sale.ReturnOf.Reason.DAMAGED,
                        fr.comptoir.sale.ReturnOf.Restock.DAMAGED, null)));
        return new PaymentViewModel(basket, payments(), (Checkout c) -> new SaleRecord("sale-1", "T-1", "st", "d", "s", "Léo",
                null, null, "2026-11-20T10:00:00Z", basket.lines(), c.payments(), c.dueCents(), c.changeCents(),
                Vat.breakdown(basket.lines()), List.of(), null, SaleRecord.typeOf(basket.lines())), sale -> "RECEIPT", TaskRunner.direct(),
                new I18n(Locale.ENGLISH), completed::add);
    }

    @Test
    void aReturnGoesBackToTheOnlinePaymentForWhatWasBoughtOnlineAndTheRestInCashWithinTheLimit() {
        PaymentViewModel vm = refundVm(5_000, 20_000);
        assertThat(vm.isRefund()).isTrue();
        assertThat(vm.dueProperty().get()).isEqualTo("250,00\u00a0€");
        vm.setCashRefundLimit(15_000);
        vm.refundOnline();
        assertThat(vm.messageProperty().get()).contains("50,00", "W1");
        assertThat(vm.remainingProperty().get()).as("only the web item goes back online").isEqualTo("200,00\u00a0€");
        vm.refundOnline();
        assertThat(vm.messageProperty().get()).isEqualTo("Nothing in this ticket was bought online.");
        vm.payCash();
        assertThat(vm.messageProperty().get()).isEqualTo("Above 150,00\u00a0€ in cash, refund to the card or to the online payment: the store's limit.");
        assertThat(journal.of(basket.saleId())).as("nothing handed back").hasSize(1);
        vm.amountEntryProperty().set("150");
        vm.payCash();
        assertThat(vm.remainingProperty().get()).isEqualTo("50,00\u00a0€");
        vm.payCard();
        assertThat(vm.paidProperty().get()).isTrue();
        vm.complete();
        assertThat(completed).singleElement().satisfies(sale -> {
            assertThat(sale.type()).isEqualTo(SaleRecord.Type.RETURN);
            assertThat(sale.payments()).extracting(fr.comptoir.sale.Payment::tender).containsExactly(fr.comptoir.sale.Payment.Tender.ONLINE,
                    fr.comptoir.sale.Payment.Tender.CASH, fr.comptoir.sale.Payment.Tender.CARD);
            assertThat(sale.payments()).extracting(fr.comptoir.sale.Payment::amountCents).containsExactly(-5_000L, -15_000L, -5_000L);
        });
    }

    @Test
    void aManagersPinLetsMoreCashBackThanTheLimitAndIsTold() {
        PaymentViewModel vm = refundVm(1_000, 20_000);
        vm.setCashRefundLimit(5_000);
        List<String> approvals = new ArrayList<>();
        vm.enableCashApproval(pin -> pin.equals("9876") ? java.util.Optional.of(new fr.comptoir.staff.StaffMember("stf-m", "st", "Camille Laurent",
                fr.comptoir.staff.Role.MANAGER, null, true)) : java.util.Optional.empty(), (manager, cents) -> approvals.add(manager + ":" + cents));
        vm.payCash();
        assertThat(vm.cashApprovalNeededProperty().get()).isTrue();
        vm.managerPinProperty().set("1111");
        vm.approveCash();
        assertThat(vm.messageProperty().get()).isEqualTo("Not a manager's PIN: the limit stays.");
        assertThat(approvals).isEmpty();
        vm.managerPinProperty().set("9876");
        vm.approveCash();
        assertThat(approvals).containsExactly("stf-m:21000");
        assertThat(vm.cashApprovalNeededProperty().get()).isFalse();
        vm.payCash();
        assertThat(vm.paidProperty().get()).as("all of it handed back in cash").isTrue();
    }

    @Test
    void anItemWithoutAReceiptIsRefundedAsStoreCreditOnlyAndToACustomer() {
        basket.add(BasketLine.comingBack("v1", "S1", "Robe", 1, 4_000, 2000, null, 3_200,
                fr.comptoir.sale.ReturnOf.withoutReceipt(fr.comptoir.sale.ReturnOf.Reason.CHANGED_MIND, fr.comptoir.sale.ReturnOf.Restock.SELLABLE,
                        "stf-m")));
        PaymentViewModel vm = new PaymentViewModel(basket, payments(), c -> null, sale -> "", TaskRunner.direct(), new I18n(Locale.ENGLISH),
                completed::add);
        vm.payCash();
        assertThat(vm.messageProperty().get()).isEqualTo("Items without a receipt, or bought with a gift card, are refunded as store credit only.");
        vm.payCard();
        assertThat(vm.messageProperty().get()).isEqualTo("Items without a receipt, or bought with a gift card, are refunded as store credit only.");
        vm.refundStoreCredit();
        assertThat(vm.messageProperty().get()).isEqualTo("Items without a receipt are credited to a customer: attach one on the Sell screen.");
        assertThat(journal.of(basket.saleId())).as("nothing asked").isEmpty();
    }

    @Test
    void aCardRefundTheTerminalDeclinesRefundsNothingAndTheRefundIsStillOwed() {
        // The simulated terminal declines refunds of amounts ending in 01.
        PaymentViewModel vm = refundVm(1_000, 4_001);
        vm.amountEntryProperty().set("40,01");
        vm.payCard();
        assertThat(vm.messageProperty().get()).startsWith("The terminal declined the refund");
        assertThat(vm.remainingProperty().get()).isEqualTo("50,01\u00a0€");
        assertThat(vm.paidProperty().get()).isFalse();
        assertThat(journal.of(basket.saleId())).singleElement().satisfies(i -> assertThat(i.state()).isEqualTo(fr.comptoir.sale.PaymentJournal.State.REFUSED));
        vm.amountEntryProperty().set("60");
        vm.payCard();
        assertThat(vm.messageProperty().get()).as("never more than is owed").isEqualTo("Refund at most 50,01\u00a0€ to the card.");
    }

    @Test
    void paymentsTakenBeforeAStopCountAndAreNeverChargedAgain() {
        PaymentViewModel vm = vm(7497);
        // Taken for this sale before the app stopped (or before the associate left this screen).
        payments().card(basket.saleId(), 5000);
        vm.load();
        assertThat(vm.remainingProperty().get()).isEqualTo("24,97\u00a0€");
        assertThat(vm.anyPaymentProperty().get()).isTrue();
        assertThat(vm.messageProperty().get()).isEqualTo("Payments of 50,00\u00a0€ were already taken for this sale: they count, nothing is charged again.");
        vm.amountEntryProperty().set("30");
        vm.payCash();
        assertThat(journal.of(basket.saleId())).as("the cash is journaled before it counts").hasSize(2);
        vm.complete();
        assertThat(completed).singleElement().satisfies(s -> {
            assertThat(s.payments()).extracting(fr.comptoir.sale.Payment::amountCents).containsExactly(5000L, 2497L);
            assertThat(s.changeCents()).isEqualTo(503);
        });
    }

    @Test
    void aCardWhoseOutcomeIsUnknownBlocksEveryTenderUntilTheTerminalSays() {
        basket.add(new BasketLine("v", "s", "Robe", 1, 5_000, 2000, null));
        boolean[] terminalAnswers = {false};
        SimulatedPaymentTerminal real = new SimulatedPaymentTerminal(0);
        fr.comptoir.sale.PaymentTerminal flaky = new fr.comptoir.sale.PaymentTerminal() {
            @Override
            public Outcome charge(long amountCents, String reference) {
                real.charge(amountCents, reference);
                return new Outcome.TimedOut();
            }

            @Override
            public Outcome status(String reference) {
                return terminalAnswers[0] ? real.status(reference) : new Outcome.TimedOut();
            }

            @Override
            public Outcome refund(long amountCents, String reference) {
                return real.refund(amountCents, reference);
            }
        };
        payments();
        PaymentViewModel vm = new PaymentViewModel(basket, new fr.comptoir.sale.SalePayments(journal, flaky, null),
                c -> null, s -> "", TaskRunner.direct(), new I18n(Locale.ENGLISH), completed::add);
        vm.payCard();
        assertThat(vm.unresolvedProperty().get()).isTrue();
        assertThat(vm.messageProperty().get()).startsWith("The terminal has not said what became of the card payment of 50,00\u00a0€");
        vm.payCash(5_000);
        assertThat(journal.of(basket.saleId())).as("no cash taken while the card is unknown").hasSize(1);

        terminalAnswers[0] = true;
        vm.checkAgain();
        assertThat(vm.unresolvedProperty().get()).isFalse();
        assertThat(vm.paidProperty().get()).isTrue();
    }

    @Test
    void aReceiptThatCannotBeKeptDoesNotMakeTheSaleLookFailedNorRecordItTwice() {
        PaymentViewModel vm = vm(1999, sale -> {
            throw new java.io.UncheckedIOException("disk full", new java.io.IOException("disk full"));
        });
        vm.amountEntryProperty().set("20");
        vm.payCash();
        vm.complete();
        assertThat(completed).hasSize(1);
        assertThat(vm.messageProperty().get()).isEqualTo("Sale T-1 recorded, but its receipt could not be kept (disk full): reprint it from \"Reprint\".");
        vm.complete();
        assertThat(completed).hasSize(1);
    }

    @Test
    void partCashPartCardThenCompleteShowsTheReceipt() {
        PaymentViewModel vm = vm(7497);
        vm.amountEntryProperty().set("20,00");
        vm.payCash();
        assertThat(vm.remainingProperty().get()).isEqualTo("54,97\u00a0€");
        vm.payCard();
        assertThat(vm.paidProperty().get()).isTrue();
        assertThat(vm.messageProperty().get()).isEqualTo("Card payment of 54,97\u00a0€ approved.");
        vm.complete();
        assertThat(completed).singleElement().satisfies(s -> assertThat(s.payments()).hasSize(2));
        assertThat(vm.receiptProperty().get()).isEqualTo("RECEIPT 7497");
        vm.complete();
        assertThat(completed).hasSize(1);
    }

    @Test
    void theReceiptIsEmailedOnceToAValidAddressAfterTheSale() {
        PaymentViewModel vm = vm(1_000);
        List<String> sent = new ArrayList<>();
        vm.enableEmail("helene@example.fr", (sale, to) -> sent.add(sale.id() + " " + to));
        vm.emailReceipt();
        assertThat(sent).isEmpty();
        vm.payCash(1_000);
        vm.complete();
        vm.emailProperty().set("not an email");
        vm.emailReceipt();
        assertThat(vm.messageProperty().get()).isEqualTo("Not a valid email address");
        vm.emailProperty().set("helene@example.fr");
        vm.emailReceipt();
        vm.emailReceipt();
        assertThat(sent).containsExactly("sale-1 helene@example.fr");
        assertThat(vm.messageProperty().get()).isEqualTo("The receipt will be e-mailed to helene@example.fr.");
    }

    @Test
    void aDeclinedCardChangesNothingAndSaysWhatToDo() {
        PaymentViewModel vm = vm(10_001);
        vm.payCard();
        assertThat(vm.messageProperty().get()).startsWith("Card declined (insufficient funds). The basket is unchanged");
        assertThat(vm.notice().kind()).as("a declined card looks like an error").isEqualTo(fr.comptoir.uikit.Notice.Kind.ERROR);
        assertThat(vm.remainingProperty().get()).isEqualTo("100,01\u00a0€");
        assertThat(vm.anyPaymentProperty().get()).isFalse();
        vm.complete();
        assertThat(completed).isEmpty();
    }

    @Test
    void badAmountsAreRefusedAndCashGivesChange() {
        PaymentViewModel vm = vm(1_999);
        vm.amountEntryProperty().set("douze");
        vm.payCash();
        assertThat(vm.messageProperty().get()).isEqualTo("Type an amount in euros, e.g. 20 or 12,50.");
        assertThat(vm.notice().kind()).isEqualTo(fr.comptoir.uikit.Notice.Kind.ERROR);
        vm.amountEntryProperty().set("30");
        vm.payCard();
        assertThat(vm.messageProperty().get()).isEqualTo("A card pays between 0,01 and 19,99\u00a0€.");
        vm.payCash(5_000);
        assertThat(vm.messageProperty().get()).isEqualTo("Give back 30,01\u00a0€ in change.");
        assertThat(vm.notice().kind()).isEqualTo(fr.comptoir.uikit.Notice.Kind.CONFIRMATION);
        assertThat(PaymentViewModel.parse("12.5")).isEqualTo(1250);
        assertThat(PaymentViewModel.parse("1 234,56 €")).isEqualTo(123456);
        assertThat(PaymentViewModel.parse("-3")).isNull();
    }

    @Test
    void cashTakenByMistakeIsHandedBackJournaledAndDueAgain() {
        PaymentViewModel vm = vm(5_000);
        vm.load();
        vm.payCash(2_000);
        assertThat(vm.cashTakenProperty().get()).isEqualTo(2_000);
        assertThat(vm.remainingProperty().get()).isEqualTo("30,00\u00a0€");
        vm.removeCash();
        assertThat(vm.cashTakenProperty().get()).isZero();
        assertThat(vm.remainingProperty().get()).isEqualTo("50,00\u00a0€");
        assertThat(vm.notice().kind()).isEqualTo(fr.comptoir.uikit.Notice.Kind.WARNING);
        assertThat(vm.messageProperty().get()).startsWith("20,00\u00a0€ in cash handed back");
        assertThat(vm.anyPaymentProperty().get()).as("the sale may go back to its basket").isFalse();
        // Both movements stay in the journal; nothing counts twice.
        assertThat(journal.of(basket.saleId())).extracting(i -> i.payment().amountCents()).containsExactly(2_000L, -2_000L);
        vm.payCard();
        vm.complete();
        assertThat(completed).singleElement().satisfies(s -> assertThat(s.payments()).extracting(fr.comptoir.sale.Payment::tender)
                .containsExactly(fr.comptoir.sale.Payment.Tender.CARD));
    }

    @Test
    void onceSomethingIsPaidTheBasketMayGrowButNeverCostLessThanWhatWasPaid() {
        PaymentViewModel vm = vm(5_000);
        vm.load();
        vm.amountEntryProperty().set("30");
        vm.payCard();
        assertThat(basket.paidCents()).as("the Payment screen tells the basket what was paid").isEqualTo(3_000);
        // Back at the basket: an item added is fine, the robe taken off is not (30 € were charged on the card).
        basket.add(new BasketLine("t", "s2", "Thé", 1, 900, 550, null));
        assertThat(basket.totalCents()).isEqualTo(5_900);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> basket.voidLine(0))
                .isInstanceOfSatisfying(Basket.BelowPaid.class, e -> assertThat(e.paidCents()).isEqualTo(3_000));
        assertThat(basket.lines()).as("nothing changed").hasSize(2);
        assertThat(basket.totalCents()).isEqualTo(5_900);
        // Removing the tea keeps the basket above what was paid.
        basket.voidLine(1);
        assertThat(basket.totalCents()).isEqualTo(5_000);
        basket.clear();
        assertThat(basket.paidCents()).as("the next sale starts with nothing paid").isZero();
    }

    @Test
    void cashHandedBackLiftsTheFloor() {
        PaymentViewModel vm = vm(5_000);
        vm.load();
        vm.payCash(2_000);
        assertThat(basket.paidCents()).isEqualTo(2_000);
        vm.removeCash();
        assertThat(basket.paidCents()).isZero();
        basket.voidLine(0);
        assertThat(basket.lines()).isEmpty();
    }
}
