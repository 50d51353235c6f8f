package fr.comptoir.sale.ui;

import fr.comptoir.sale.Basket;
import fr.comptoir.sale.BasketLine;
import fr.comptoir.sale.Checkout;
import fr.comptoir.sale.SaleRecord;
import fr.comptoir.sale.SimulatedPaymentTerminal;
import fr.comptoir.sale.Vat;
import fr.comptoir.shell.I18n;
import fr.comptoir.shell.TaskRunner;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class PaymentViewModelTest {

    final Basket basket = new Basket();
    final List<SaleRecord> completed = new ArrayList<>();

    PaymentViewModel vm(long total) {
        return vm(total, sale -> "RECEIPT " + sale.totalCents());
    }

    PaymentViewModel vm(long total, java.util.function.Function<SaleRecord, String> receiptOf) {
        basket.add(new BasketLine("v", "s", "Robe", 1, total, 2000, null));
        return new PaymentViewModel(basket, new SimulatedPaymentTerminal(0), (Checkout c) -> new SaleRecord("sale-1", "T-1", "st", "d", "s", "Léo",
                null, null, "2026-11-20T10:00:00Z", basket.lines(), c.payments(), c.dueCents(), c.changeCents(),
                Vat.breakdown(basket.lines()), List.of(), null), receiptOf, TaskRunner.direct(),
                new I18n(Locale.ENGLISH), completed::add);
    }

    @Test
    void paymentsTakenBeforeAStopCountAndAreNeverChargedAgain() {
        PaymentViewModel vm = vm(7497);
        List<List<fr.comptoir.sale.Payment>> told = new ArrayList<>();
        vm.setOnPaymentsChanged(told::add);
        vm.resume(List.of(new fr.comptoir.sale.Payment(fr.comptoir.sale.Payment.Tender.CARD, 5000, "************4242", "123456", "SIM-1")));
        assertThat(vm.remainingProperty().get()).isEqualTo("€24.97");
        assertThat(vm.anyPaymentProperty().get()).isTrue();
        assertThat(vm.messageProperty().get()).isEqualTo("Payments of €50.00 were taken before Comptoir stopped: they count, nothing is charged again.");
        vm.amountEntryProperty().set("30");
        vm.payCash();
        assertThat(told).last().asList().hasSize(2);
        vm.complete();
        assertThat(completed).singleElement().satisfies(s -> {
            assertThat(s.payments()).extracting(fr.comptoir.sale.Payment::amountCents).containsExactly(5000L, 2497L);
            assertThat(s.changeCents()).isEqualTo(503);
        });
    }

    @Test
    void restoredPaymentsThatDoNotFitTheBasketAreRefused() {
        Checkout c = new Checkout(1000);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> c.resume(List.of(fr.comptoir.sale.Payment.cash(1500))))
                .hasMessage("payments-do-not-fit");
        assertThat(c.payments()).isEmpty();
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
        assertThat(vm.remainingProperty().get()).isEqualTo("€54.97");
        vm.payCard();
        assertThat(vm.paidProperty().get()).isTrue();
        assertThat(vm.messageProperty().get()).isEqualTo("Card payment of €54.97 approved.");
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
        assertThat(vm.remainingProperty().get()).isEqualTo("€100.01");
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
        vm.amountEntryProperty().set("30");
        vm.payCard();
        assertThat(vm.messageProperty().get()).isEqualTo("A card pays between 0,01 and €19.99.");
        vm.payCash(5_000);
        assertThat(vm.messageProperty().get()).isEqualTo("Give back €30.01 in change.");
        assertThat(PaymentViewModel.parse("12.5")).isEqualTo(1250);
        assertThat(PaymentViewModel.parse("1 234,56 €")).isEqualTo(123456);
        assertThat(PaymentViewModel.parse("-3")).isNull();
    }
}
