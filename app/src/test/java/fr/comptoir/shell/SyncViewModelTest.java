package fr.comptoir.shell;

import fr.comptoir.sync.FeedState;
import fr.comptoir.sync.OutboxEntry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SyncViewModelTest {

    @Test
    void showsRecordsPerFeedAndWritesThatNeedAttention() {
        int[] syncs = {0};
        SyncViewModel vm = new SyncViewModel(() -> Map.of("customers", 150L),
                () -> List.of(new FeedState("customers", "c", 1_700_000_000_000L, true), new FeedState("orders", null, 0, false)),
                () -> List.of(new OutboxEntry(7, "staff-event", "NEEDS_ATTENTION", 1, "422 Invalid staff event", 1_700_000_000_000L, "{}")),
                () -> syncs[0]++, TaskRunner.direct(), new I18n(Locale.FRENCH));

        vm.refresh();
        vm.syncNow();

        assertThat(vm.rows()).extracting(SyncViewModel.FeedRow::label).containsExactly("Clients", "Commandes");
        assertThat(vm.rows().get(0).records()).isEqualTo(150);
        assertThat(vm.rows().get(1).lastSync()).isEqualTo("Jamais");
        assertThat(vm.attentionRows()).singleElement().satisfies(r -> {
            assertThat(r.what()).isEqualTo("Connexion d'un membre de l'équipe");
            assertThat(r.problem()).contains("422");
        });
        assertThat(syncs[0]).isEqualTo(1);
    }

    @Test
    void aStoredLockDelayThatCannotBeReadFallsBackToTwoMinutes() {
        assertThat(AppWindow.parseDelay("PT30S")).isEqualTo(Duration.ofSeconds(30));
        assertThat(AppWindow.parseDelay("soon")).isEqualTo(Duration.ofMinutes(2));
        assertThat(AppWindow.parseDelay("PT0S")).isEqualTo(Duration.ofMinutes(2));
        assertThat(AppWindow.parseDelay(null)).isEqualTo(Duration.ofMinutes(2));
    }
}
