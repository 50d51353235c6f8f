package fr.comptoir.sale;

import fr.comptoir.centralapi.WireJson;
import fr.comptoir.customers.Customer;
import fr.comptoir.storage.SqliteDatabase;
import fr.comptoir.storage.SqliteParkedSales;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The basket being rung up survives the app stopping, on a real journal file. */
class BasketAutosaveTest {

    @TempDir
    Path dir;

    final Customer helene = new Customer("cus-1", "Hélène", "Martin", null, null, null, Customer.LoyaltyTier.NONE, 0, false, false, null);

    @Test
    void theBasketInProgressIsThereAfterARestartExactlyAsItWas() {
        try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("journal.db"), "journal");
             BasketAutosave autosave = new BasketAutosave(new SqliteParkedSales(db, WireJson.codec()), Clock.systemUTC(), e -> { })) {
            Basket basket = new Basket();
            autosave.watch(basket);
            for (int i = 0; i < 200; i++) {
                basket.addOne("v" + (i % 7), "S" + (i % 7), "Article " + (i % 7), 1000 + i % 7, 2000);
            }
            basket.attach(helene);
            basket.fulfil(0, BasketLine.HOME);
            basket.setDeliveryAddress("3 rue de Rivoli, 75004 Paris");
            basket.discountLine(1, 500, DiscountReason.DAMAGED, null);
            autosave.flush();
        }
        // The app stopped without the sale being paid: a new start finds it, in the order of its last change.
        try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("journal.db"), "journal");
             BasketAutosave autosave = new BasketAutosave(new SqliteParkedSales(db, WireJson.codec()), Clock.systemUTC(), e -> { })) {
            ParkedSale saved = autosave.saved().orElseThrow();
            Basket basket = new Basket();
            basket.restore(saved);
            assertThat(basket.lines()).hasSize(7);
            assertThat(basket.itemCount()).isEqualTo(200);
            assertThat(basket.customer().id()).isEqualTo("cus-1");
            assertThat(basket.deliveryAddress()).isEqualTo("3 rue de Rivoli, 75004 Paris");
            assertThat(basket.lines().get(0).fulfilment()).isEqualTo(BasketLine.HOME);
            assertThat(basket.lines().get(1).discountCents()).isEqualTo(500);

            // A card approved during the payment is saved with the basket.
            autosave.watch(basket);
            Payment card = new Payment(Payment.Tender.CARD, 5_000, "************4242", "123456", "SIM-1");
            autosave.paymentsTaken(basket, List.of(card));
            autosave.flush();
        }
        try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("journal.db"), "journal");
             BasketAutosave autosave = new BasketAutosave(new SqliteParkedSales(db, WireJson.codec()), Clock.systemUTC(), e -> { })) {
            ParkedSale saved = autosave.saved().orElseThrow();
            assertThat(saved.payments()).singleElement().satisfies(p -> {
                assertThat(p.amountCents()).isEqualTo(5_000);
                assertThat(p.authorisationCode()).isEqualTo("123456");
            });
            Basket basket = new Basket();
            basket.restore(saved);
            autosave.watch(basket);
            autosave.paymentsTaken(basket, saved.payments());

            // Paid, parked or voided: the basket empties and the save, payments included, is forgotten.
            basket.clear();
            autosave.flush();
            assertThat(autosave.saved()).isEmpty();
            basket.addOne("v1", "S1", "Article", 1000, 2000);
            autosave.flush();
            assertThat(autosave.saved().orElseThrow().payments()).isEmpty();
        }
    }
}
