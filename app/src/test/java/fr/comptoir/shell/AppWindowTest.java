package fr.comptoir.shell;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class AppWindowTest {

    @Test
    void aStoredLockDelayThatCannotBeReadFallsBackToTwoMinutes() {
        assertThat(AppWindow.parseDelay("PT30S")).isEqualTo(Duration.ofSeconds(30));
        assertThat(AppWindow.parseDelay("soon")).isEqualTo(Duration.ofMinutes(2));
        assertThat(AppWindow.parseDelay("PT0S")).isEqualTo(Duration.ofMinutes(2));
        assertThat(AppWindow.parseDelay(null)).isEqualTo(Duration.ofMinutes(2));
    }
}
