package fr.comptoir.customers.ui;

import fr.comptoir.customers.Customer;
import fr.comptoir.customers.CustomerMatch;
import fr.comptoir.customers.CustomerQuery;
import fr.comptoir.uikit.I18n;
import fr.comptoir.uikit.TaskRunner;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class CustomerSearchViewModelTest {

    static Customer c(String id, String name) {
        return new Customer(id, name, "Martin", null, null, null, Customer.LoyaltyTier.NONE, 0, false, false, null);
    }

    final List<String> centralCalls = new ArrayList<>();
    boolean online = true;

    CustomerSearchViewModel vm(TaskRunner runner) {
        return new CustomerSearchViewModel(q -> q instanceof CustomerQuery.Name n && n.words().get(0).startsWith("hel")
                ? List.of(new CustomerMatch(c("cus-1", "Hélène"), CustomerMatch.Strength.EXACT, CustomerMatch.Source.CACHE))
                : List.of(),
                q -> {
                    centralCalls.add(q);
                    return List.of(c("cus-1", "Hélène"), c("cus-9", "Helga"));
                }, () -> online, runner, new I18n(Locale.ENGLISH));
    }

    @Test
    void findsInTheCacheThenAddsWhatOnlyTheCentralPlatformKnows() {
        CustomerSearchViewModel vm = vm(TaskRunner.direct());
        vm.queryProperty().set("hel");
        assertThat(vm.results()).extracting(m -> m.customer().id()).containsExactly("cus-1", "cus-9");
        assertThat(vm.results().get(1).source()).isEqualTo(CustomerMatch.Source.CENTRAL);
        assertThat(centralCalls).containsExactly("hel");
    }

    @Test
    void offlineOnlyTheCacheIsAskedAndNothingFoundIsSaid() {
        online = false;
        CustomerSearchViewModel vm = vm(TaskRunner.direct());
        vm.queryProperty().set("zorro");
        assertThat(vm.results()).isEmpty();
        assertThat(vm.messageProperty().get()).isEqualTo("No customer found for “zorro”.");
        assertThat(centralCalls).isEmpty();
    }

    @Test
    void tooShortSaysHowManyCharactersAreNeeded() {
        CustomerSearchViewModel vm = vm(TaskRunner.direct());
        vm.queryProperty().set("h");
        assertThat(vm.messageProperty().get()).isEqualTo("Type at least 2 characters.");
        vm.queryProperty().set("061");
        assertThat(vm.messageProperty().get()).isEqualTo("Type at least 4 characters.");
        assertThat(vm.results()).isEmpty();
    }

    @Test
    void aScannedCardEndingWithEnterChoosesTheCustomerEvenBeforeTheSearchAnswers() {
        fr.comptoir.testing.DeferredTaskRunner later = new fr.comptoir.testing.DeferredTaskRunner();
        TaskRunner deferred = later;
        online = false;
        List<String> chosen = new ArrayList<>();
        CustomerSearchViewModel vm = vm(deferred);
        vm.queryProperty().set("helene");
        vm.chooseSingleExact(c -> chosen.add(c.id()));
        assertThat(chosen).isEmpty();
        later.runAll();
        assertThat(chosen).containsExactly("cus-1");

        vm.queryProperty().set("zorro");
        later.get(later.size() - 1).run();
        vm.chooseSingleExact(c -> chosen.add(c.id()));
        assertThat(chosen).containsExactly("cus-1");
    }

    @Test
    void anAnswerToAnOlderKeystrokeIsDropped() {
        fr.comptoir.testing.DeferredTaskRunner later = new fr.comptoir.testing.DeferredTaskRunner();
        TaskRunner deferred = later;
        online = false;
        CustomerSearchViewModel vm = vm(deferred);
        vm.queryProperty().set("hel");
        vm.queryProperty().set("zorro");
        // The newer search answers first, then the older one: the list must keep the newer answer.
        later.get(1).run();
        later.get(0).run();
        assertThat(vm.results()).isEmpty();
        assertThat(vm.messageProperty().get()).contains("zorro");
    }

    @Test
    void theCentralPlatformIsAskedOnceTheTypingPausesOnItsOwnThreadsNotAtEveryKeystroke() {
        fr.comptoir.testing.DeferredTaskRunner network = new fr.comptoir.testing.DeferredTaskRunner();
        CustomerSearchViewModel vm = new CustomerSearchViewModel(q -> List.of(), q -> {
            centralCalls.add(q);
            return List.of(c("cus-9", "Helga"));
        }, () -> online, TaskRunner.direct(), network, java.time.Duration.ZERO, new I18n(Locale.ENGLISH));
        for (String typed : new String[]{"hel", "helg", "helga"}) {
            vm.queryProperty().set(typed);
        }
        // The cache answered each keystroke at once; the platform's searches wait on their own threads.
        assertThat(network.size()).isEqualTo(3);
        network.runAll();
        assertThat(centralCalls).containsExactly("helga");
        assertThat(vm.results()).extracting(m -> m.customer().id()).containsExactly("cus-9");
    }
}
