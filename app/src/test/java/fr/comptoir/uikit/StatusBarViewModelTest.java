package fr.comptoir.uikit;

import fr.comptoir.sync.Connectivity;
import fr.comptoir.sync.SyncStatus;
import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StatusBarViewModelTest {

    static SyncStatus status(Connectivity c, boolean running, long asOf, long pending) {
        return new SyncStatus(c, running, null, -1, Map.of("customers", asOf, "orders", asOf + 1000), pending, 0, null, 0, null);
    }

    @Test
    void saysOnlineOfflineAndHowOldTheDataIs() {
        StatusBarViewModel vm = new StatusBarViewModel(new I18n(Locale.ENGLISH), Runnable::run);
        long now = System.currentTimeMillis();
        vm.accept(status(Connectivity.ONLINE, false, now - 5 * 60_000, 0));
        vm.tick(now);
        assertThat(vm.connectivityText().get()).isEqualTo("Online");
        assertThat(vm.dataAgeText().get()).isEqualTo("Data 5 min old");
        assertThat(vm.pendingText().get()).isEqualTo("Pending writes: 0");

        vm.accept(status(Connectivity.OFFLINE, false, now - 3 * 3_600_000, 4));
        vm.tick(now);
        assertThat(vm.connectivityText().get()).isEqualTo("Offline");
        assertThat(vm.dataAgeText().get()).isEqualTo("Data 3 h old");
        assertThat(vm.pendingText().get()).isEqualTo("Pending writes: 4");
    }

    @Test
    void saysWhyWritesAreWaitingAndKeepsSayingItAfterASuccessfulPull() {
        StatusBarViewModel vm = new StatusBarViewModel(new I18n(Locale.ENGLISH), Runnable::run);
        vm.accept(new SyncStatus(Connectivity.ONLINE, false, null, -1, Map.of("customers", 1L), 20, 0, null, 0,
                "Central platform unreachable (HTTP 503)"));
        assertThat(vm.problemText().get()).isEqualTo("Not delivered yet: Central platform unreachable (HTTP 503)");
        // Nothing waits: nothing to say.
        vm.accept(new SyncStatus(Connectivity.ONLINE, false, null, -1, Map.of("customers", 1L), 0, 0, null, 0, null));
        assertThat(vm.problemText().get()).isEmpty();
        // A failure the person must know of stays until the next one.
        vm.notice("The sale in progress could not be saved against a crash: disk full");
        assertThat(vm.problemText().get()).contains("disk full");
    }

    @Test
    void speaksFrench() {
        StatusBarViewModel vm = new StatusBarViewModel(new I18n(Locale.FRENCH), Runnable::run);
        vm.accept(status(Connectivity.OFFLINE, false, 0, 2));
        assertThat(vm.connectivityText().get()).isEqualTo("Hors ligne");
        assertThat(vm.dataAgeText().get()).isEqualTo("Données jamais synchronisées");
        assertThat(vm.pendingText().get()).isEqualTo("Écritures en attente : 2");
    }

    @Test
    void theOldestFeedSetsTheDataAge() {
        assertThat(status(Connectivity.ONLINE, false, 5000, 0).dataAsOf()).isEqualTo(5000);
        assertThat(new SyncStatus(Connectivity.ONLINE, false, null, -1, Map.of("a", 0L, "b", 9L), 0, 0, null, 0, null).initialSyncDone()).isFalse();
    }

}
