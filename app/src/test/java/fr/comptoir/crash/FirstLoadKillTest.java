package fr.comptoir.crash;

import fr.comptoir.centralapi.Feed;
import fr.comptoir.demo.DemoCentralServer;
import fr.comptoir.demo.DemoPlatformStore;
import fr.comptoir.demo.DemoSize;
import fr.comptoir.storage.CanonicalJson;
import fr.comptoir.storage.SqliteDatabase;
import fr.comptoir.storage.SqliteFeedCache;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A terminal's first sync killed with SIGKILL at random points while its feeds load without their indexes
 * (decision 0034), then run to its end: every record is there once, and every index, trigger and full-text
 * entry a cache has is built, as in a cache made the slow way.
 */
class FirstLoadKillTest {

    @TempDir
    Path dir;

    @Test
    void aFirstSyncKilledWhileItsFeedsLoadResumesAndEndsWithEveryRecordAndEveryIndex() throws Exception {
        try (DemoPlatformStore platform = DemoPlatformStore.openOrGenerate(dir.resolve("platform"), DemoSize.SMALL, 42, LocalDate.now());
             DemoCentralServer server = DemoCentralServer.start(platform, 0)) {
            Path home = dir.resolve("terminal");
            Process activation = start(home, "activate", "--url", server.baseUrl(), "--code", "DEMO");
            assertThat(activation.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(activation.exitValue()).isZero();

            SplittableRandom random = new SplittableRandom(7);
            int killedWhileDeferred = 0;
            List<String> killedDuring = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Process sync = start(home, "sync", "--once");
                if (!waitForDeferred(home, sync)) {
                    sync.waitFor(120, TimeUnit.SECONDS);
                    break;
                }
                Thread.sleep(random.nextInt(0, 250));
                sync.destroyForcibly(); // SIGKILL
                sync.waitFor(30, TimeUnit.SECONDS);
                List<String> deferred = deferredFeeds(home);
                if (!deferred.isEmpty()) {
                    killedWhileDeferred++;
                    killedDuring.addAll(deferred);
                }
            }
            Process last = start(home, "sync", "--once");
            assertThat(last.waitFor(300, TimeUnit.SECONDS)).isTrue();
            assertThat(last.exitValue()).as("the last sync completes").isZero();

            assertThat(killedWhileDeferred).as("kills that landed while a feed loaded without its indexes: %s", killedDuring).isPositive();
            assertThat(deferredFeeds(home)).isEmpty();
            try (SqliteDatabase fresh = SqliteDatabase.open(dir.resolve("fresh-cache.db"), "cache");
                 SqliteDatabase cache = SqliteDatabase.open(home.resolve("cache.db"), "cache")) {
                assertThat(schema(cache)).containsExactlyInAnyOrderElementsOf(schema(fresh));
                Map<String, Long> held = new SqliteFeedCache(cache, CanonicalJson.codec()).counts();
                Map<String, Long> atPlatform = platform.liveCounts("st-par01");
                for (Feed<?> feed : Feed.ALL) {
                    assertThat(held.get(feed.name())).as(feed.name()).isEqualTo(atPlatform.getOrDefault(feed.name(), 0L));
                }
                cache.withWriter(c -> {
                    try (Statement s = c.createStatement()) {
                        // Throws when a full-text index differs from its table's rows.
                        s.execute("INSERT INTO customers_fts(customers_fts, rank) VALUES ('integrity-check', 1)");
                        s.execute("INSERT INTO products_fts(products_fts, rank) VALUES ('integrity-check', 1)");
                        try (ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
                            assertThat(rs.getString(1)).isEqualTo("ok");
                        }
                        try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM customers_fts WHERE customers_fts MATCH 'martin'")) {
                            assertThat(rs.getLong(1)).isPositive();
                        }
                    }
                    return null;
                });
            }
        }
    }

    /** Waits until a feed loads with its indexes set aside; false when the sync ended first. */
    private static boolean waitForDeferred(Path home, Process sync) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!deferredFeeds(home).isEmpty()) {
                return true;
            }
            if (!sync.isAlive()) {
                return false;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("the sync neither loaded a feed nor ended in 120 s");
    }

    private static List<String> deferredFeeds(Path home) {
        Path file = home.resolve("cache.db");
        List<String> feeds = new ArrayList<>();
        if (!Files.exists(file)) {
            return feeds;
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + file.toAbsolutePath() + "?mode=ro");
             Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout=5000");
            try (ResultSet rs = s.executeQuery("SELECT DISTINCT feed FROM deferred_schema")) {
                while (rs.next()) {
                    feeds.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            // Not migrated yet (no such table), or being created: nothing set aside yet.
            return feeds;
        }
        return feeds;
    }

    private static List<String> schema(SqliteDatabase db) {
        return db.read(c -> {
            List<String> names = new ArrayList<>();
            try (ResultSet rs = c.createStatement().executeQuery(
                    "SELECT type || ' ' || name FROM sqlite_master WHERE type IN ('index', 'trigger') AND sql IS NOT NULL")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            return names;
        });
    }

    private static Process start(Path home, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), "fr.comptoir.launch.ComptoirLauncher"));
        command.addAll(List.of(args));
        command.add("--home");
        command.add(home.toString());
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }
}
