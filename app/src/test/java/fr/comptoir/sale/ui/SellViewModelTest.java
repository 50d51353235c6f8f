package fr.comptoir.sale.ui;

import fr.comptoir.catalog.CatalogReader;
import fr.comptoir.catalog.VariantInfo;
import fr.comptoir.customers.Customer;
import fr.comptoir.sale.Basket;
import fr.comptoir.sale.ScanLookup;
import fr.comptoir.uikit.I18n;
import fr.comptoir.uikit.TaskRunner;
import org.junit.jupiter.api.Test;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class SellViewModelTest {

    static final VariantInfo ROBE = new VariantInfo("v1", "REF1-NOI-M", "3760000000017", "Robe", "M", "Noir", 5999, 2000, 3);
    static final VariantInfo THE = new VariantInfo("v2", "REF2-U-TU", "3760000000024", "Thé Earl Grey", null, null, 699, 550, 10);
    static final VariantInfo BOUQUET = new VariantInfo("v3", "REF3-U-TU", "3760000000031", "Bouquet de saison", null, null, 3299, 1000, 4,
            "Fleurs", "Prix Paris", null);

    final CatalogReader catalog = new CatalogReader() {
        @Override
        public Map<String, VariantInfo> variants(Collection<String> ids, String storeId) {
            return Map.of();
        }

        @Override
        public List<VariantInfo> search(String text, String storeId, int limit) {
            return text.toLowerCase().startsWith("ro") ? List.of(ROBE) : List.of();
        }

        @Override
        public Optional<VariantInfo> byCode(String code, String storeId) {
            return List.of(ROBE, THE, BOUQUET).stream().filter(v -> v.ean().equals(code) || v.sku().equals(code.toUpperCase())).findFirst();
        }
    };
    final Customer helene = new Customer("cus-1", "Hélène", "Martin", null, null, "2900000000018", Customer.LoyaltyTier.GOLD, 0, false, false, null);
    final Basket basket = new Basket();

    SellViewModel vm(Locale locale) {
        ScanLookup lookup = new ScanLookup(catalog, "st");
        return new SellViewModel(basket, lookup::lookup, t -> catalog.search(t, "st", 20),
                card -> card.equals(helene.loyaltyCard()) ? Optional.of(helene) : Optional.empty(), TaskRunner.direct(), new I18n(locale));
    }

    @Test
    void scansAddLinesAndASecondScanOfTheSameItemAddsOne() {
        SellViewModel vm = vm(Locale.ENGLISH);
        vm.scanned("3760000000017");
        vm.scanned("3760000000017");
        vm.scanned("3760000000024");
        assertThat(vm.lines()).extracting(SellViewModel.LineRow::quantity).containsExactly(2, 1);
        assertThat(vm.totalProperty().get()).isEqualTo("Total 126,97\u00a0€ · 3 items");
        assertThat(vm.vat()).containsExactly(new SellViewModel.VatRow("5,5 %", "6,63\u00a0€", "0,36\u00a0€", "6,99\u00a0€"),
                new SellViewModel.VatRow("20 %", "99,98\u00a0€", "20,00\u00a0€", "119,98\u00a0€"));
    }

    @Test
    void aProductFoundByNameOffersItsColoursAndSizesBeforeALineIsAdded() {
        List<VariantInfo> pulls = List.of(
                new VariantInfo("p9-1", "P9-ECR-S", "3760000000093", "Pull col roulé", "S", "Écru", 7999, 2000, 2, "Maille", null, "p9"),
                new VariantInfo("p9-2", "P9-ECR-M", "3760000000094", "Pull col roulé", "M", "Écru", 7999, 2000, 0, "Maille", null, "p9"),
                new VariantInfo("p9-3", "P9-CAM-S", "3760000000095", "Pull col roulé", "S", "Camel", 7499, 2000, 1, "Maille", null, "p9"),
                new VariantInfo("p7-1", "P7-U-TU", "3760000000071", "Pull marin", null, null, 5999, 2000, 4, "Maille", null, "p7"));
        SellViewModel vm = new SellViewModel(basket, t -> new ScanLookup.Result.Unknown(t), t -> pulls, c -> Optional.empty(),
                TaskRunner.direct(), new I18n(Locale.ENGLISH));
        vm.entryProperty().set("pull");
        assertThat(vm.searchResults()).extracting(SellViewModel.ProductChoice::name, SellViewModel.ProductChoice::price,
                SellViewModel.ProductChoice::detail).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Pull col roulé", "from 74,99\u00a0€", "2 colours · 2 sizes · 3 here"),
                org.assertj.core.groups.Tuple.tuple("Pull marin", "59,99\u00a0€", "4 here"));

        vm.choose(vm.searchResults().get(0));
        assertThat(basket.lines()).isEmpty();
        assertThat(vm.choosingProperty().get().byColour()).containsOnlyKeys("Écru", "Camel");
        assertThat(vm.choosingProperty().get().byColour().get("Écru")).extracting(VariantInfo::size).containsExactly("S", "M");
        vm.cancelChoice();
        assertThat(vm.choosingProperty().get()).isNull();
        assertThat(basket.lines()).isEmpty();

        vm.choose(vm.searchResults().get(0));
        vm.add(vm.choosingProperty().get().byColour().get("Camel").get(0));
        assertThat(basket.lines()).extracting(l -> l.sku()).containsExactly("P9-CAM-S");
        assertThat(vm.choosingProperty().get()).isNull();
        assertThat(vm.searchResults()).isEmpty();

        // A product with a single variant goes straight into the basket.
        vm.entryProperty().set("pull");
        vm.choose(vm.searchResults().get(1));
        assertThat(basket.lines()).extracting(l -> l.sku()).containsExactly("P9-CAM-S", "P7-U-TU");
    }

    @Test
    void aQuantityTypedBeforeTheScanOrTheCodeAddsThatMany() {
        SellViewModel vm = vm(Locale.ENGLISH);
        vm.entryProperty().set("3x");
        vm.scanned("3760000000017");
        assertThat(basket.lines()).extracting(l -> l.quantity()).containsExactly(3);
        assertThat(vm.messageProperty().get()).isEqualTo("3 × Robe · Noir · M added.");
        assertThat(vm.entryProperty().get()).isEmpty();
        vm.scanned("3760000000017");
        assertThat(basket.lines()).extracting(l -> l.quantity()).containsExactly(4);

        vm.entryProperty().set("2*3760000000024");
        vm.submitEntry();
        assertThat(basket.lines()).extracting(l -> l.quantity()).containsExactly(4, 2);

        vm.entryProperty().set("0x");
        vm.scanned("3760000000024");
        assertThat(vm.messageProperty().get()).startsWith("Type a quantity from 1 to 999");
        vm.entryProperty().set("999×");
        vm.scanned("3760000000024");
        assertThat(vm.messageProperty().get()).isEqualTo("At most 999 of one item per line.");
        assertThat(basket.lines()).extracting(l -> l.quantity()).containsExactly(4, 2);
    }

    @Test
    void aPriceSetByAPriceListSaysWhichListSetIt() {
        SellViewModel vm = vm(Locale.FRENCH);
        vm.scanned("3760000000031");
        assertThat(vm.messageProperty().get()).isEqualTo("Bouquet de saison ajouté (Prix Paris : 32,99\u00a0€).");
        assertThat(basket.lines()).extracting(l -> l.unitPriceCents()).containsExactly(3299L);
    }

    @Test
    void unknownAndMalformedCodesSaySoAndChangeNothing() {
        SellViewModel vm = vm(Locale.ENGLISH);
        vm.scanned("4006381333931");
        assertThat(vm.messageProperty().get()).isEqualTo("No item with the code 4006381333931: nothing was added.");
        vm.scanned("4006381333932");
        assertThat(vm.messageProperty().get()).contains("is not a valid barcode");
        vm.scanned("<script>");
        assertThat(vm.messageProperty().get()).contains("is not a valid barcode");
        assertThat(basket.lines()).isEmpty();
    }

    @Test
    void aScannedLoyaltyCardAttachesTheCustomer() {
        SellViewModel vm = vm(Locale.FRENCH);
        vm.scanned("2900000000018");
        assertThat(basket.customer()).isEqualTo(helene);
        assertThat(vm.messageProperty().get()).isEqualTo("Hélène Martin est associé(e) à la vente en cours.");
    }

    @Test
    void typedSkusAndNamesWorkFromTheEntryField() {
        SellViewModel vm = vm(Locale.FRENCH);
        vm.entryProperty().set("ro");
        assertThat(vm.searchResults()).singleElement().satisfies(p -> assertThat(p.variants()).containsExactly(ROBE));
        vm.choose(vm.searchResults().get(0));
        vm.entryProperty().set("ref2-u-tu");
        vm.submitEntry();
        assertThat(basket.lines()).hasSize(2);
        assertThat(vm.entryProperty().get()).isEmpty();
        assertThat(vm.vat().get(0).rate()).isEqualTo("5,5 %");
    }

    @Test
    void quantitiesChangeWithinBoundsAndLinesCanBeVoided() {
        SellViewModel vm = vm(Locale.ENGLISH);
        vm.scanned("3760000000017");
        vm.decrement(0);
        assertThat(basket.lines().get(0).quantity()).isEqualTo(1);
        vm.increment(0);
        vm.increment(0);
        assertThat(basket.lines().get(0).quantity()).isEqualTo(3);
        vm.voidLine(0);
        assertThat(basket.lines()).isEmpty();
        assertThat(vm.messageProperty().get()).isEqualTo("Robe · Noir · M removed from the sale.");
        assertThat(vm.totalProperty().get()).isEqualTo("Total 0,00\u00a0€ · 0 items");
    }

    @Test
    void aQuantityOutsideOneTo999IsRefusedWithTheRuleAndAddsNothing() {
        SellViewModel vm = vm(Locale.ENGLISH);
        int[] signals = {0};
        vm.setOnScanError(() -> signals[0]++);
        for (String typed : List.of("-3x", "1000x", "0x", "+0x", "99999x")) {
            vm.entryProperty().set(typed);
            vm.scanned("3760000000017");
            assertThat(basket.lines()).as(typed).isEmpty();
            assertThat(vm.messageProperty().get()).as(typed).isEqualTo("Type a quantity from 1 to 999 before the item, e.g. 3x then scan.");
            assertThat(vm.notice().kind()).isEqualTo(fr.comptoir.uikit.Notice.Kind.ERROR);
        }
        vm.entryProperty().set("1000x3760000000017");
        vm.submitEntry();
        assertThat(basket.lines()).isEmpty();
        assertThat(vm.messageProperty().get()).startsWith("Type a quantity from 1 to 999");
        assertThat(signals[0]).isEqualTo(6);

        vm.entryProperty().set("999x");
        vm.scanned("3760000000024");
        vm.entryProperty().set("+2x3760000000017");
        vm.submitEntry();
        assertThat(basket.lines()).extracting(l -> l.quantity()).containsExactly(999, 2);
        assertThat(vm.notice().kind()).isEqualTo(fr.comptoir.uikit.Notice.Kind.CONFIRMATION);
    }

    @Test
    void errorsWarningsAndConfirmationsAreToldApart() {
        SellViewModel vm = vm(Locale.FRENCH);
        int[] signals = {0};
        vm.setOnScanError(() -> signals[0]++);
        vm.scanned("3760000000017");
        assertThat(vm.notice().kind()).isEqualTo(fr.comptoir.uikit.Notice.Kind.CONFIRMATION);
        vm.scanned("3760000009999");
        assertThat(vm.notice().kind()).isEqualTo(fr.comptoir.uikit.Notice.Kind.ERROR);
        assertThat(vm.messageProperty().get()).contains("3760000009999");
        vm.scanned("37600");
        assertThat(vm.notice().kind()).isEqualTo(fr.comptoir.uikit.Notice.Kind.ERROR);
        assertThat(signals[0]).as("a signal for each scan that added nothing").isEqualTo(2);
        vm.scanned("REF2-U-TU");
        assertThat(vm.notice().kind()).isEqualTo(fr.comptoir.uikit.Notice.Kind.CONFIRMATION);
        assertThat(basket.lines()).extracting(l -> l.sku()).containsExactly("REF1-NOI-M", "REF2-U-TU");
    }

    @Test
    void theLineJustAddedOrChangedIsTheOneToBringIntoSight() {
        SellViewModel vm = vm(Locale.ENGLISH);
        vm.scanned("3760000000017");
        vm.scanned("3760000000024");
        vm.scanned("3760000000031");
        assertThat(vm.changedLineProperty().get()).isEqualTo(2);
        vm.scanned("3760000000017");
        assertThat(vm.changedLineProperty().get()).as("a second robe: its line").isEqualTo(0);
        vm.decrement(0);
        assertThat(vm.changedLineProperty().get()).isEqualTo(0);
        vm.voidLine(1);
        assertThat(vm.changedLineProperty().get()).as("only a removal").isEqualTo(-1);
    }

    @Test
    void linesThatCameWithoutAScanAreCheckedAgainstThisStoresStock() {
        SellViewModel vm = vm(Locale.ENGLISH);
        List<java.util.Collection<String>> asked = new java.util.ArrayList<>();
        vm.enableStockCheck(ids -> {
            asked.add(List.copyOf(ids));
            Map<String, Integer> shelf = Map.of("v1", 0, "v2", 5);
            return ids.stream().collect(java.util.stream.Collectors.toMap(id -> id, shelf::get));
        });
        // An online cart continued in store: its lines join the basket as they are.
        basket.add(new fr.comptoir.sale.BasketLine("v1", "REF1-NOI-M", "Robe", 1, 5999, 2000, "cart-1"));
        basket.add(new fr.comptoir.sale.BasketLine("v2", "REF2-U-TU", "Thé", 2, 699, 550, "cart-1"));
        assertThat(vm.lines()).extracting(SellViewModel.LineRow::variantId, SellViewModel.LineRow::notHere)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("v1", true), org.assertj.core.groups.Tuple.tuple("v2", false));
        assertThat(asked).containsExactly(List.of("v1"), List.of("v2"));
    }

    @Test
    void anOrderToCollectElsewhereNamesTheStoreAndNeedsACustomerBeforePayment() {
        SellViewModel vm = vm(Locale.ENGLISH);
        vm.enableLocationNames(id -> id.equals("st-lyo01") ? "Comptoir Lyon Part-Dieu" : id);
        basket.add(new fr.comptoir.sale.BasketLine("v1", "REF1-NOI-M", "Robe", 1, 5999, 2000, null)
                .withFulfilment(fr.comptoir.sale.BasketLine.PICKUP + "st-lyo01"));
        assertThat(vm.lines().get(0).fulfilment()).isEqualTo("Ordered: to collect at Comptoir Lyon Part-Dieu");
        assertThat(vm.readyToPay()).isFalse();
        assertThat(vm.notice().kind()).isEqualTo(fr.comptoir.uikit.Notice.Kind.ERROR);
        assertThat(vm.messageProperty().get()).startsWith("An order to collect in another store needs a customer");
        basket.attach(helene);
        assertThat(vm.readyToPay()).isTrue();
    }

    @Test
    void withMoneyAlreadyTakenTheSaleOnlyGoesForward() {
        SellViewModel vm = vm(Locale.FRENCH);
        vm.scanned("3760000000017");
        vm.scanned("3760000000017");
        basket.setPaid(10_000);
        vm.scanned("3760000000024");
        assertThat(vm.paidSoFarProperty().get()).isEqualTo("Déjà payé : 100,00\u00a0€");
        vm.decrement(0);
        assertThat(vm.notice().kind()).isEqualTo(fr.comptoir.uikit.Notice.Kind.ERROR);
        assertThat(vm.messageProperty().get()).startsWith("100,00\u00a0€ déjà payés pour cette vente");
        assertThat(vm.lines()).extracting(SellViewModel.LineRow::quantity).as("nothing changed").containsExactly(2, 1);
        vm.voidLine(1);
        assertThat(vm.lines()).as("the tea can go: the robes still cost more than was paid").hasSize(1);
        vm.voidSale("9876", () -> { });
        assertThat(vm.messageProperty().get()).contains("ni mise en attente ni annulée");
        assertThat(basket.lines()).hasSize(1);
    }

    @Test
    void backFromAScreenThatWorkedOnALineThatLineIsBroughtIntoSight() {
        SellViewModel vm = vm(Locale.ENGLISH);
        vm.scanned("3760000000017");
        vm.scanned("3760000000024");
        vm.scanned("3760000000031");
        vm.bringIntoSight(0);
        assertThat(vm.changedLineProperty().get()).isZero();
        vm.bringIntoSight(7);
        assertThat(vm.changedLineProperty().get()).as("no such line: nothing moves").isZero();
    }
}
