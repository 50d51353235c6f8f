package fr.comptoir.uikit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The short low double beep of a scan that added nothing, for stores that want one (Settings, off by default).
 * Played on a thread of its own, never the JavaFX thread; a terminal without sound output says so once in
 * the log and stays silent.
 */
public final class ErrorTone {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorTone.class);
    private static final int RATE = 22_050;
    private static final ExecutorService PLAYER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "error-tone");
        t.setDaemon(true);
        return t;
    });
    private static final AtomicBoolean NO_SOUND_LOGGED = new AtomicBoolean();

    private ErrorTone() {
    }

    /** Plays the tone in the background; returns at once. */
    public static void play() {
        PLAYER.execute(ErrorTone::playNow);
    }

    /** Two 120 ms beeps at 440 Hz with a 60 ms gap, 16-bit mono samples. */
    static byte[] samples() {
        int beep = RATE * 120 / 1000;
        int gap = RATE * 60 / 1000;
        byte[] out = new byte[(beep * 2 + gap) * 2];
        for (int i = 0; i < beep * 2 + gap; i++) {
            int inBeep = i < beep ? i : i >= beep + gap ? i - beep - gap : -1;
            short v = inBeep < 0 ? 0 : (short) (Math.sin(2 * Math.PI * 440 * inBeep / RATE) * 12_000 * envelope(inBeep, beep));
            out[2 * i] = (byte) v;
            out[2 * i + 1] = (byte) (v >> 8);
        }
        return out;
    }

    /** A few milliseconds of fade in and out, so the beep does not click. */
    private static double envelope(int i, int length) {
        int fade = RATE / 200;
        return Math.min(1.0, Math.min(i, length - i) / (double) fade);
    }

    private static void playNow() {
        AudioFormat format = new AudioFormat(RATE, 16, 1, true, false);
        byte[] data = samples();
        try (SourceDataLine line = AudioSystem.getSourceDataLine(format)) {
            line.open(format);
            line.start();
            line.write(data, 0, data.length);
            line.drain();
        } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
            if (NO_SOUND_LOGGED.compareAndSet(false, true)) {
                LOG.warn("The scan error sound cannot be played on this terminal (no sound output): {}", e.toString());
            }
        }
    }
}
