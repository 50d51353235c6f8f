package fr.comptoir.sale;

import fr.comptoir.storage.SqliteDatabase;
import fr.comptoir.storage.SqlitePaymentJournal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The sale model can say a refund: lines coming back, a negative total, refunds as negative payments. */
class RefundModelTest {

    @TempDir
    Path dir;

    final BasketLine sold = new BasketLine("v1", "S1", "Robe", 2, 4_999, 2000, null).withDiscount(1_000, "LOYALTY", null);
    /** The same two dresses coming back: what was taken off when sold is given back negative. */
    final BasketLine returned = new BasketLine("v1", "S1", "Robe", -2, 4_999, 2000, null, 0, null, null, null, null, 0, null)
            .withDiscount(-1_000, "LOYALTY", null);

    @Test
    void aReturnedLineRefundsExactlyWhatWasPaidAndItsVatIsTheSaleNegated() {
        assertThat(returned.totalCents()).isEqualTo(-sold.totalCents()).isEqualTo(-8_998);
        assertThat(returned.returned()).isTrue();
        var saleVat = Vat.breakdown(List.of(sold)).get(0);
        var refundVat = Vat.breakdown(List.of(returned)).get(0);
        assertThat(refundVat.vatCents()).isEqualTo(-saleVat.vatCents());
        assertThat(refundVat.baseCents()).isEqualTo(-saleVat.baseCents());
        assertThatThrownBy(() -> new BasketLine("v1", "S1", "Robe", 0, 100, 2000, null)).hasMessageContaining("zero");
        assertThatThrownBy(() -> returned.withDiscount(500, "LOYALTY", null)).hasMessageContaining("returned");
        assertThatThrownBy(() -> returned.withDiscount(-20_000, "LOYALTY", null)).hasMessageContaining("returned");
    }

    @Test
    void aTicketIsASaleAReturnOrAnExchange() {
        assertThat(SaleRecord.typeOf(List.of(sold))).isEqualTo(SaleRecord.Type.SALE);
        assertThat(SaleRecord.typeOf(List.of(returned))).isEqualTo(SaleRecord.Type.RETURN);
        assertThat(SaleRecord.typeOf(List.of(returned, sold))).isEqualTo(SaleRecord.Type.EXCHANGE);
        SaleRecord older = fr.comptoir.storage.CanonicalJson.codec().decode("{\"id\":\"s\",\"lines\":[],\"payments\":[],\"totalCents\":0,\"changeCents\":0}",
                SaleRecord.class);
        assertThat(older.type()).as("records of earlier versions are sales").isEqualTo(SaleRecord.Type.SALE);
    }

    @Test
    void aNegativeTotalIsSettledByRefundsNeverMoreThanIsOwedAndAZeroTotalAtOnce() {
        Checkout refund = new Checkout(-8_998);
        assertThat(refund.isRefund()).isTrue();
        assertThat(refund.cashKept(20_000)).as("never more than is owed").isEqualTo(-8_998);
        refund.add(new Payment(Payment.Tender.CARD, -5_000, "************4242", "123456", "SIM-R"));
        assertThatThrownBy(() -> refund.add(new Payment(Payment.Tender.CARD, 1_000, "****", "1", "r"))).hasMessage("payment-amount");
        assertThat(refund.payCash(10_000)).as("no change on a refund").isZero();
        assertThat(refund.isPaid()).isTrue();
        assertThat(refund.payments()).extracting(Payment::amountCents).containsExactly(-5_000L, -3_998L);
        assertThat(new Checkout(0).isPaid()).as("an even exchange").isTrue();
    }

    @Test
    void aCardRefundIsJournaledBeforeTheTerminalIsAskedAndCountsAsANegativePayment() {
        try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("journal.db"), "journal")) {
            SqlitePaymentJournal journal = new SqlitePaymentJournal(db, fr.comptoir.storage.CanonicalJson.codec(), Clock.systemUTC());
            SalePayments payments = new SalePayments(journal, new SimulatedPaymentTerminal(0, dir.resolve("terminal.log")), null);
            assertThat(payments.cardRefund("ret-1", 8_998)).isInstanceOf(PaymentTerminal.Outcome.Approved.class);
            assertThat(payments.cardRefund("ret-1", 1_001)).isInstanceOf(PaymentTerminal.Outcome.Declined.class);
            assertThat(payments.standing("ret-1").takenCents()).isEqualTo(-8_998);
            Checkout settled = new Checkout(-8_998, payments.standing("ret-1").taken(), 0);
            assertThat(settled.isPaid()).isTrue();
        }
    }
}
