package fr.comptoir.storage;

import fr.comptoir.testing.Cli;
import fr.comptoir.testing.Cli.Run;

import fr.comptoir.AppContext;
import fr.comptoir.cli.ComptoirCli;
import fr.comptoir.sale.BasketLine;
import fr.comptoir.sale.Checkout;
import fr.comptoir.sale.SaleCompletion;
import fr.comptoir.sale.SaleRecord;
import fr.comptoir.testing.TestOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The journal holds the store's work not yet delivered: it is never replaced behind a person's back, a
 * damaged one is refused with a message that says what to do, and the recovery saves every readable
 * record and the newest backup's, without ever giving a ticket number twice.
 */
class JournalProtectionTest {

    @TempDir
    Path home;

    static Run cli(String... args) {
        return Cli.run(args);
    }

    /** An activated terminal with {@code n} sales recorded offline (never delivered); returns their tickets. */
    private List<String> activatedWithSales(int n, boolean backupAfter) {
        List<String> tickets = new ArrayList<>();
        try (AppContext ctx = AppContext.open(home, Clock.systemUTC(), TestOptions.fastTinyDemo())) {
            ctx.activateDemo();
            SaleCompletion.Seller seller = new SaleCompletion.Seller("st-par01", "PAR01", ctx.device().orElseThrow().deviceId(), "stf-par01-2", "Léo");
            for (int i = 0; i < n; i++) {
                tickets.add(sale(ctx, seller, "sale-" + i, 1_000 + i).ticketNumber());
            }
            if (backupAfter) {
                ctx.journalBackups().backupNow();
            }
        }
        return tickets;
    }

    private static SaleRecord sale(AppContext ctx, SaleCompletion.Seller seller, String id, long cents) {
        Checkout paid = new Checkout(cents);
        paid.payCash(cents);
        return ctx.saleCompletion().complete(id, List.of(new BasketLine("prd-1-1", "SKU", "Article", 1, cents, 2000, null)), null, Set.of(),
                null, paid, seller);
    }

    @Test
    void aMissingJournalOfAnActivatedTerminalStopsTheStartWithWhatToDo() throws Exception {
        activatedWithSales(3, true);
        Files.delete(home.resolve("journal.db"));
        Files.deleteIfExists(home.resolve("journal.db-wal"));

        assertThatThrownBy(() -> AppContext.open(home, Clock.systemUTC(), TestOptions.fastTinyDemo()))
                .isInstanceOfSatisfying(JournalUnavailableException.class, e -> {
                    assertThat(e.reason()).isEqualTo(JournalUnavailableException.Reason.MISSING);
                    assertThat(e.getMessage()).contains("comptoir journal recover").contains("journal reset --confirm");
                });
        assertThat(home.resolve("journal.db")).as("no fresh journal was created behind the person's back").doesNotExist();
        Run status = cli("status", "--home", home.toString());
        assertThat(status.code()).isEqualTo(ComptoirCli.DATA_UNAVAILABLE);
        assertThat(status.err()).contains("missing").contains("journal recover").doesNotContain("Exception").doesNotContain("\tat ");

        // An empty file in its place is no better.
        Files.createFile(home.resolve("journal.db"));
        assertThatThrownBy(() -> AppContext.open(home, Clock.systemUTC(), TestOptions.fastTinyDemo()))
                .isInstanceOfSatisfying(JournalUnavailableException.class, e -> assertThat(e.reason()).isEqualTo(JournalUnavailableException.Reason.MISSING));
        Files.delete(home.resolve("journal.db"));

        Run recover = cli("journal", "recover", "--home", home.toString());
        assertThat(recover.code()).as(recover.err()).isZero();
        try (AppContext ctx = AppContext.open(home, Clock.systemUTC(), TestOptions.fastTinyDemo())) {
            assertThat(ctx.outbox().pendingCount()).isEqualTo(3);
            assertThat(ctx.device()).isPresent();
        }
    }

    @Test
    void aNewEmptyJournalPutInPlaceOfTheRealOneIsRefused() throws Exception {
        activatedWithSales(2, false);
        Files.delete(home.resolve("journal.db"));
        Files.deleteIfExists(home.resolve("journal.db-wal"));
        Files.deleteIfExists(home.resolve("journal.db-shm"));
        SqliteDatabase.open(home.resolve("journal.db"), "journal").close();

        assertThatThrownBy(() -> AppContext.open(home, Clock.systemUTC(), TestOptions.fastTinyDemo()))
                .isInstanceOfSatisfying(JournalUnavailableException.class, e -> assertThat(e.reason()).isEqualTo(JournalUnavailableException.Reason.EMPTY));

        // A person decides to start over: the old journal is kept aside and the terminal must be activated again.
        assertThat(cli("journal", "reset", "--home", home.toString()).code()).isEqualTo(2);
        assertThat(cli("journal", "reset", "--confirm", "--home", home.toString()).code()).isZero();
        try (AppContext ctx = AppContext.open(home, Clock.systemUTC(), TestOptions.fastTinyDemo())) {
            assertThat(ctx.device()).isEmpty();
        }
    }

    @Test
    void everyKindOfDamageIsRefusedClearlyAndRecoveredFromWithoutLosingAReadableRecordOrReusingATicket() throws Exception {
        List<Damage> recovered = new ArrayList<>();
        for (Damage damage : Damage.values()) {
            Path dir = home.resolve(damage.name().toLowerCase());
            Files.createDirectories(dir);
            JournalProtectionTest test = new JournalProtectionTest();
            test.home = dir;
            if (test.damagedThenRecovered(damage)) {
                recovered.add(damage);
            }
        }
        assertThat(recovered).containsAll(List.of(Damage.ZEROED_MIDDLE_PAGES, Damage.GARBAGE_HEADER, Damage.TRUNCATED));
    }

    enum Damage { ZEROED_MIDDLE_PAGES, GARBAGE_HEADER, TRUNCATED, RANDOM_BYTES_IN_LATE_PAGES }

    /** @return whether the damage was found and recovered from (a few random bytes may go unnoticed by SQLite) */
    private boolean damagedThenRecovered(Damage damage) throws Exception {
        List<String> tickets = activatedWithSales(200, true);
        // Work done after the last backup, then the file is damaged.
        try (AppContext ctx = AppContext.open(home, Clock.systemUTC(), TestOptions.fastTinyDemo())) {
            SaleCompletion.Seller seller = new SaleCompletion.Seller("st-par01", "PAR01", ctx.device().orElseThrow().deviceId(), "stf-par01-2", "Léo");
            for (int i = 200; i < 210; i++) {
                tickets.add(sale(ctx, seller, "sale-" + i, 1_000 + i).ticketNumber());
            }
        }
        // The backup made when it closed is lost too: the last 10 sales are only in the file that gets damaged.
        Files.delete(JournalBackups.list(home).get(0));
        Path file = home.resolve("journal.db");
        long size = Files.size(file);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            switch (damage) {
                case ZEROED_MIDDLE_PAGES -> {
                    raf.seek(size / 2);
                    raf.write(new byte[8192]);
                }
                case GARBAGE_HEADER -> {
                    raf.seek(0);
                    raf.write("this is not a database, not at all".getBytes());
                }
                case TRUNCATED -> raf.setLength(size / 3);
                case RANDOM_BYTES_IN_LATE_PAGES -> {
                    java.util.Random r = new java.util.Random(7);
                    for (int i = 0; i < 20; i++) {
                        raf.seek(size * 2 / 3 + r.nextInt((int) (size / 3)));
                        raf.write(r.nextInt(256));
                    }
                }
            }
        }

        if (damage != Damage.RANDOM_BYTES_IN_LATE_PAGES) {
            assertThatThrownBy(() -> AppContext.open(home, Clock.systemUTC(), TestOptions.fastTinyDemo())).as(damage.name())
                    .isInstanceOfSatisfying(JournalUnavailableException.class, e -> {
                        assertThat(e.reason()).isEqualTo(JournalUnavailableException.Reason.DAMAGED);
                        assertThat(e.getMessage()).contains("journal recover");
                    });
        }
        Run check = cli("journal", "check", "--home", home.toString());
        if (check.code() == 0) {
            // A few bytes in free or payload space can go unnoticed by SQLite; what matters is that nothing below breaks.
            assertThat(damage).isEqualTo(Damage.RANDOM_BYTES_IN_LATE_PAGES);
            return false;
        }
        Run recover = cli("journal", "recover", "--home", home.toString());
        assertThat(recover.code()).as(damage + ": " + recover.out() + recover.err()).isZero();
        assertThat(recover.out()).contains("kept as");

        try (AppContext ctx = AppContext.open(home, Clock.systemUTC(), TestOptions.fastTinyDemo())) {
            assertThat(ctx.journal().size()).as(damage.name()).isGreaterThanOrEqualTo(200);
            if (damage == Damage.ZEROED_MIDDLE_PAGES) {
                assertThat(ctx.outbox().pendingCount()).as("sales after the backup read from the damaged file").isEqualTo(210);
            }
            assertThat(ctx.outbox().pendingCount()).as(damage + ": every sale of the backup at least").isGreaterThanOrEqualTo(200);
            // The next ticket never repeats one given before the damage, even one only the damaged file knew.
            SaleCompletion.Seller seller = new SaleCompletion.Seller("st-par01", "PAR01", ctx.device().orElseThrow().deviceId(), "stf-par01-2", "Léo");
            String next = sale(ctx, seller, "sale-after", 999).ticketNumber();
            assertThat(tickets).as(damage.name()).doesNotContain(next);
            assertThat(Long.parseLong(next.substring(next.lastIndexOf('-') + 1))).isGreaterThan(200);
        }
        return true;
    }

    @Test
    void aJournalBackupIsWrittenWhenItChangedAndOnlyTheNewestAreKept() throws Exception {
        try (AppContext ctx = AppContext.open(home, Clock.systemUTC(), TestOptions.fastTinyDemo())) {
            ctx.activateDemo();
            assertThat(ctx.journalBackups().backupIfChanged()).isPresent();
            assertThat(ctx.journalBackups().backupIfChanged()).as("nothing changed").isEmpty();
            for (int i = 0; i < JournalBackups.KEEP + 3; i++) {
                ctx.settings().put("k", Integer.toString(i));
                Thread.sleep(2);
                ctx.journalBackups().backupNow();
            }
            assertThat(JournalBackups.list(home)).hasSize(JournalBackups.KEEP);
            // A backup cut short by a crash leaves a temporary file, removed at the next start.
            java.nio.file.Files.writeString(home.resolve("backups").resolve("journal-20261201-000000-000.db.tmp"), "half");
            try (SqliteDatabase copy = SqliteDatabase.open(JournalBackups.list(home).get(0), "journal", SqliteDatabase.Durability.NORMAL, true)) {
                assertThat(new SqliteSettings(copy).get("k")).contains(Integer.toString(JournalBackups.KEEP + 2));
            }
        }
        AppContext.open(home, Clock.systemUTC(), TestOptions.fastTinyDemo()).close();
        try (var files = java.nio.file.Files.list(home.resolve("backups"))) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(".tmp"));
        }
    }
}
