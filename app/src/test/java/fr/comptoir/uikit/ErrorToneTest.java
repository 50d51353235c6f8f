package fr.comptoir.uikit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorToneTest {

    @Test
    void twoBeepsWithSilenceBetweenThemAndNoClickAtTheEdges() {
        byte[] pcm = ErrorTone.samples();
        int frames = pcm.length / 2;
        int beep = 22_050 * 120 / 1000;
        assertThat(frames).isEqualTo(beep * 2 + 22_050 * 60 / 1000);
        assertThat(peak(pcm, 0, beep)).isGreaterThan(10_000);
        assertThat(peak(pcm, beep + 1, beep + 22_050 * 60 / 1000)).isZero();
        assertThat(peak(pcm, frames - beep, frames)).isGreaterThan(10_000);
        assertThat(Math.abs(sample(pcm, 0))).as("fades in").isZero();
        assertThat(Math.abs(sample(pcm, frames - 1))).as("fades out").isLessThan(200);
    }

    private static int sample(byte[] pcm, int frame) {
        return (short) ((pcm[2 * frame] & 0xff) | (pcm[2 * frame + 1] << 8));
    }

    private static int peak(byte[] pcm, int from, int to) {
        int peak = 0;
        for (int i = from; i < to; i++) {
            peak = Math.max(peak, Math.abs(sample(pcm, i)));
        }
        return peak;
    }
}
