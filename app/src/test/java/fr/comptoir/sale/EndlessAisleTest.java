package fr.comptoir.sale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.comptoir.AppContext;
import fr.comptoir.catalog.LocationStock;
import fr.comptoir.sale.ui.AisleViewModel;
import fr.comptoir.uikit.I18n;
import fr.comptoir.uikit.TaskRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An item missing here, found elsewhere, paid here and sent for pickup in another store or home. */
class EndlessAisleTest {

    @TempDir
    Path home;
    final ObjectMapper json = new ObjectMapper();

    @Test
    void orderedLinesArePaidHereReservedElsewhereAndLeaveThisShelfAlone() throws Exception {
        try (AppContext ctx = fr.comptoir.testing.TestOptions.syncedTinyDemo(home)) {
            String variant = "prd-1-1";
            List<LocationStock> elsewhere = ctx.stockElsewhere().stockOf(variant, "st-par01");
            assertThat(elsewhere).isNotEmpty().noneMatch(l -> l.locationId().equals("st-par01"));
            assertThat(elsewhere).isSortedAccordingTo((a, b) -> Integer.compare(b.available(), a.available()));
            LocationStock store = elsewhere.stream().filter(l -> !l.warehouse()).findFirst().orElseThrow();

            Basket basket = new Basket();
            basket.add(new BasketLine(variant, "SKU", "Robe", 1, 4999, 2000, null));
            basket.add(new BasketLine("prd-2-1", "SKU2", "Pull", 1, 2999, 2000, null));
            int[] done = {0};
            AisleViewModel aisle = new AisleViewModel(basket, 0, TaskRunner.direct(), new I18n(Locale.ENGLISH), () -> done[0]++);
            aisle.load(() -> new AisleViewModel.Availability(elsewhere, false), () -> "5 min old");
            assertThat(aisle.statusProperty().get()).isEqualTo("Offline: stock 5 min old.");
            aisle.addressProperty().set("rue");
            aisle.deliver();
            assertThat(aisle.messageProperty().get()).contains("full delivery address");
            aisle.pickupAt(store);
            assertThat(basket.lines().get(0).fulfilment()).isEqualTo("PICKUP:" + store.locationId());
            assertThat(done[0]).isEqualTo(1);

            Checkout checkout = new Checkout(basket.totalCents());
            checkout.payCash(basket.totalCents());
            SaleCompletion.Seller seller = new SaleCompletion.Seller("st-par01", "PAR01", "dev-aisle001", "stf-1", "Léo");
            // To be collected elsewhere, it is handed over to someone: not without a customer.
            assertThatThrownBy(() -> ctx.saleCompletion().complete(basket.saleId(), basket.lines(), null, Set.of(), null, checkout, seller))
                    .hasMessageContaining("pickup-needs-customer");
            assertThat(ctx.journal().recordedSale(basket.saleId())).isEmpty();
            fr.comptoir.customers.Customer customer = ctx.customerSearch().search(fr.comptoir.customers.CustomerQuery.parse("Martin"), 1)
                    .get(0).customer();
            SaleRecord sale = ctx.saleCompletion().complete(basket.saleId(), basket.lines(), customer, Set.of(), null, checkout, seller);
            String receipt = fr.comptoir.sale.ui.ReceiptText.of(sale, "Comptoir Paris Rivoli", new I18n(Locale.FRENCH), false,
                    id -> id.equals(store.locationId()) ? store.locationName() : id);
            assertThat(receipt).contains("Commandé : à retirer à " + store.locationName().split(" ")[0]);
            // Only the line taken now leaves this store's shelf.
            assertThat(ctx.journal().unconfirmedSales()).containsOnlyKeys("prd-2-1");

            assertThat(ctx.sync().syncOnce().delivered()).isEqualTo(1);
            var platform = ctx.demoServer().orElseThrow().store();
            JsonNode order = json.readTree(platform.body("orders", "ord-aisle-" + sale.id()).orElseThrow());
            assertThat(order.path("storeId").asText()).isEqualTo(store.locationId());
            assertThat(order.path("status").asText()).isEqualTo("PLACED");
            assertThat(order.path("totalCents").asLong()).isEqualTo(4999);
            assertThat(platform.body("pickups", "ord-aisle-" + sale.id())).isPresent();
            JsonNode kept = json.readTree(platform.body("orders", "ord-" + sale.id()).orElseThrow());
            assertThat(kept.path("totalCents").asLong()).isEqualTo(2999);

            Basket homeDelivery = new Basket();
            homeDelivery.add(new BasketLine(variant, "SKU", "Robe", 1, 4999, 2000, null).withFulfilment(BasketLine.HOME));
            Checkout paid = new Checkout(4999);
            paid.payCash(4999);
            assertThatThrownBy(() -> ctx.saleCompletion().complete(homeDelivery.saleId(), homeDelivery.lines(), null, Set.of(), null, paid, seller))
                    .hasMessageContaining("delivery-address-required");
        }
    }
}
