package fr.comptoir.customers.ui;

import fr.comptoir.customers.Customer;
import fr.comptoir.uikit.I18n;
import fr.comptoir.uikit.TaskRunner;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class NewCustomerViewModelTest {

    final List<String> created = new ArrayList<>();
    List<Customer> duplicates = List.of();

    NewCustomerViewModel vm() {
        return new NewCustomerViewModel(new NewCustomerViewModel.Services() {
            @Override
            public Map<String, String> validate(String f, String l, String e, String p) {
                return f.isBlank() ? Map.of("firstName", "required") : e.contains("@") || e.isBlank() ? Map.of() : Map.of("email", "invalid");
            }

            @Override
            public List<Customer> likelyDuplicates(String e, String p) {
                return duplicates;
            }

            @Override
            public Customer create(String f, String l, String e, String p, boolean ec, boolean sc, boolean shown) {
                created.add(f + " " + l + " email=" + ec + " sms=" + sc);
                return new Customer("local-1", f, l, e, p, null, Customer.LoyaltyTier.NONE, 0, ec, sc, null);
            }
        }, TaskRunner.direct(), new I18n(Locale.ENGLISH), c -> { });
    }

    @Test
    void consentIsNeverAssumedAndThePrivacyNoticeMustBeShown() {
        NewCustomerViewModel vm = vm();
        vm.firstNameProperty().set("Zoé");
        vm.lastNameProperty().set("Lefèvre");
        vm.create();
        assertThat(vm.errorProperty().get()).contains("privacy notice");
        assertThat(created).isEmpty();
        vm.privacyShownProperty().set(true);
        vm.create();
        assertThat(created).containsExactly("Zoé Lefèvre email=false sms=false");
    }

    @Test
    void invalidFieldsAreNamed() {
        NewCustomerViewModel vm = vm();
        vm.emailProperty().set("zoe-at-example");
        vm.privacyShownProperty().set(true);
        vm.create();
        assertThat(vm.errorProperty().get()).contains("First name : Required");
        assertThat(created).isEmpty();
    }

    @Test
    void aLikelyDuplicateIsShownFirstThenCreatingAnywayWorks() {
        duplicates = List.of(new Customer("cus-7", "Zoé", "Lefèvre", "zoe@example.fr", null, null, Customer.LoyaltyTier.NONE, 0, false, false, null));
        NewCustomerViewModel vm = vm();
        vm.firstNameProperty().set("Zoé");
        vm.lastNameProperty().set("Lefèvre");
        vm.emailProperty().set("zoe@example.fr");
        vm.privacyShownProperty().set(true);
        vm.create();
        assertThat(vm.duplicateWarningProperty().get()).contains("Zoé Lefèvre <zoe@example.fr>");
        assertThat(created).isEmpty();
        vm.create();
        assertThat(created).hasSize(1);
    }

    @Test
    void changingTheEmailChecksForDuplicatesAgain() {
        duplicates = List.of(new Customer("cus-7", "Zoé", "L", "zoe@example.fr", null, null, Customer.LoyaltyTier.NONE, 0, false, false, null));
        NewCustomerViewModel vm = vm();
        vm.firstNameProperty().set("Zoé");
        vm.lastNameProperty().set("L");
        vm.emailProperty().set("zoe@example.fr");
        vm.privacyShownProperty().set(true);
        vm.create();
        vm.emailProperty().set("zoe2@example.fr");
        assertThat(vm.duplicateWarningProperty().get()).isEmpty();
        vm.create();
        assertThat(created).isEmpty();
        assertThat(vm.duplicateWarningProperty().get()).isNotEmpty();
    }
}
