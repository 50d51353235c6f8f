package fr.comptoir.storage;

import fr.comptoir.centralapi.Feed;
import fr.comptoir.centralapi.FeedPage;
import fr.comptoir.common.JsonCodec;
import fr.comptoir.customers.Customer;
import fr.comptoir.sync.FeedCache;
import fr.comptoir.sync.FeedState;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The cache database's feed tables: pages of changes applied in one transaction with their cursor. */
public final class SqliteFeedCache implements FeedCache {

    private static final Map<String, String> COUNTED_TABLE = Map.of(
            "stores", "stores", "staff", "staff", "products", "products",
            "price-lists", "price_lists", "stock", "stock", "promotions", "promotions", "customers", "customers", "customer-notes", "customer_notes", "orders", "orders",
            "pickups", "pickups");

    private final SqliteDatabase db;
    private final JsonCodec json;

    public SqliteFeedCache(SqliteDatabase db, JsonCodec json) {
        this.db = db;
        this.json = json;
    }

    @Override
    public FeedState state(Feed<?> feed) {
        return db.read(c -> readState(c, feed.name()));
    }

    @Override
    public List<FeedState> states() {
        return db.read(c -> {
            List<FeedState> list = new ArrayList<>();
            for (Feed<?> f : Feed.ALL) {
                list.add(readState(c, f.name()));
            }
            return list;
        });
    }

    private static FeedState readState(Connection c, String feed) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT cursor, last_success_at, full_sync_done FROM sync_state WHERE feed = ?")) {
            ps.setString(1, feed);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return new FeedState(feed, null, 0, false);
                }
                return new FeedState(feed, rs.getString(1), rs.getLong(2), rs.getInt(3) == 1);
            }
        }
    }

    @Override
    public <T> FeedPage applyPage(Feed<T> feed, PageFetch<T> fetch, long nowMillis) {
        return db.inTransaction(c -> {
            FeedState before = readState(c, feed.name());
            boolean rescanning = rescanning(c, feed.name());
            if (before.cursor() == null && !before.fullSyncDone() && !rescanning && !DeferredIndexes.deferred(c, feed.name())) {
                DeferredIndexes.setAside(c, feed.name());
            }
            try (FeedWriters.FeedWriter<T> writer = FeedWriters.writerFor(feed, c, json)) {
                if (rescanning) {
                    writer.rememberSeen(c, feed.name());
                }
                FeedPage page = fetch.fetch(before.cursor(), writer);
                writer.flush(c);
                if (rescanning && !page.hasMore()) {
                    purgeNotSeen(c, feed.name());
                }
                if (!page.hasMore() && DeferredIndexes.deferred(c, feed.name())) {
                    DeferredIndexes.restore(c, feed.name());
                }
                try (PreparedStatement ps = c.prepareStatement("""
                        INSERT INTO sync_state(feed, cursor, last_success_at, full_sync_done) VALUES (?, ?, ?, ?)
                        ON CONFLICT(feed) DO UPDATE SET cursor = excluded.cursor, last_success_at = excluded.last_success_at,
                            full_sync_done = MAX(full_sync_done, excluded.full_sync_done)""")) {
                    ps.setString(1, feed.name());
                    ps.setString(2, page.nextCursor());
                    ps.setLong(3, nowMillis);
                    ps.setInt(4, page.hasMore() ? 0 : 1);
                    ps.executeUpdate();
                }
                return page;
            }
        });
    }

    /**
     * Writes a customer created at this terminal into the cache, outside any feed page (the cursor does
     * not move). The platform's record replaces it when it arrives with {@code localId} set.
     */
    public void applyLocal(Customer customer) {
        db.inTransaction(c -> {
            try (FeedWriters.CustomerWriter w = new FeedWriters.CustomerWriter(c, json)) {
                w.upsert(customer);
                w.flush(c);
            }
            return null;
        });
    }

    @Override
    public Map<String, Long> counts() {
        return db.read(c -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            try (Statement s = c.createStatement()) {
                for (Feed<?> f : Feed.ALL) {
                    try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + COUNTED_TABLE.get(f.name()))) {
                        counts.put(f.name(), rs.getLong(1));
                    }
                }
            }
            return counts;
        });
    }

    /**
     * Ends a load made by other means than the platform's feed (benchmarks filling a cache): the feed counts as
     * read to its end, so that its indexes and full-text tables are built (decision 0034).
     */
    public void markLoaded(Feed<?> feed, long nowMillis) {
        applyPage(feed, (cursor, handler) -> new FeedPage(cursor == null ? "loaded" : cursor, false, 0, -1), nowMillis);
    }

    /**
     * Forgets where every feed was read up to, keeping the records: the next sync reads each feed from the
     * start and overwrites what it sends, removing nothing (a cache filled by other means, e.g. a benchmark's).
     * A feed loaded in full before keeps its indexes while it is read again.
     */
    public void forgetCursors() {
        db.inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                return s.executeUpdate("UPDATE sync_state SET cursor = NULL");
            }
        });
    }

    @Override
    public long platformRecordCount(Feed<?> feed) {
        String table = COUNTED_TABLE.get(feed.name());
        String local = table.equals("customers") ? " WHERE id NOT LIKE 'local-%'" : "";
        return db.read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table + local)) {
                return rs.getLong(1);
            }
        });
    }

    @Override
    public void restart(Feed<?> feed) {
        db.inTransaction(c -> {
            try (PreparedStatement clear = c.prepareStatement("DELETE FROM feed_rescan_seen WHERE feed = ?")) {
                clear.setString(1, feed.name());
                clear.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO sync_state(feed, cursor, full_sync_done, rescanning) VALUES (?, NULL, 0, 1)
                    ON CONFLICT(feed) DO UPDATE SET cursor = NULL, full_sync_done = 0, rescanning = 1""")) {
                ps.setString(1, feed.name());
                return ps.executeUpdate();
            }
        });
    }

    private static boolean rescanning(Connection c, String feed) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT rescanning FROM sync_state WHERE feed = ?")) {
            ps.setString(1, feed);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getInt(1) == 1;
            }
        }
    }

    /**
     * The re-read is complete: what the cache holds for the feed and was not sent again was deleted on
     * the platform meanwhile. Customers created here and not delivered yet stay; variants and order
     * lines go with their product or order.
     */
    private static void purgeNotSeen(Connection c, String feed) throws SQLException {
        String table = COUNTED_TABLE.get(feed);
        String keepLocal = table.equals("customers") ? " AND id NOT LIKE 'local-%'" : "";
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table
                + " WHERE id NOT IN (SELECT id FROM feed_rescan_seen WHERE feed = ?)" + keepLocal)) {
            ps.setString(1, feed);
            ps.executeUpdate();
        }
        try (Statement s = c.createStatement()) {
            if (table.equals("products")) {
                s.executeUpdate("DELETE FROM variants WHERE product_id NOT IN (SELECT id FROM products)");
            } else if (table.equals("orders")) {
                s.executeUpdate("DELETE FROM order_lines WHERE order_id NOT IN (SELECT id FROM orders)");
            }
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM feed_rescan_seen WHERE feed = ?");
             PreparedStatement done = c.prepareStatement("UPDATE sync_state SET rescanning = 0 WHERE feed = ?")) {
            ps.setString(1, feed);
            ps.executeUpdate();
            done.setString(1, feed);
            done.executeUpdate();
        }
    }

    /** The promotions the cache holds (the pricing engine keeps only those valid now, here). */
    public List<fr.comptoir.catalog.Promotion> promotions() {
        return db.read(c -> {
            List<fr.comptoir.catalog.Promotion> list = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT body FROM promotions ORDER BY id")) {
                while (rs.next()) {
                    list.add(json.decode(rs.getString(1), fr.comptoir.catalog.Promotion.class));
                }
            }
            return list;
        });
    }
}
