package fr.comptoir;

import fr.comptoir.comptoirapi.RetryPolicy;
import fr.comptoir.demo.DemoSize;
import fr.comptoir.staff.StaffEvent;
import fr.comptoir.sync.SyncEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

class AppContextTest {

    @TempDir
    Path home;

    static AppContext.Options tiny() {
        return new AppContext.Options(DemoSize.TINY, SyncEngine.Settings.DEFAULT, RetryPolicy.NONE);
    }

    @Test
    void aDamagedCacheIsSetAsideAndRebuiltWithoutLosingUnsyncedWork() throws Exception {
        try (AppContext ctx = AppContext.open(home, Clock.systemUTC(), tiny())) {
            ctx.activateDemo();
            ctx.connect();
            assertThat(ctx.sync().syncOnce().ok()).isTrue();
            ctx.journal().record(new StaffEvent("e1", StaffEvent.Type.SIGNED_IN, "s", "st", "d", "2026-11-20T09:00:00Z"));
        }
        Files.write(home.resolve("cache.db"), "this is not a database, it was damaged by a power cut".repeat(100).getBytes());
        Files.deleteIfExists(home.resolve("cache.db-wal"));
        Files.deleteIfExists(home.resolve("cache.db-shm"));

        try (AppContext ctx = AppContext.open(home, Clock.systemUTC(), tiny())) {
            assertThat(ctx.cacheRecoveryNote()).get().asString().contains("damaged");
            assertThat(ctx.cache().counts().get("customers")).isZero();
            assertThat(ctx.outbox().pendingCount()).isEqualTo(1);
            assertThat(ctx.device()).isPresent();

            ctx.connect();
            SyncEngine.Report report = ctx.sync().syncOnce();

            assertThat(report.ok()).as(report.error()).isTrue();
            assertThat(report.delivered()).isEqualTo(1);
            assertThat(ctx.cache().counts().get("customers")).isEqualTo(DemoSize.TINY.customers);
        }
        try (var files = Files.list(home)) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("cache.db.damaged-"));
        }
    }

    @Test
    void aDeletedCacheIsRebuiltToo() {
        try (AppContext ctx = AppContext.open(home, Clock.systemUTC(), tiny())) {
            ctx.activateDemo();
            ctx.connect();
            ctx.sync().syncOnce();
        }
        home.resolve("cache.db").toFile().delete();
        try (AppContext ctx = AppContext.open(home, Clock.systemUTC(), tiny())) {
            assertThat(ctx.cacheRecoveryNote()).isEmpty();
            ctx.connect();
            ctx.sync().syncOnce();
            assertThat(ctx.cache().counts().get("orders")).isEqualTo(DemoSize.TINY.orders);
        }
    }

    @Test
    void aCacheDamagedInsideIsFoundAfterTheStartAndRebuiltAtTheNext() throws Exception {
        try (AppContext ctx = AppContext.open(home, Clock.systemUTC(), tiny())) {
            ctx.activateDemo();
            ctx.connect();
            assertThat(ctx.sync().syncOnce().ok()).isTrue();
            ctx.journal().record(new StaffEvent("e2", StaffEvent.Type.SIGNED_IN, "s", "st", "d", "2026-11-20T09:00:00Z"));
        }
        // Pages in the second half of the file (table rows, not the schema) overwritten, as a bad sector would.
        Path cache = home.resolve("cache.db");
        byte[] bytes = Files.readAllBytes(cache);
        int pageSize = 4096;
        for (int page = bytes.length / pageSize / 2; page < bytes.length / pageSize - 1; page += 3) {
            java.util.Arrays.fill(bytes, page * pageSize, page * pageSize + pageSize, (byte) 0x5A);
        }
        Files.write(cache, bytes);

        try (AppContext ctx = AppContext.open(home, Clock.systemUTC(), tiny())) {
            assertThat(ctx.cacheRecoveryNote()).as("the start does not read every page").isEmpty();
            assertThat(ctx.checkCache()).isNotEmpty();
            assertThat(home.resolve("cache.check-failed")).exists();
        }
        try (AppContext ctx = AppContext.open(home, Clock.systemUTC(), tiny())) {
            assertThat(ctx.cacheRecoveryNote()).get().asString().contains("damaged");
            assertThat(home.resolve("cache.check-failed")).doesNotExist();
            assertThat(ctx.cache().counts().get("customers")).isZero();
            assertThat(ctx.outbox().pendingCount()).isEqualTo(1);
            assertThat(ctx.checkCache()).isEmpty();
            ctx.connect();
            assertThat(ctx.sync().syncOnce().ok()).isTrue();
            assertThat(ctx.cache().counts().get("customers")).isEqualTo(DemoSize.TINY.customers);
        }
    }

    @Test
    void aCheckCutShortByTheTerminalClosingMarksNothing() {
        AppContext ctx = AppContext.open(home, Clock.systemUTC(), tiny());
        ctx.close();
        assertThat(ctx.checkCache()).isEmpty();
        assertThat(home.resolve("cache.check-failed")).doesNotExist();
    }
}
