package fr.comptoir.sale;

import fr.comptoir.AppContext;
import fr.comptoir.sale.ui.PaymentViewModel;
import fr.comptoir.uikit.I18n;
import fr.comptoir.uikit.TaskRunner;
import fr.comptoir.testing.TestOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Gift cards and store credit against the demo platform: checked and spent online, once. */
class GiftCardTest {

    @TempDir
    Path home;

    @Test
    void aCardPaysWhatItHoldsOnceAndNeverMore() throws Exception {
        try (AppContext ctx = AppContext.open(home, Clock.systemUTC(), TestOptions.fastTinyDemo())) {
            ctx.activateDemo();
            ctx.connect();
            GiftCards cards = ctx.giftCards();
            assertThat(cards.balance("GC-1000-0002")).isEqualTo(2000);

            SalePayments payments = ctx.salePayments();
            Payment taken = payments.giftCard("sale-1", "gc-1000-0002", 3500, 3500);
            assertThat(taken.amountCents()).isEqualTo(2000);
            assertThat(taken.maskedPan()).isEqualTo("****0002");
            assertThat(payments.standing("sale-1").takenCents()).isEqualTo(2000);
            assertThat(cards.balance("GC-1000-0002")).isZero();
            assertThatThrownBy(() -> payments.giftCard("sale-1", "GC-1000-0002", 1500, 1500)).hasMessage("gift-card-empty");

            // A retry of the same redemption (same key) does not take it twice.
            String first = cards.redeem("GC-1000-0003", 1000, "sale-2", "k-1");
            assertThat(cards.redeem("GC-1000-0003", 1000, "sale-2", "k-1")).isEqualTo(first);
            assertThat(cards.balance("GC-1000-0003")).isEqualTo(9000);
            assertThatThrownBy(() -> cards.redeem("GC-1000-0003", 20_000, "sale-3", "k-2"))
                    .isInstanceOfSatisfying(GiftCards.Refused.class, e -> assertThat(e.unknownCard()).isFalse());
            assertThatThrownBy(() -> cards.balance("GC-0000-0000"))
                    .isInstanceOfSatisfying(GiftCards.Refused.class, e -> assertThat(e.unknownCard()).isTrue());
        }
    }

    @Test
    void offlineGiftCardsAreRefusedWithAClearMessageAndNothingChanges() {
        Basket basket = new Basket();
        basket.add(new BasketLine("v", "s", "Robe", 1, 5000, 2000, null));
        GiftCards offline = new GiftCards() {
            @Override
            public long balance(String number) {
                throw new GiftCards.Unavailable("down", null);
            }

            @Override
            public String redeem(String number, long amountCents, String ref, String key) {
                throw new AssertionError("never redeemed offline");
            }

            @Override
            public String issueCredit(long amountCents, String ref, String customerId, String key) {
                throw new GiftCards.Unavailable("down", null);
            }
        };
        try (fr.comptoir.storage.SqliteDatabase db = fr.comptoir.storage.SqliteDatabase.open(home.resolve("journal.db"), "journal")) {
            SalePayments payments = new SalePayments(new fr.comptoir.storage.SqlitePaymentJournal(db, fr.comptoir.storage.CanonicalJson.codec(),
                    Clock.systemUTC()), new SimulatedPaymentTerminal(0), offline);
            offlineGiftCardIsRefused(basket, payments);
        }
    }

    private static void offlineGiftCardIsRefused(Basket basket, SalePayments payments) {
        PaymentViewModel vm = new PaymentViewModel(basket, payments, c -> null, s -> "", TaskRunner.direct(),
                new I18n(Locale.ENGLISH), s -> { });
        vm.enableGiftCards();
        vm.giftCardNumberProperty().set("GC-1000-0001");
        vm.payGiftCard();
        assertThat(vm.messageProperty().get()).startsWith("Gift cards and store credit need the central platform");
        assertThat(vm.remainingProperty().get()).isEqualTo("50,00\u00a0€");
        vm.giftCardNumberProperty().set("x");
        vm.payGiftCard();
        assertThat(vm.messageProperty().get()).isEqualTo("Type or scan the card's number.");
        assertThat(vm.payments()).isEqualTo(List.of());
    }
}
