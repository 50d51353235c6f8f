package fr.comptoir.uikit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ScanDetectorTest {

    static final long MS = 1_000_000L;

    private static long burst(ScanDetector d, String chars, long from) {
        long t = from;
        for (char c : chars.toCharArray()) {
            assertThat(d.typed(c, t += 5 * MS)).as("'%s' held", c).isInstanceOf(ScanDetector.Outcome.Held.class);
        }
        return t;
    }

    @Test
    void fastDigitsEndedByEnterAreAScan() {
        ScanDetector d = new ScanDetector();
        long t = burst(d, "3760000000017", 0);
        assertThat(d.enter(t + 5 * MS)).isEqualTo(new ScanDetector.Outcome.Scan("3760000000017"));
    }

    @Test
    void skuLabelsAndCode128WithLettersAndPunctuationAreScansToo() {
        ScanDetector d = new ScanDetector();
        long t = burst(d, "REF-M-U", 0);
        assertThat(d.enter(t + 5 * MS)).isEqualTo(new ScanDetector.Outcome.Scan("REF-M-U"));
        t = burst(d, "PAR01/ab.42", t + 1000 * MS);
        assertThat(d.enter(t + 5 * MS)).isEqualTo(new ScanDetector.Outcome.Scan("PAR01/ab.42"));
    }

    @Test
    void slowTypingIsGivenBackToTheField() {
        ScanDetector d = new ScanDetector();
        assertThat(d.typed('D', 0)).isInstanceOf(ScanDetector.Outcome.Held.class);
        assertThat(d.typed('u', 300 * MS)).isEqualTo(new ScanDetector.Outcome.Release("D"));
        assertThat(d.idle(600 * MS)).isEqualTo(new ScanDetector.Outcome.Release("u"));
        assertThat(d.idle(700 * MS)).isInstanceOf(ScanDetector.Outcome.Ignore.class);
    }

    @Test
    void aShortFastBurstOrASpaceIsNotAScan() {
        ScanDetector d = new ScanDetector();
        d.typed('1', 0);
        d.typed('2', 5 * MS);
        d.typed('x', 10 * MS);
        assertThat(d.enter(15 * MS)).as("three characters: too short for a code").isEqualTo(new ScanDetector.Outcome.Release("12x"));
        d.typed('4', 20 * MS);
        assertThat(d.typed(' ', 25 * MS)).isEqualTo(new ScanDetector.Outcome.Release("4 "));
        assertThat(d.typed(' ', 30 * MS)).isInstanceOf(ScanDetector.Outcome.Ignore.class);
        assertThat(d.enter(40 * MS)).isInstanceOf(ScanDetector.Outcome.Ignore.class);
    }

    @Test
    void aPauseBeforeEnterMeansTyping() {
        ScanDetector d = new ScanDetector();
        long t = burst(d, "12345678", 0);
        assertThat(d.enter(t + 500 * MS)).isEqualTo(new ScanDetector.Outcome.Release("12345678"));
    }

    @Test
    void aConfiguredPrefixAndSuffixAreTakenOffAndRequired() {
        ScanDetector d = new ScanDetector("]C1", "#");
        long t = burst(d, "]C1REF-42#", 0);
        assertThat(d.enter(t + 5 * MS)).isEqualTo(new ScanDetector.Outcome.Scan("REF-42"));
        t = burst(d, "REF-42", t + 1000 * MS);
        assertThat(d.enter(t + 5 * MS)).as("no prefix: not from the store's scanner").isEqualTo(new ScanDetector.Outcome.Release("REF-42"));
    }

    @Test
    void whatIsHeldIsReleasedAtOnceWhenSomethingElseHappens() {
        ScanDetector d = new ScanDetector();
        burst(d, "Mart", 0);
        assertThat(d.holding()).isTrue();
        assertThat(d.release()).isEqualTo(new ScanDetector.Outcome.Release("Mart"));
        assertThat(d.holding()).isFalse();
        assertThat(d.release()).isInstanceOf(ScanDetector.Outcome.Ignore.class);
    }
}
