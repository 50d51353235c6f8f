package fr.comptoir.bench;

import fr.comptoir.centralapi.DeviceActivation;
import fr.comptoir.comptoirapi.HttpCentralPlatform;
import fr.comptoir.comptoirapi.RetryPolicy;
import fr.comptoir.demo.DemoCentralServer;
import fr.comptoir.demo.DemoPlatformStore;
import fr.comptoir.demo.DemoSize;
import fr.comptoir.storage.SqliteDatabase;
import fr.comptoir.storage.SqliteFeedCache;
import fr.comptoir.storage.SqliteOutbox;
import fr.comptoir.sync.SyncEngine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;

/**
 * A first full sync of a demo store running in the background into a given cache, with the app's own
 * sync engine over loopback: what a terminal does while it catches up, for benchmarks to measure against.
 */
final class BackgroundSync implements AutoCloseable {

    private final DemoPlatformStore platform;
    private final DemoCentralServer server;
    private final SqliteDatabase journal;
    private final SyncEngine engine;
    private final CompletableFuture<SyncEngine.Report> done;
    private final long startedAt = System.nanoTime();

    private BackgroundSync(DemoPlatformStore platform, DemoCentralServer server, SqliteDatabase journal, SyncEngine engine) {
        this.platform = platform;
        this.server = server;
        this.journal = journal;
        this.engine = engine;
        this.done = CompletableFuture.supplyAsync(engine::syncOnce);
    }

    static BackgroundSync start(Path dir, DemoSize size, SqliteFeedCache cache, PrintWriter out) {
        try {
            out.printf("Preparing the %s demo store to sync from...%n", size.name().toLowerCase(java.util.Locale.ROOT));
            out.flush();
            DemoPlatformStore platform = DemoPlatformStore.openOrGenerate(dir.resolve("sync-platform"), size, 42, LocalDate.now());
            DemoCentralServer server = DemoCentralServer.start(platform, 0);
            DeviceActivation device = new HttpCentralPlatform(server.baseUrl(), () -> null, HttpCentralPlatform.defaultClient(), RetryPolicy.NONE)
                    .activate("DEMO", "bench", "bench-" + System.nanoTime(),
                            fr.comptoir.fiscal.SigningKeyRegistration.of(fr.comptoir.fiscal.SigningKey.generate()));
            Path journalFile = dir.resolve("sync-journal.db");
            Files.deleteIfExists(journalFile);
            SqliteDatabase journal = SqliteDatabase.open(journalFile, "journal");
            HttpCentralPlatform central = new HttpCentralPlatform(server.baseUrl(),
                    () -> new HttpCentralPlatform.Credentials(device.storeId(), device.accessToken()), HttpCentralPlatform.defaultClient(),
                    RetryPolicy.DEFAULT);
            cache.forgetCursors();
            SyncEngine engine = new SyncEngine(central, cache, new SqliteOutbox(journal), Clock.systemUTC(), SyncEngine.Settings.DEFAULT);
            out.println("First full sync started in the background.");
            out.flush();
            return new BackgroundSync(platform, server, journal, engine);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String describe() {
        return done.isDone() ? "finished after " + String.format(java.util.Locale.ROOT, "%.1f s", (System.nanoTime() - startedAt) / 1e9)
                + " (" + done.join().changesByFeed().values().stream().mapToInt(Integer::intValue).sum() + " changes)"
                : "still running";
    }

    @Override
    public void close() {
        try {
            done.join();
        } finally {
            engine.close();
            server.close();
            platform.close();
            journal.close();
        }
    }
}
