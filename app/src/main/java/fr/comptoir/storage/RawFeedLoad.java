package fr.comptoir.storage;

import fr.comptoir.centralapi.CentralPlatform;
import fr.comptoir.centralapi.Feed;
import fr.comptoir.centralapi.FeedPage;
import fr.comptoir.common.JsonCodec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The raw limit of a first load, for {@code comptoir bench sync} (issue 14): every feed's pages read one
 * after the other and written by the shortest path into a fresh cache file of the app's schema — parsed
 * straight to records, written as batches, several pages to a transaction, no cursor kept, nothing else
 * read or checked — with each feed's secondary indexes and full-text tables built after its load. A first
 * sync does more (cursors committed with their pages, resumable, progress) and should come close to it.
 */
public final class RawFeedLoad {

    /** One feed's load: its changes and the time it took, index building included. */
    public record FeedFigures(String feed, long changes, long millis) {
    }

    private RawFeedLoad() {
    }

    public static List<FeedFigures> run(Path file, CentralPlatform central, int pageSize, int changesPerTransaction) {
        try {
            for (String suffix : List.of("", "-wal", "-shm")) {
                Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<FeedFigures> figures = new ArrayList<>();
        try (SqliteDatabase db = SqliteDatabase.open(file, "cache")) {
            JsonCodec json = CanonicalJson.codec();
            for (Feed<?> feed : Feed.ALL) {
                figures.add(load(db, central, feed, pageSize, changesPerTransaction, json));
            }
        }
        return figures;
    }

    private static <T> FeedFigures load(SqliteDatabase db, CentralPlatform central, Feed<T> feed, int pageSize, int perTransaction,
                                        JsonCodec json) {
        long started = System.nanoTime();
        db.inTransaction(c -> DeferredIndexes.setAside(c, feed.name()));
        String[] cursor = {null};
        boolean[] more = {true};
        long[] changes = {0};
        while (more[0]) {
            db.inTransaction(c -> {
                try (FeedWriters.FeedWriter<T> writer = FeedWriters.writerFor(feed, c, json)) {
                    int inTransaction = 0;
                    while (more[0] && inTransaction < perTransaction) {
                        FeedPage page = central.pull(feed, cursor[0], pageSize, false, writer);
                        inTransaction += page.changeCount();
                        cursor[0] = page.nextCursor();
                        more[0] = page.hasMore();
                    }
                    changes[0] += inTransaction;
                    writer.flush(c);
                }
                return null;
            });
        }
        db.inTransaction(c -> {
            if (DeferredIndexes.deferred(c, feed.name())) {
                DeferredIndexes.restore(c, feed.name());
            }
            return null;
        });
        return new FeedFigures(feed.name(), changes[0], (System.nanoTime() - started) / 1_000_000);
    }
}
