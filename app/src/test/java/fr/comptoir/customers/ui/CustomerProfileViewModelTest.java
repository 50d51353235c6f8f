package fr.comptoir.customers.ui;

import fr.comptoir.catalog.VariantInfo;
import fr.comptoir.customers.ClientelingService;
import fr.comptoir.customers.ClientelingStore;
import fr.comptoir.customers.Customer;
import fr.comptoir.customers.CustomerFile;
import fr.comptoir.customers.CustomerInsights;
import fr.comptoir.customers.CustomerNote;
import fr.comptoir.customers.OnlineCart;
import fr.comptoir.orders.Order;
import fr.comptoir.orders.OrderLine;
import fr.comptoir.uikit.I18n;
import fr.comptoir.uikit.TaskRunner;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CustomerProfileViewModelTest {

    final Customer helene = new Customer("cus-1", "Hélène", "Martin", "helene@example.fr", "06 12 34 56 78", "2900000000018",
            Customer.LoyaltyTier.GOLD, 1250, true, false, "2020-01-01");
    final List<Order> orders = List.of(
            new Order("o1", "W1", "cus-1", Order.Channel.WEB, null, Order.OrderStatus.DELIVERED, "2026-11-02T10:00:00Z", 5998,
                    List.of(new OrderLine("l1", "v1", "S1", "Robe", 2, 2999, 2000, 1))),
            new Order("o2", "S2", "cus-1", Order.Channel.STORE, "st-par01", Order.OrderStatus.COMPLETED, "2026-06-02T10:00:00Z", 1000,
                    List.of(new OrderLine("l2", "v2", "S2", "Vase", 1, 1000, 2000, 0))));
    final OnlineCart cart = new OnlineCart("cart-1", "cus-1", OnlineCart.Channel.WEB, OnlineCart.Status.OPEN, "2026-11-20T10:00:00Z",
            List.of(new OnlineCart.CartLine("v1", "S1", "Robe", "M", null, 1, 3499)));
    final Map<String, VariantInfo> items = Map.of("v1", new VariantInfo("v1", "S1", "376", "Robe portefeuille", "M", "Noir", 2999, 2000, 3));
    boolean online = true;
    final List<String> calls = new ArrayList<>();

    /** Changes of the customer still waiting to be sent, as the outbox would count them. */
    int pending = 1;

    CustomerProfileViewModel vm(ClientelingStore.CachedCarts cached) {
        return new CustomerProfileViewModel(new CustomerProfileViewModel.Services() {
            @Override
            public Optional<CustomerFile> read(String id) {
                calls.add("read " + id);
                CustomerFile file = new CustomerFile(new ClientelingService.Profile(helene,
                        List.of(new CustomerNote("n1", "cus-1", "Chausse du 38", "s", "Camille", "st", "2026-11-01T10:00:00Z")), pending),
                        orders, CustomerInsights.of(orders, Map.of(), LocalDate.of(2026, 11, 20), ZoneOffset.UTC, 8),
                        Map.of("st-par01", "Comptoir Paris Rivoli"), items, cached, System.currentTimeMillis() - 120_000);
                return id.equals("cus-1") ? Optional.of(file) : Optional.empty();
            }

            @Override
            public List<OnlineCart> liveCarts(String id) {
                calls.add("live " + id);
                return List.of(cart);
            }

            @Override
            public void keepCarts(String id, List<OnlineCart> carts) {
                calls.add("keep " + carts.size());
            }

            @Override
            public Map<String, VariantInfo> variants(Set<String> ids) {
                return items;
            }

            @Override
            public void addNote(String id, String text) {
                calls.add("note " + text);
            }

            @Override
            public void savePreferences(Customer c, Customer.Preferences p) {
                calls.add("prefs " + p.sizes());
            }

            @Override
            public List<VariantInfo> searchProducts(String text) {
                calls.add("search " + text);
                return List.copyOf(items.values());
            }

            @Override
            public void addToWishlist(String id, String variantId) {
                calls.add("wish+ " + variantId);
            }

            @Override
            public void removeFromWishlist(String id, String variantId) {
                calls.add("wish- " + variantId);
            }

            @Override
            public boolean continueCart(OnlineCart c, Map<String, VariantInfo> catalogue, Customer customer) {
                calls.add("continue " + c.id() + " for " + customer.id());
                return true;
            }
        }, TaskRunner.direct(), new I18n(Locale.ENGLISH), () -> online, id -> false, c -> calls.add("attach " + c.id()));
    }

    @Test
    void showsWhoTheyAreWhatTheyBoughtEverywhereAndHowOldTheDataIs() {
        CustomerProfileViewModel vm = vm(null);
        vm.load("cus-1");
        assertThat(vm.headingProperty().get()).isEqualTo("Hélène Martin");
        assertThat(vm.loyaltyProperty().get()).isEqualTo("Gold · 1,250 points · card 2900000000018");
        assertThat(vm.consentProperty().get()).isEqualTo("Email offers: yes\nSMS offers: no");
        assertThat(vm.spendProperty().get()).isEqualTo("Spent 39,99\u00a0€ in 2 orders");
        assertThat(vm.dataAgeProperty().get()).isEqualTo("Customer data 2 min old · 1 edit waiting to be sent");
        assertThat(vm.orders()).extracting(CustomerProfileViewModel.OrderRow::channel).containsExactly("Web", "Store");
        assertThat(vm.orders().get(0).where()).isEqualTo("Home delivery");
        assertThat(vm.orders().get(1).where()).isEqualTo("Comptoir Paris Rivoli");
        assertThat(vm.orders().get(0).lines()).containsExactly("2 × Robe at 29,99\u00a0€ · 1 returned");
        assertThat(vm.notes()).hasSize(1);
    }

    @Test
    void onlineCartsAreLiveWithPriceThenAndNowAndAvailabilityHere() {
        CustomerProfileViewModel vm = vm(null);
        vm.load("cus-1");
        assertThat(vm.cartsStatusProperty().get()).isEqualTo("Live from the central platform.");
        CustomerProfileViewModel.CartLineRow line = vm.carts().get(0).lines().get(0);
        assertThat(line.priceChanged()).isTrue();
        assertThat(line.priceThen()).isEqualTo("34,99\u00a0€");
        assertThat(line.priceNow()).isEqualTo("29,99\u00a0€");
        assertThat(line.availability()).isEqualTo("3 here");
        assertThat(calls).contains("keep 1");

        vm.continueInStore(vm.carts().get(0));
        assertThat(calls).contains("continue cart-1 for cus-1");
        assertThat(vm.carts().get(0).continued()).isTrue();
        vm.continueInStore(vm.carts().get(0));
        assertThat(calls.stream().filter(c -> c.startsWith("continue"))).hasSize(1);
    }

    @Test
    void offlineTheCachedCartsShowWithTheirAge() {
        online = false;
        CustomerProfileViewModel vm = vm(new ClientelingStore.CachedCarts(List.of(cart), System.currentTimeMillis() - 3 * 3_600_000));
        vm.load("cus-1");
        assertThat(vm.cartsStatusProperty().get()).isEqualTo("Offline: copy 3 h old.");
        assertThat(vm.carts()).hasSize(1);
        assertThat(calls).noneMatch(c -> c.startsWith("live"));
    }

    @Test
    void notesAndPreferencesAreCheckedThenSaved() {
        CustomerProfileViewModel vm = vm(null);
        vm.load("cus-1");
        vm.noteDraftProperty().set("   ");
        vm.addNote();
        assertThat(vm.messageProperty().get()).isEqualTo("Write the note first.");
        vm.noteDraftProperty().set("Aime le lin");
        vm.addNote();
        assertThat(calls).contains("note Aime le lin");
        vm.sizesProperty().set("M, 38, , M");
        vm.savePreferences();
        assertThat(calls).contains("prefs [M, 38]");
        vm.attachToBasket();
        assertThat(calls).contains("attach cus-1");
        assertThat(vm.messageProperty().get()).isEqualTo("Hélène Martin is attached to the current sale.");
    }

    @Test
    void wishlistItemsAreFoundInTheCatalogueAddedAndRemoved() {
        CustomerProfileViewModel vm = vm(null);
        vm.load("cus-1");
        vm.productQueryProperty().set("r");
        assertThat(vm.productResults()).isEmpty();
        vm.productQueryProperty().set("robe");
        assertThat(vm.productResults()).extracting(VariantInfo::variantId).containsExactly("v1");
        vm.addToWishlist(vm.productResults().get(0));
        assertThat(calls).contains("wish+ v1");
        assertThat(vm.messageProperty().get()).isEqualTo("Robe portefeuille · Noir · M is in the wishlist.");
        vm.removeFromWishlist(new CustomerProfileViewModel.WishItem("v9", "x"));
        assertThat(calls).contains("wish- v9");
    }

    @Test
    void anUnknownCustomerSaysSo() {
        CustomerProfileViewModel vm = vm(null);
        vm.load("nobody");
        assertThat(vm.messageProperty().get()).isEqualTo("This customer is not known here.");
    }

    @Test
    void theCountOfWaitingChangesFollowsTheirDeliveryWithoutTouchingTheRest() {
        CustomerProfileViewModel vm = vm(null);
        vm.load("cus-1");
        assertThat(vm.dataAgeProperty().get()).contains("1 edit waiting to be sent");
        vm.noteDraftProperty().set("Préfère le bleu");
        pending = 0;
        vm.refreshPending();
        assertThat(vm.dataAgeProperty().get()).doesNotContain("waiting");
        assertThat(vm.noteDraftProperty().get()).as("a note being typed stays").isEqualTo("Préfère le bleu");
    }

    @Test
    void whatTheListKnewShowsAtOnceBeforeTheFileIsRead() {
        CustomerProfileViewModel vm = vm(null);
        vm.preview(helene);
        assertThat(vm.headingProperty().get()).isEqualTo("Hélène Martin");
        assertThat(vm.loyaltyProperty().get()).contains("2900000000018");
        assertThat(calls).as("nothing read yet").isEmpty();
        vm.load("cus-1");
        assertThat(calls).contains("read cus-1");
        vm.preview(new Customer("cus-1", "Autre", "Nom", null, null, null, Customer.LoyaltyTier.NONE, 0, false, false, null));
        assertThat(vm.headingProperty().get()).as("the file read wins").isEqualTo("Hélène Martin");
    }
}
