package fr.comptoir.testing;

import fr.comptoir.AppContext;
import fr.comptoir.comptoirapi.RetryPolicy;
import fr.comptoir.demo.DemoSize;
import fr.comptoir.sync.SyncEngine;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/** App options for tests on the embedded demo platform: tiny data, short backoffs, an instant payment terminal. */
public final class TestOptions {

    private TestOptions() {
    }

    public static AppContext.Options fastTinyDemo() {
        return new AppContext.Options(DemoSize.TINY,
                new SyncEngine.Settings(500, Duration.ofMinutes(10), Duration.ofSeconds(5), Duration.ofMillis(10)),
                new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(50)), 0);
    }

    /** A terminal activated on the tiny demo store, connected and fully synced. Close it. */
    public static AppContext syncedTinyDemo(Path home) {
        AppContext ctx = AppContext.open(home, Clock.systemUTC(), fastTinyDemo());
        ctx.activateDemo();
        ctx.connect();
        SyncEngine.Report first = ctx.sync().syncOnce();
        if (!first.ok()) {
            ctx.close();
            throw new AssertionError("first sync failed: " + first.error());
        }
        return ctx;
    }
}
