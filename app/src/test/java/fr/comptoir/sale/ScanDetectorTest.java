package fr.comptoir.sale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ScanDetectorTest {

    static final long MS = 1_000_000L;

    @Test
    void fastDigitsEndedByEnterAreAScan() {
        ScanDetector d = new ScanDetector();
        long t = 0;
        for (char c : "3760000000017".toCharArray()) {
            assertThat(d.typed(c, t += 5 * MS)).isInstanceOf(ScanDetector.Outcome.Held.class);
        }
        assertThat(d.enter(t + 5 * MS)).isEqualTo(new ScanDetector.Outcome.Scan("3760000000017"));
    }

    @Test
    void slowTypingIsGivenBackToTheField() {
        ScanDetector d = new ScanDetector();
        assertThat(d.typed('1', 0)).isInstanceOf(ScanDetector.Outcome.Held.class);
        assertThat(d.typed('2', 300 * MS)).isEqualTo(new ScanDetector.Outcome.Release("1"));
        assertThat(d.idle(600 * MS)).isEqualTo(new ScanDetector.Outcome.Release("2"));
        assertThat(d.idle(700 * MS)).isInstanceOf(ScanDetector.Outcome.Ignore.class);
    }

    @Test
    void aShortFastBurstOrALetterIsNotAScan() {
        ScanDetector d = new ScanDetector();
        d.typed('1', 0);
        d.typed('2', 5 * MS);
        assertThat(d.enter(10 * MS)).isEqualTo(new ScanDetector.Outcome.Release("12"));
        d.typed('4', 20 * MS);
        assertThat(d.typed('a', 25 * MS)).isEqualTo(new ScanDetector.Outcome.Release("4a"));
        assertThat(d.typed('b', 30 * MS)).isInstanceOf(ScanDetector.Outcome.Ignore.class);
        assertThat(d.enter(40 * MS)).isInstanceOf(ScanDetector.Outcome.Ignore.class);
    }

    @Test
    void aPauseBeforeEnterMeansTyping() {
        ScanDetector d = new ScanDetector();
        long t = 0;
        for (char c : "12345678".toCharArray()) {
            d.typed(c, t += 5 * MS);
        }
        assertThat(d.enter(t + 500 * MS)).isEqualTo(new ScanDetector.Outcome.Release("12345678"));
    }
}
