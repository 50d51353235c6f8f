package fr.comptoir.sale;

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
        String[] saleId = new String[1];
        try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("journal.db"), "journal");
             BasketAutosave autosave = new BasketAutosave(new SqliteParkedSales(db, fr.comptoir.storage.CanonicalJson.codec()), Clock.systemUTC(), e -> { })) {
            Basket basket = new Basket();
            autosave.watch(basket);
            for (int i = 0; i < 200; i++) {
                basket.addOne("v" + (i % 7), "S" + (i % 7), "Article " + (i % 7), 1000 + i % 7, 2000);
            }
            basket.attach(helene);
            basket.fulfil(0, BasketLine.HOME);
            basket.setDeliveryAddress("3 rue de Rivoli, 75004 Paris");
            basket.discountLine(1, 500, DiscountReason.DAMAGED, null);
            saleId[0] = basket.saleId();
            autosave.flush();
        }
        // The app stopped without the sale being paid: a new start finds it, in the order of its last change.
        try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("journal.db"), "journal");
             BasketAutosave autosave = new BasketAutosave(new SqliteParkedSales(db, fr.comptoir.storage.CanonicalJson.codec()), Clock.systemUTC(), e -> { })) {
            ParkedSale saved = autosave.saved().orElseThrow();
            Basket basket = new Basket();
            basket.restore(saved);
            assertThat(basket.lines()).hasSize(7);
            assertThat(basket.itemCount()).isEqualTo(200);
            assertThat(basket.customer().id()).isEqualTo("cus-1");
            assertThat(basket.deliveryAddress()).isEqualTo("3 rue de Rivoli, 75004 Paris");
            assertThat(basket.lines().get(0).fulfilment()).isEqualTo(BasketLine.HOME);
            assertThat(basket.lines().get(1).discountCents()).isEqualTo(500);

            assertThat(basket.saleId()).as("the sale keeps its identity across the restart").isEqualTo(saleId[0]);

            // Paid, parked or voided: the basket empties and the save is forgotten.
            autosave.watch(basket);
            basket.clear();
            autosave.flush();
            assertThat(autosave.saved()).isEmpty();
            basket.addOne("v1", "S1", "Article", 1000, 2000);
            autosave.flush();
            assertThat(autosave.saved().orElseThrow().saleId()).isEqualTo(basket.saleId()).isNotEqualTo(saleId[0]);
        }
    }

    @Test
    void aSaveThatArrivesAfterItsSaleWasRecordedOrParkedDoesNotBringItBack() {
        try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("journal.db"), "journal")) {
            SqliteParkedSales store = new SqliteParkedSales(db, fr.comptoir.storage.CanonicalJson.codec());
            fr.comptoir.storage.SqliteJournal journal = new fr.comptoir.storage.SqliteJournal(db, fr.comptoir.storage.CanonicalJson.codec(), Clock.systemUTC());
            Basket basket = new Basket();
            basket.addOne("v1", "S1", "Article", 1000, 2000);
            ParkedSale snapshot = new ParkedSale("in-progress", basket.saleId(), "2026-11-20T10:00:00Z", null, null, basket.lines(), null, List.of());
            store.keepInProgress(snapshot);
            Checkout paid = new Checkout(1000);
            paid.payCash(1000);
            new SaleCompletion(journal, Clock.systemUTC()).complete(basket.saleId(), basket.lines(), null, java.util.Set.of(), null, paid,
                    new SaleCompletion.Seller("st", "ST", "dev-1", "s", "S"));
            assertThat(store.inProgress()).as("cleared in the sale's own transaction").isEmpty();

            // The autosave thread was late: its save of the paid basket is ignored.
            store.keepInProgress(snapshot);
            assertThat(store.inProgress()).isEmpty();

            // Parked: the same.
            Basket other = new Basket();
            other.addOne("v2", "S2", "Autre", 500, 2000);
            ParkedSale inProgress = new ParkedSale("in-progress", other.saleId(), "2026-11-20T10:00:00Z", null, null, other.lines(), null, List.of());
            store.keepInProgress(inProgress);
            store.park(ParkedSale.of(other, "parked-1", "2026-11-20T10:01:00Z", "Léo"));
            assertThat(store.inProgress()).isEmpty();
            store.keepInProgress(inProgress);
            assertThat(store.inProgress()).isEmpty();
            // Taken up again: in progress again, in the same transaction, under its own sale id.
            store.take("parked-1");
            assertThat(store.inProgress()).get().extracting(ParkedSale::saleId).isEqualTo(other.saleId());
        }
    }
}
