package fr.comptoir.cli;

import fr.comptoir.testing.Cli;
import fr.comptoir.testing.Cli.Run;

import fr.comptoir.demo.DemoCentralServer;
import fr.comptoir.demo.DemoPlatformStore;
import fr.comptoir.demo.DemoSize;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class ComptoirCliTest {

    @TempDir
    Path dir;

    static Run cli(String... args) {
        return Cli.run(args);
    }

    @Test
    void activateSyncThenStatusPrintsTheDemoPlatformsCounts() throws Exception {
        try (DemoPlatformStore store = DemoPlatformStore.openOrGenerate(dir.resolve("platform"), DemoSize.TINY, 42, LocalDate.of(2026, 11, 20));
             DemoCentralServer server = DemoCentralServer.start(store, 0)) {
            String home = dir.resolve("terminal").toString();
            Run before = cli("status", "--home", home);
            assertThat(before.out()).contains("not activated");

            Run activate = cli("activate", "--home", home, "--url", server.baseUrl(), "--code", "DEMO");
            assertThat(activate.code()).as(activate.err()).isZero();
            assertThat(activate.out()).contains("Paris Rivoli");

            Run sync = cli("sync", "--once", "--home", home);
            assertThat(sync.code()).as(sync.err()).isZero();
            assertThat(sync.out()).contains("Sync complete: everything delivered, cache up to date.");

            Run status = cli("status", "--home", home);
            Map<String, Long> expected = cachedFeeds(store.liveCounts("st-par01"));
            for (var e : expected.entrySet()) {
                Matcher m = Pattern.compile("(?m)^" + e.getKey() + "\\s+(\\d+)").matcher(status.out());
                assertThat(m.find()).as(e.getKey() + " in\n" + status.out()).isTrue();
                assertThat(Long.parseLong(m.group(1))).as(e.getKey()).isEqualTo(e.getValue());
            }
            assertThat(status.out()).contains("Pending writes:  0").contains("Writes sent:     ").contains("Writes discarded by a manager: 0");
        }
    }

    @Test
    void benchSyncComparesTheAppsFirstSyncWithTheRawLimitFeedByFeed() throws Exception {
        Run bench = cli("bench", "sync", "--size", "tiny", "--data", dir.resolve("bench").toString());

        assertThat(bench.code()).as(bench.out() + bench.err()).isZero();
        // Every feed's records, the same for the app and the raw limit: both loaded the whole store.
        Map<String, Long> live;
        try (DemoPlatformStore platform = DemoPlatformStore.openOrGenerate(dir.resolve("bench").resolve("sync-platform"), DemoSize.TINY, 42,
                LocalDate.now())) {
            live = cachedFeeds(platform.liveCounts("st-par01"));
        }
        for (var e : live.entrySet()) {
            Matcher m = Pattern.compile("(?m)^" + e.getKey() + "\\s+([\\d,]+)\\s+[\\d.]+\\s+[\\d,]+\\s+[\\d.]+").matcher(bench.out());
            assertThat(m.find()).as(e.getKey() + " in\n" + bench.out()).isTrue();
            assertThat(Long.parseLong(m.group(1).replace(",", ""))).as(e.getKey()).isEqualTo(e.getValue());
        }
        assertThat(bench.out()).containsPattern("Busy store's minute: [\\d,]+ records changed centrally, pulled by the app's sync in [\\d.]+ s")
                .containsPattern("App process: (peak memory [\\d,]+ MB; [\\d,]+ MB written to disk|memory and bytes written not available)");
        String[] lines = bench.out().strip().split("\n");
        assertThat(lines[lines.length - 1]).matches("ratio to raw limit: \\d+\\.\\d\\d");
    }

    @Test
    void benchStartTimesTheAppToItsActivationAndSignInScreens() {
        Run bench = cli("bench", "start", "--runs", "1", "--headless", "--data", dir.resolve("start").toString());

        assertThat(bench.code()).as(bench.out() + bench.err()).isZero();
        assertThat(bench.out()).containsPattern("activation screen: median [\\d,]+ ms from the JVM's start")
                .containsPattern("sign-in    screen: median [\\d,]+ ms from the JVM's start");
    }

    @Test
    void syncSaysPlainlyWhatIsStillWaitingAndWhyAndExitsNonZero() throws Exception {
        try (DemoPlatformStore store = DemoPlatformStore.openOrGenerate(dir.resolve("platform"), DemoSize.TINY, 42, LocalDate.of(2026, 11, 20));
             DemoCentralServer server = DemoCentralServer.start(store, 0);
             fr.comptoir.testing.FaultyProxy proxy = new fr.comptoir.testing.FaultyProxy(server.baseUrl(), 7)) {
            String home = dir.resolve("terminal").toString();
            assertThat(cli("activate", "--home", home, "--url", proxy.url(), "--code", "DEMO").code()).isZero();
            try (fr.comptoir.AppContext ctx = fr.comptoir.AppContext.open(Path.of(home), java.time.Clock.systemUTC(),
                    fr.comptoir.AppContext.Options.defaults())) {
                for (int i = 0; i < 20; i++) {
                    ctx.journal().record(new fr.comptoir.staff.StaffEvent("ev-" + i, fr.comptoir.staff.StaffEvent.Type.SIGNED_IN, "stf-par01-1",
                            "st-par01", ctx.device().orElseThrow().deviceId(), "2026-11-20T09:00:00Z"));
                }
            }
            // Every write is answered 503; the feeds are fine.
            proxy.setWritesDown(true);
            for (int i = 0; i < 3; i++) {
                Run sync = cli("sync", "--once", "--home", home);
                assertThat(sync.code()).isEqualTo(1);
                assertThat(sync.out()).contains("Pending writes:  20").doesNotContain("Sync complete");
                assertThat(sync.err()).contains("20 write(s) could not be delivered").contains("503");
            }
            proxy.setWritesDown(false);
            Run sync = cli("sync", "--once", "--home", home);
            assertThat(sync.code()).as(sync.err()).isZero();
            assertThat(sync.out()).contains("Delivered writes: 20").contains("Sync complete");
            assertThat(store.appliedWrites("POST", "/v1/stores/%/events")).hasSize(20);
        }
    }

    /** The platform's counts for the feeds a terminal caches. */
    static Map<String, Long> cachedFeeds(Map<String, Long> all) {
        Map<String, Long> m = new java.util.HashMap<>(all);
        m.keySet().retainAll(fr.comptoir.centralapi.Feed.ALL.stream().map(fr.comptoir.centralapi.Feed::name).toList());
        assertThat(m).hasSize(fr.comptoir.centralapi.Feed.ALL.size());
        return m;
    }

    @Test
    void badInputGetsAClearMessageAndAnErrorCode() {
        String home = dir.resolve("t").toString();
        Run noArgs = cli("activate", "--home", home);
        assertThat(noArgs.code()).isEqualTo(2);
        assertThat(noArgs.err()).contains("--url");

        Run unreachable = cli("activate", "--home", home, "--url", "http://127.0.0.1:1/", "--code", "X");
        assertThat(unreachable.code()).isEqualTo(1);
        assertThat(unreachable.err()).contains("Activation failed");

        Run notActivated = cli("sync", "--once", "--home", home);
        assertThat(notActivated.code()).isEqualTo(2);
        assertThat(notActivated.err()).contains("not activated");

        Run badSize = cli("demo-server", "--size", "huge");
        assertThat(badSize.code()).isEqualTo(2);
        assertThat(badSize.err()).contains("tiny, small, medium or large");
    }

    @Test
    void aWrongActivationCodeIsRefusedByThePlatform() throws Exception {
        try (DemoPlatformStore store = DemoPlatformStore.openOrGenerate(dir.resolve("platform"), DemoSize.TINY, 42, LocalDate.of(2026, 11, 20));
             DemoCentralServer server = DemoCentralServer.start(store, 0)) {
            Run run = cli("activate", "--home", dir.resolve("t").toString(), "--url", server.baseUrl(), "--code", "NOPE");
            assertThat(run.code()).isEqualTo(1);
            assertThat(run.err()).contains("not valid");
        }
    }
}
