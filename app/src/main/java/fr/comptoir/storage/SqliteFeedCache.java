package fr.comptoir.storage;

import fr.comptoir.catalog.Product;
import fr.comptoir.catalog.StockLevel;
import fr.comptoir.catalog.Variant;
import fr.comptoir.centralapi.ChangeHandler;
import fr.comptoir.centralapi.Feed;
import fr.comptoir.centralapi.FeedPage;
import fr.comptoir.common.JsonCodec;
import fr.comptoir.customers.Customer;
import fr.comptoir.customers.CustomerNote;
import fr.comptoir.customers.PhoneNumbers;
import fr.comptoir.orders.Order;
import fr.comptoir.orders.OrderLine;
import fr.comptoir.staff.StaffMember;
import fr.comptoir.stores.Store;
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
            try (FeedWriter<T> writer = writerFor(feed, c, json)) {
                if (rescanning) {
                    writer.rememberSeen(c, feed.name());
                }
                FeedPage page = fetch.fetch(before.cursor(), writer);
                if (rescanning && !page.hasMore()) {
                    purgeNotSeen(c, feed.name());
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
            try (CustomerWriter w = new CustomerWriter(c, json)) {
                w.upsert(customer);
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
     * Forgets where every feed was read up to, keeping the records: the next sync reads each feed from the
     * start and overwrites what it sends, removing nothing (a cache filled by other means, e.g. a benchmark's).
     */
    public void forgetCursors() {
        db.inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                return s.executeUpdate("DELETE FROM sync_state");
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

    @SuppressWarnings("unchecked")
    private static <T> FeedWriter<T> writerFor(Feed<T> feed, Connection c, JsonCodec json) throws SQLException {
        FeedWriter<?> w = switch (feed.name()) {
            case "stores" -> new StoreWriter(c, json);
            case "staff" -> new StaffWriter(c);
            case "products" -> new ProductWriter(c);
            case "stock" -> new StockWriter(c);
            case "customers" -> new CustomerWriter(c, json);
            case "customer-notes" -> new NoteWriter(c);
            case "promotions" -> new PromotionWriter(c, json);
            case "price-lists" -> new PriceListWriter(c);
            case "orders" -> new OrderWriter(c);
            case "pickups" -> new PickupWriter(c, json);
            default -> throw new IllegalArgumentException("No cache table for feed " + feed);
        };
        return (FeedWriter<T>) w;
    }

    /** Writes one feed's changes with statements prepared once per page. */
    private abstract static class FeedWriter<T> implements ChangeHandler<T>, AutoCloseable {
        private final List<PreparedStatement> statements = new ArrayList<>();
        private final PreparedStatement delete;
        private PreparedStatement seen;
        private String feed;

        private final java.util.function.Function<T, String> idOf;

        FeedWriter(Connection c, String table, java.util.function.Function<T, String> idOf) throws SQLException {
            delete = prepare(c, "DELETE FROM " + table + " WHERE id = ?");
            this.idOf = idOf;
        }

        /** During a re-read, notes every id received so that what is not received again can be purged. */
        final void rememberSeen(Connection c, String feedName) throws SQLException {
            feed = feedName;
            seen = prepare(c, "INSERT OR IGNORE INTO feed_rescan_seen(feed, id) VALUES (?, ?)");
        }


        final PreparedStatement prepare(Connection c, String sql) throws SQLException {
            PreparedStatement ps = c.prepareStatement(sql);
            statements.add(ps);
            return ps;
        }

        abstract void write(T item) throws SQLException;

        @Override
        public final void upsert(T item) {
            try {
                write(item);
                if (seen != null) {
                    seen.setString(1, feed);
                    seen.setString(2, idOf.apply(item));
                    seen.executeUpdate();
                }
            } catch (SQLException e) {
                throw new StorageException("Cannot store " + item.getClass().getSimpleName() + ": " + e.getMessage(), e);
            }
        }

        @Override
        public final void delete(String id) {
            try {
                delete.setString(1, id);
                delete.executeUpdate();
            } catch (SQLException e) {
                throw new StorageException("Cannot delete " + id + ": " + e.getMessage(), e);
            }
        }

        @Override
        public void close() throws SQLException {
            for (PreparedStatement ps : statements) {
                ps.close();
            }
        }
    }

    private static final class StoreWriter extends FeedWriter<Store> {
        private final PreparedStatement upsert;
        private final JsonCodec json;

        StoreWriter(Connection c, JsonCodec json) throws SQLException {
            super(c, "stores", Store::id);
            this.json = json;
            upsert = prepare(c, """
                    INSERT INTO stores(id, code, name, city, type, return_policy, legal) VALUES (?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(id) DO UPDATE SET code = excluded.code, name = excluded.name, city = excluded.city, type = excluded.type,
                        return_policy = excluded.return_policy, legal = excluded.legal""");
        }

        @Override
        void write(Store s) throws SQLException {
            upsert.setString(1, s.id());
            upsert.setString(2, s.code());
            upsert.setString(3, s.name());
            upsert.setString(4, s.city());
            upsert.setString(5, s.type().name());
            upsert.setString(6, s.returnPolicy() == null ? null : json.encode(s.returnPolicy()));
            upsert.setString(7, s.legal() == null ? null : json.encode(s.legal()));
            upsert.executeUpdate();
        }
    }

    private static final class StaffWriter extends FeedWriter<StaffMember> {
        private final PreparedStatement upsert;

        StaffWriter(Connection c) throws SQLException {
            super(c, "staff", StaffMember::id);
            upsert = prepare(c, """
                    INSERT INTO staff(id, store_id, display_name, role, pin_hash, active) VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT(id) DO UPDATE SET store_id = excluded.store_id, display_name = excluded.display_name,
                        role = excluded.role, pin_hash = excluded.pin_hash, active = excluded.active""");
        }

        @Override
        void write(StaffMember s) throws SQLException {
            upsert.setString(1, s.id());
            upsert.setString(2, s.storeId());
            upsert.setString(3, s.displayName());
            upsert.setString(4, s.role().name());
            upsert.setString(5, s.pinHash());
            upsert.setInt(6, s.active() ? 1 : 0);
            upsert.executeUpdate();
        }
    }

    private static final class ProductWriter extends FeedWriter<Product> {
        private final PreparedStatement upsert;
        private final PreparedStatement clearVariants;
        private final PreparedStatement insertVariant;

        ProductWriter(Connection c) throws SQLException {
            super(c, "products", Product::id);
            upsert = prepare(c, """
                    INSERT INTO products(id, reference, name, brand, category, vat_bp) VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT(id) DO UPDATE SET reference = excluded.reference, name = excluded.name, brand = excluded.brand,
                        category = excluded.category, vat_bp = excluded.vat_bp""");
            clearVariants = prepare(c, "DELETE FROM variants WHERE product_id = ?");
            insertVariant = prepare(c, "INSERT INTO variants(id, product_id, sku, ean, size, colour, price_cents, lowest_30d_cents)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        }

        @Override
        void write(Product p) throws SQLException {
            upsert.setString(1, p.id());
            upsert.setString(2, p.reference());
            upsert.setString(3, p.name());
            upsert.setString(4, p.brand());
            upsert.setString(5, p.category());
            upsert.setInt(6, p.vatRateBasisPoints());
            upsert.executeUpdate();
            clearVariants.setString(1, p.id());
            clearVariants.executeUpdate();
            for (Variant v : p.variants()) {
                insertVariant.setString(1, v.id());
                insertVariant.setString(2, p.id());
                insertVariant.setString(3, v.sku());
                insertVariant.setString(4, v.ean());
                insertVariant.setString(5, v.size());
                insertVariant.setString(6, v.colour());
                insertVariant.setLong(7, v.priceCents());
                insertVariant.setObject(8, v.lowestPrice30DaysCents());
                insertVariant.executeUpdate();
            }
        }
    }

    private static final class StockWriter extends FeedWriter<StockLevel> {
        private final PreparedStatement upsert;

        StockWriter(Connection c) throws SQLException {
            super(c, "stock", StockLevel::id);
            upsert = prepare(c, """
                    INSERT INTO stock(id, variant_id, location_id, on_hand, reserved) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT(id) DO UPDATE SET variant_id = excluded.variant_id, location_id = excluded.location_id,
                        on_hand = excluded.on_hand, reserved = excluded.reserved""");
        }

        @Override
        void write(StockLevel s) throws SQLException {
            upsert.setString(1, s.id());
            upsert.setString(2, s.variantId());
            upsert.setString(3, s.locationId());
            upsert.setInt(4, s.onHand());
            upsert.setInt(5, s.reserved());
            upsert.executeUpdate();
        }
    }

    private static final class CustomerWriter extends FeedWriter<Customer> {
        private final PreparedStatement upsert;
        private final PreparedStatement dropLocal;
        private final JsonCodec json;

        CustomerWriter(Connection c, JsonCodec json) throws SQLException {
            super(c, "customers", Customer::id);
            this.json = json;
            upsert = prepare(c, """
                    INSERT INTO customers(id, first_name, last_name, email, phone, phone_digits, loyalty_card, loyalty_tier,
                        loyalty_points, email_consent, sms_consent, created_at, preferences_json, wishlist_json, local_id)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(id) DO UPDATE SET first_name = excluded.first_name, last_name = excluded.last_name,
                        email = excluded.email, phone = excluded.phone, phone_digits = excluded.phone_digits,
                        loyalty_card = excluded.loyalty_card, loyalty_tier = excluded.loyalty_tier,
                        loyalty_points = excluded.loyalty_points, email_consent = excluded.email_consent,
                        sms_consent = excluded.sms_consent, created_at = excluded.created_at,
                        preferences_json = excluded.preferences_json, wishlist_json = excluded.wishlist_json,
                        local_id = excluded.local_id""");
            // A customer created offline here is replaced by the platform's record once it arrives.
            dropLocal = prepare(c, "DELETE FROM customers WHERE id = ? AND id <> ?");
        }

        @Override
        void write(Customer cu) throws SQLException {
            upsert.setString(1, cu.id());
            upsert.setString(2, nonNull(cu.firstName()));
            upsert.setString(3, nonNull(cu.lastName()));
            upsert.setString(4, cu.email());
            upsert.setString(5, cu.phone());
            upsert.setString(6, PhoneNumbers.canonical(cu.phone()));
            upsert.setString(7, cu.loyaltyCard());
            upsert.setString(8, cu.loyaltyTier().name());
            upsert.setInt(9, cu.loyaltyPoints());
            upsert.setInt(10, cu.emailConsent() ? 1 : 0);
            upsert.setInt(11, cu.smsConsent() ? 1 : 0);
            upsert.setString(12, cu.createdAt());
            upsert.setString(13, json.encode(cu.preferences()));
            upsert.setString(14, json.encode(cu.wishlist()));
            upsert.setString(15, cu.localId());
            upsert.executeUpdate();
            if (cu.localId() != null) {
                dropLocal.setString(1, cu.localId());
                dropLocal.setString(2, cu.id());
                dropLocal.executeUpdate();
            }
        }

        private static String nonNull(String s) {
            return s == null ? "" : s;
        }
    }

    private static final class PromotionWriter extends FeedWriter<fr.comptoir.catalog.Promotion> {
        private final PreparedStatement upsert;
        private final JsonCodec json;

        PromotionWriter(Connection c, JsonCodec json) throws SQLException {
            super(c, "promotions", fr.comptoir.catalog.Promotion::id);
            this.json = json;
            upsert = prepare(c, "INSERT INTO promotions(id, body) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET body = excluded.body");
        }

        @Override
        void write(fr.comptoir.catalog.Promotion p) throws SQLException {
            upsert.setString(1, p.id());
            upsert.setString(2, json.encode(p));
            upsert.executeUpdate();
        }
    }

    /**
     * A list whose dates cannot be read never applies, and a negative price is left out: a damaged
     * record from the platform must not change what a customer pays.
     */
    private static final class PriceListWriter extends FeedWriter<fr.comptoir.catalog.PriceList> {
        private final PreparedStatement upsert;
        private final PreparedStatement clearPrices;
        private final PreparedStatement insertPrice;

        PriceListWriter(Connection c) throws SQLException {
            super(c, "price_lists", fr.comptoir.catalog.PriceList::id);
            upsert = prepare(c, """
                    INSERT INTO price_lists(id, name, priority, store_ids, valid_from_ms, valid_to_ms) VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT(id) DO UPDATE SET name = excluded.name, priority = excluded.priority, store_ids = excluded.store_ids,
                        valid_from_ms = excluded.valid_from_ms, valid_to_ms = excluded.valid_to_ms""");
            clearPrices = prepare(c, "DELETE FROM list_prices WHERE list_id = ?");
            insertPrice = prepare(c, "INSERT OR REPLACE INTO list_prices(list_id, variant_id, price_cents) VALUES (?, ?, ?)");
        }

        @Override
        void write(fr.comptoir.catalog.PriceList l) throws SQLException {
            Long from = epochMillis(l.validFrom(), 0L);
            Long to = epochMillis(l.validTo(), null);
            boolean readable = from != null && (l.validTo() == null || to != null);
            upsert.setString(1, l.id());
            upsert.setString(2, l.name() == null ? l.id() : l.name());
            upsert.setInt(3, l.priority());
            upsert.setString(4, l.storeIds().isEmpty() ? "" : "," + String.join(",", l.storeIds()) + ",");
            upsert.setLong(5, readable ? from : Long.MAX_VALUE);
            if (to == null) {
                upsert.setNull(6, java.sql.Types.INTEGER);
            } else {
                upsert.setLong(6, to);
            }
            upsert.executeUpdate();
            clearPrices.setString(1, l.id());
            clearPrices.executeUpdate();
            for (fr.comptoir.catalog.PriceList.Entry e : l.prices()) {
                if (e == null || e.variantId() == null || e.priceCents() < 0) {
                    continue;
                }
                insertPrice.setString(1, l.id());
                insertPrice.setString(2, e.variantId());
                insertPrice.setLong(3, e.priceCents());
                insertPrice.addBatch();
            }
            insertPrice.executeBatch();
        }

        private static Long epochMillis(String instant, Long absent) {
            if (instant == null) {
                return absent;
            }
            try {
                return java.time.Instant.parse(instant).toEpochMilli();
            } catch (java.time.format.DateTimeParseException e) {
                return null;
            }
        }
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

    private static final class NoteWriter extends FeedWriter<CustomerNote> {
        private final PreparedStatement upsert;

        NoteWriter(Connection c) throws SQLException {
            super(c, "customer_notes", CustomerNote::id);
            upsert = prepare(c, """
                    INSERT INTO customer_notes(id, customer_id, text, author_staff_id, author_name, store_id, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET customer_id = excluded.customer_id,
                        text = excluded.text, author_staff_id = excluded.author_staff_id, author_name = excluded.author_name,
                        store_id = excluded.store_id, created_at = excluded.created_at""");
        }

        @Override
        void write(CustomerNote n) throws SQLException {
            upsert.setString(1, n.id());
            upsert.setString(2, n.customerId());
            upsert.setString(3, n.text());
            upsert.setString(4, n.authorStaffId());
            upsert.setString(5, n.authorName());
            upsert.setString(6, n.storeId());
            upsert.setString(7, n.createdAt());
            upsert.executeUpdate();
        }
    }

    private static final class OrderWriter extends FeedWriter<Order> {
        private final PreparedStatement upsert;
        private final PreparedStatement clearLines;
        private final PreparedStatement insertLine;

        OrderWriter(Connection c) throws SQLException {
            super(c, "orders", Order::id);
            upsert = prepare(c, """
                    INSERT INTO orders(id, number, customer_id, channel, store_id, status, placed_at, total_cents, tenders)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(id) DO UPDATE SET number = excluded.number, customer_id = excluded.customer_id,
                        channel = excluded.channel, store_id = excluded.store_id, status = excluded.status,
                        placed_at = excluded.placed_at, total_cents = excluded.total_cents, tenders = excluded.tenders""");
            clearLines = prepare(c, "DELETE FROM order_lines WHERE order_id = ?");
            insertLine = prepare(c, """
                    INSERT INTO order_lines(id, order_id, line_no, variant_id, sku, name, quantity, unit_price_cents, vat_bp,
                        returned_quantity, paid_cents) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
        }

        @Override
        void write(Order o) throws SQLException {
            upsert.setString(1, o.id());
            upsert.setString(2, o.number());
            upsert.setString(3, o.customerId());
            upsert.setString(4, o.channel().name());
            upsert.setString(5, o.storeId());
            upsert.setString(6, o.status().name());
            upsert.setString(7, o.placedAt());
            upsert.setLong(8, o.totalCents());
            upsert.setString(9, o.tenders().isEmpty() ? null : String.join(",", o.tenders()));
            upsert.executeUpdate();
            clearLines.setString(1, o.id());
            clearLines.executeUpdate();
            int lineNo = 0;
            for (OrderLine l : o.lines()) {
                insertLine.setString(1, l.id());
                insertLine.setString(2, o.id());
                insertLine.setInt(3, ++lineNo);
                insertLine.setString(4, l.variantId());
                insertLine.setString(5, l.sku());
                insertLine.setString(6, l.name());
                insertLine.setInt(7, l.quantity());
                insertLine.setLong(8, l.unitPriceCents());
                insertLine.setInt(9, l.vatRateBasisPoints());
                insertLine.setInt(10, l.returnedQuantity());
                insertLine.setObject(11, l.paidCents());
                insertLine.executeUpdate();
            }
        }
    }

    /** This store's pickup queue: the record whole, with its search columns ({@link SqlitePickups}). */
    private static final class PickupWriter extends FeedWriter<fr.comptoir.pickups.Pickup> {
        private final PreparedStatement keys;
        private final PreparedStatement record;
        private final JsonCodec json;

        PickupWriter(Connection c, JsonCodec json) throws SQLException {
            super(c, "pickups", fr.comptoir.pickups.Pickup::orderId);
            this.json = json;
            keys = prepare(c, SqlitePickups.UPSERT);
            record = prepare(c, SqlitePickups.UPSERT_RECORD);
        }

        @Override
        void write(fr.comptoir.pickups.Pickup p) throws SQLException {
            SqlitePickups.upsert(keys, record, p, json);
        }
    }
}
