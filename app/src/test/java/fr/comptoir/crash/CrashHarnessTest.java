package fr.comptoir.crash;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The crash harness in its fast setting (a dozen kill points; {@code -Dcrash.kills=1000} for the long one,
 * see the README): a till killed with SIGKILL at random points loses nothing and records nothing twice.
 */
class CrashHarnessTest {

    @TempDir
    Path dir;

    @Test
    void aTillKilledAtRandomPointsLosesNothingAndRecordsNothingTwice() throws Exception {
        int kills = Integer.getInteger("crash.kills", 12);
        CrashHarness.Result r = new CrashHarness(dir, Long.getLong("crash.seed", 2026), System.out).run(kills);
        System.out.println(r.line());
        r.problems().forEach(p -> System.out.println("  " + p));
        assertThat(r.killPoints()).isEqualTo(kills);
        assertThat(r.committed()).as("sales were made between the kills").isGreaterThan(kills);
        assertThat(r.problems()).isEmpty();
        assertThat(r.lost()).isZero();
        assertThat(r.duplicated()).isZero();
        assertThat(r.atPlatform()).isEqualTo(r.committed());
    }
}
