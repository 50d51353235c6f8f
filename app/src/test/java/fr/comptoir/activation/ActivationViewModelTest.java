package fr.comptoir.activation;

import fr.comptoir.DeviceConfig;
import fr.comptoir.centralapi.CentralRejectedException;
import fr.comptoir.centralapi.CentralUnreachableException;
import fr.comptoir.uikit.I18n;
import fr.comptoir.uikit.TaskRunner;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class ActivationViewModelTest {

    final List<String> calls = new ArrayList<>();
    final List<DeviceConfig> activated = new ArrayList<>();
    final DeviceConfig device = new DeviceConfig("http://x", false, "d1", "s1", "Store", "t");
    RuntimeException failure;

    final ActivationViewModel.Activator activator = new ActivationViewModel.Activator() {
        @Override
        public DeviceConfig activate(String url, String code) {
            calls.add(url + "|" + code);
            if (failure != null) {
                throw failure;
            }
            return device;
        }

        @Override
        public DeviceConfig activateDemo() {
            calls.add("demo");
            return device;
        }
    };

    ActivationViewModel vm(Locale locale) {
        return new ActivationViewModel(activator, TaskRunner.direct(), new I18n(locale), activated::add);
    }

    @Test
    void theDemoStoreIsOneTouch() {
        ActivationViewModel vm = vm(Locale.ENGLISH);
        vm.useDemoStore();
        assertThat(calls).containsExactly("demo");
        assertThat(activated).containsExactly(device);
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void whileTheDemoStoreStartsItSaysWhatIsHappening() {
        List<Runnable> later = new java.util.ArrayList<>();
        ActivationViewModel vm = new ActivationViewModel(new ActivationViewModel.Activator() {
            @Override
            public DeviceConfig activate(String url, String code) {
                return device;
            }

            @Override
            public DeviceConfig activateDemo() {
                return device;
            }
        }, new TaskRunner() {
            @Override
            public <T> void run(java.util.concurrent.Callable<T> work, java.util.function.Consumer<T> onSuccess,
                                java.util.function.Consumer<Throwable> onFailure) {
                later.add(() -> {
                    try {
                        onSuccess.accept(work.call());
                    } catch (Exception e) {
                        onFailure.accept(e);
                    }
                });
            }
        }, new I18n(Locale.FRENCH), activated::add);
        vm.useDemoStore();
        assertThat(vm.busyProperty().get()).isTrue();
        assertThat(vm.progressProperty().get()).startsWith("Démarrage du magasin de démo");
        later.forEach(Runnable::run);
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(activated).containsExactly(device);
    }

    @Test
    void badAddressesAndMissingCodesAreRefusedBeforeAnyNetworkCall() {
        ActivationViewModel vm = vm(Locale.FRENCH);
        vm.urlProperty().set("commerce.example.fr");
        vm.codeProperty().set("ABC");
        vm.activate();
        assertThat(vm.errorProperty().get()).contains("http://");

        vm.urlProperty().set("https://commerce.example.fr");
        vm.codeProperty().set("   ");
        vm.activate();
        assertThat(vm.errorProperty().get()).contains("code d'activation");
        assertThat(calls).isEmpty();
        assertThat(activated).isEmpty();
    }

    @Test
    void trimsInputAndActivates() {
        ActivationViewModel vm = vm(Locale.ENGLISH);
        vm.urlProperty().set("  https://commerce.example.fr/api ");
        vm.codeProperty().set(" PAR-01 ");
        vm.activate();
        assertThat(calls).containsExactly("https://commerce.example.fr/api|PAR-01");
        assertThat(activated).hasSize(1);
        assertThat(vm.errorProperty().get()).isEmpty();
    }

    @Test
    void failuresSayWhatToDo() {
        ActivationViewModel vm = vm(Locale.ENGLISH);
        vm.urlProperty().set("http://127.0.0.1:9");
        vm.codeProperty().set("X");
        failure = new CentralUnreachableException("refused", null);
        vm.activate();
        assertThat(vm.errorProperty().get()).contains("cannot be reached");

        failure = new CentralRejectedException(CentralRejectedException.Reason.BUSINESS_RULE, "invalid-activation-code", "Unknown activation code", "The activation code 'X' is not valid.");
        vm.activate();
        assertThat(vm.errorProperty().get()).startsWith("This activation code is not known").doesNotContain("'X' is not valid");
        assertThat(activated).isEmpty();
    }

    @Test
    void aRefusalIsSaidInThePersonsLanguageWithThePlatformsWordsOnlyQuoted() {
        ActivationViewModel vm = vm(Locale.FRENCH);
        vm.urlProperty().set("http://127.0.0.1:9");
        vm.codeProperty().set("X");
        failure = new CentralRejectedException(CentralRejectedException.Reason.BUSINESS_RULE, "invalid-activation-code", "Unknown activation code",
                "The activation code 'X' is not valid for this platform.");
        vm.activate();
        assertThat(vm.errorProperty().get()).isEqualTo("Ce code d'activation n'est pas connu de la plateforme centrale, ou a déjà servi. "
                + "Vérifiez-le auprès du siège, puis saisissez-le à nouveau.");
        failure = new CentralRejectedException(CentralRejectedException.Reason.CONFLICT, "store-closed", "Store closed", "Store PAR01 is closed.");
        vm.activate();
        assertThat(vm.errorProperty().get()).isEqualTo("La plateforme centrale a refusé l'activation. Son message, pour le siège : « Store PAR01 is closed. »");
        assertThat(activated).isEmpty();
    }
}
