package fr.comptoir.storage;

import fr.comptoir.AppContext;
import fr.comptoir.demo.DemoCentralServer;
import fr.comptoir.demo.DemoPlatformStore;
import fr.comptoir.demo.DemoSize;
import fr.comptoir.sale.BasketLine;
import fr.comptoir.sale.Checkout;
import fr.comptoir.sale.SaleCompletion;
import fr.comptoir.sale.SaleRecord;
import fr.comptoir.testing.TestOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each data folder is its own terminal; a file held by another program is not a damaged one. */
class DataFolderTest {

    @TempDir
    Path dir;

    @Test
    void twoTerminalsOnOneMachineHaveTheirOwnIdentityAndTheirOwnTicketNumbers() throws Exception {
        try (DemoPlatformStore platform = DemoPlatformStore.openOrGenerate(dir.resolve("platform"), DemoSize.TINY, 42, LocalDate.of(2026, 11, 20));
             DemoCentralServer server = DemoCentralServer.start(platform, 0);
             AppContext a = AppContext.open(dir.resolve("till-a"), Clock.systemUTC(), TestOptions.fastTinyDemo());
             AppContext b = AppContext.open(dir.resolve("till-b"), Clock.systemUTC(), TestOptions.fastTinyDemo())) {
            var da = a.activate(server.baseUrl(), "DEMO");
            var db = b.activate(server.baseUrl(), "DEMO");
            assertThat(a.installationId()).isNotEqualTo(b.installationId());
            assertThat(da.deviceId()).isNotEqualTo(db.deviceId());
            assertThat(da.accessToken()).isNotEqualTo(db.accessToken());
            // Activating again from the same folder (a retry) keeps its identity.
            assertThat(a.activate(server.baseUrl(), "DEMO").deviceId()).isEqualTo(da.deviceId());

            a.connect();
            b.connect();
            SaleRecord first = sale(a, da.deviceId());
            SaleRecord second = sale(b, db.deviceId());
            assertThat(first.ticketNumber()).isNotEqualTo(second.ticketNumber());
            assertThat(a.sync().syncOnce().allDelivered()).isTrue();
            assertThat(b.sync().syncOnce().allDelivered()).isTrue();
            assertThat(platform.appliedWrites("POST", "/v1/stores/%/sales")).hasSize(2);
        }
    }

    private static SaleRecord sale(AppContext ctx, String deviceId) {
        Checkout paid = new Checkout(1_000);
        paid.payCash(1_000);
        return ctx.saleCompletion().complete("sale-" + deviceId, List.of(new BasketLine("prd-1-1", "SKU", "Article", 1, 1_000, 2000, null)),
                null, Set.of(), null, paid, new SaleCompletion.Seller("st-par01", "PAR01", deviceId, "stf-par01-2", "Léo"));
    }

    @Test
    void thePlatformRefusesATicketNumberAlreadyUsedForAnotherSale() throws Exception {
        try (AppContext ctx = TestOptions.syncedTinyDemo(dir.resolve("till"))) {
            String device = ctx.device().orElseThrow().deviceId();
            sale(ctx, device);
            assertThat(ctx.sync().syncOnce().allDelivered()).isTrue();
            // A second folder restored from a copy of this one would number its next sale alike.
            Checkout paid = new Checkout(2_000);
            paid.payCash(2_000);
            SaleRecord copy = new SaleCompletion(new SqliteJournal(SqliteDatabase.open(dir.resolve("other.db"), "journal"),
                    fr.comptoir.storage.CanonicalJson.codec(), Clock.systemUTC()), Clock.systemUTC()).complete("sale-other",
                    List.of(new BasketLine("prd-1-1", "SKU", "Article", 1, 2_000, 2000, null)), null, Set.of(), null, paid,
                    new SaleCompletion.Seller("st-par01", "PAR01", device, "stf-par01-2", "Léo"));
            String body = fr.comptoir.comptoirapi.WireJson.encode(copy);
            assertThatThrownBy(() -> ctx.central().deliver(new fr.comptoir.centralapi.PendingWrite(1, fr.comptoir.common.WriteKind.SALE_RECORDED.wire(), "sale-other", body, 0), fr.comptoir.centralapi.WriteProgress.NOT_KEPT))
                    .isInstanceOfSatisfying(fr.comptoir.centralapi.CentralRejectedException.class,
                            e -> assertThat(e.code()).isEqualTo("ticket-number-taken"));
        }
    }

    @Test
    void aCacheHeldByAnotherProgramIsNotTakenForADamagedOne() throws Exception {
        Path home = dir.resolve("till");
        TestOptions.syncedTinyDemo(home).close();
        long sizeBefore = Files.size(home.resolve("cache.db"));
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("cache.db"));
             Statement s = other.createStatement()) {
            s.execute("PRAGMA locking_mode=EXCLUSIVE");
            s.execute("BEGIN EXCLUSIVE");
            s.execute("UPDATE sync_state SET last_success_at = last_success_at");
            assertThatThrownBy(() -> AppContext.open(home, Clock.systemUTC(), TestOptions.fastTinyDemo()))
                    .isInstanceOfSatisfying(StorageException.class, e -> {
                        assertThat(e.kind()).isEqualTo(StorageException.Kind.BUSY);
                        assertThat(e.getMessage()).contains("in use by another program");
                    });
            s.execute("ROLLBACK");
        }
        try (var files = Files.list(home)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("damaged"));
        }
        try (AppContext ctx = AppContext.open(home, Clock.systemUTC(), TestOptions.fastTinyDemo())) {
            assertThat(ctx.cacheRecoveryNote()).isEmpty();
            assertThat(ctx.cache().counts().get("customers")).isEqualTo(DemoSize.TINY.customers);
        }
        assertThat(Files.size(home.resolve("cache.db"))).isEqualTo(sizeBefore);
    }

    @Test
    void aDamagedCacheIsSetAsideAndRebuiltWithoutTouchingTheJournal() throws Exception {
        Path home = dir.resolve("till");
        try (AppContext ctx = TestOptions.syncedTinyDemo(home)) {
            sale(ctx, ctx.device().orElseThrow().deviceId());
        }
        try (var raf = new java.io.RandomAccessFile(home.resolve("cache.db").toFile(), "rw")) {
            raf.seek(0);
            raf.write("garbage garbage garbage garbage".getBytes());
        }
        try (AppContext ctx = AppContext.open(home, Clock.systemUTC(), TestOptions.fastTinyDemo())) {
            assertThat(ctx.cacheRecoveryNote()).get().asString().contains("set aside");
            assertThat(ctx.outbox().pendingCount()).isEqualTo(1);
            ctx.connect();
            assertThat(ctx.sync().syncOnce().ok()).isTrue();
            assertThat(ctx.cache().counts().get("customers")).isEqualTo(DemoSize.TINY.customers);
        }
    }

    @Test
    void oneComptoirAtATimeOnADataFolderWhileStatusMayStillLook() throws Exception {
        Path home = dir.resolve("till");
        try (AppContext running = TestOptions.syncedTinyDemo(home)) {
            assertThatThrownBy(() -> DataFolderLock.acquire(home, java.time.Duration.ofMillis(200)))
                    .isInstanceOfSatisfying(StorageException.class, e -> {
                        assertThat(e.kind()).isEqualTo(StorageException.Kind.BUSY);
                        assertThat(e.getMessage()).contains("Another Comptoir is using this data folder");
                    });
            java.io.StringWriter out = new java.io.StringWriter();
            java.io.StringWriter err = new java.io.StringWriter();
            int recover = fr.comptoir.cli.ComptoirCli.run(new String[]{"journal", "recover", "--home", home.toString()},
                    new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true));
            assertThat(recover).isEqualTo(fr.comptoir.cli.ComptoirCli.DATA_UNAVAILABLE);
            assertThat(err.toString()).contains("Another Comptoir");
            assertThat(Files.exists(home.resolve("journal.db"))).isTrue();
            int status = fr.comptoir.cli.ComptoirCli.run(new String[]{"status", "--home", home.toString()},
                    new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true));
            assertThat(status).isZero();
            assertThat(out.toString()).contains("Paris Rivoli");
        }
        // Let go with the process or the close: the next start takes it at once.
        DataFolderLock.acquire(home, java.time.Duration.ZERO).close();
    }
}
