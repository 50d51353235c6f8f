package fr.comptoir.shell;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class AppWindowTest {

    @Test
    void aStoredLockDelayThatCannotBeReadFallsBackToTwoMinutes() {
        assertThat(TerminalSettings.parseDelay("PT30S")).isEqualTo(Duration.ofSeconds(30));
        assertThat(TerminalSettings.parseDelay("soon")).isEqualTo(Duration.ofMinutes(2));
        assertThat(TerminalSettings.parseDelay("PT0S")).isEqualTo(Duration.ofMinutes(2));
        assertThat(TerminalSettings.parseDelay(null)).isEqualTo(Duration.ofMinutes(2));
    }
}
