package fr.comptoir.bench;

import fr.comptoir.sale.BasketLine;
import fr.comptoir.sale.Checkout;
import fr.comptoir.sale.SaleCompletion;
import fr.comptoir.storage.SqliteDatabase;
import fr.comptoir.storage.SqliteJournal;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * What it costs to record a sale (journal, outbox entry, stock movements, ticket number, in one
 * transaction) with each durability of the journal: {@code NORMAL} (a crash of the process loses nothing,
 * a power cut may lose the last commits) against {@code FULL} (every commit reaches the disk). Prints
 * p50/p99/max per sale for both, on the disk of {@code dir}.
 */
public final class JournalBenchmark {

    private final Path dir;
    private final int sales;
    private final PrintWriter out;

    public JournalBenchmark(Path dir, int sales, PrintWriter out) {
        this.dir = dir;
        this.sales = sales;
        this.out = out;
    }

    public void run() {
        out.printf("Recording %d sales of 3 lines each, in %s%n", sales, dir.toAbsolutePath());
        for (SqliteDatabase.Durability d : SqliteDatabase.Durability.values()) {
            long[] nanos = measure(d);
            Arrays.sort(nanos);
            out.printf(java.util.Locale.ROOT, "%-6s p50 %.2f ms, p99 %.2f ms, max %.2f ms, %.0f sales/s%n", d,
                    nanos[nanos.length / 2] / 1e6, nanos[(int) (nanos.length * 0.99)] / 1e6, nanos[nanos.length - 1] / 1e6,
                    sales / (Arrays.stream(nanos).sum() / 1e9));
        }
    }

    private long[] measure(SqliteDatabase.Durability durability) {
        Path file = dir.resolve("bench-journal-" + durability.name().toLowerCase(java.util.Locale.ROOT) + ".db");
        try {
            Files.createDirectories(dir);
            for (String suffix : new String[]{"", "-wal", "-shm"}) {
                Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long[] nanos = new long[sales];
        try (SqliteDatabase db = SqliteDatabase.open(file, "journal", durability)) {
            SaleCompletion completion = new SaleCompletion(new SqliteJournal(db, fr.comptoir.storage.CanonicalJson.codec(), Clock.systemUTC()), Clock.systemUTC());
            SaleCompletion.Seller seller = new SaleCompletion.Seller("st-par01", "PAR01", "dev-bench001", "stf-1", "Bench");
            List<BasketLine> lines = List.of(new BasketLine("prd-1-1", "SKU-1", "Robe portefeuille · Noir · M", 1, 8_990, 2000, null),
                    new BasketLine("prd-2-1", "SKU-2", "Pull col roulé · Écru · L", 2, 6_990, 2000, null),
                    new BasketLine("prd-3-1", "SKU-3", "Thé Earl Grey", 1, 690, 550, null));
            long total = lines.stream().mapToLong(BasketLine::totalCents).sum();
            for (int i = 0; i < sales; i++) {
                Checkout paid = new Checkout(total);
                paid.payCash(total);
                long t0 = System.nanoTime();
                completion.complete("sale-bench-" + i, lines, null, Set.of(), null, paid, seller);
                nanos[i] = System.nanoTime() - t0;
            }
        }
        return nanos;
    }
}
