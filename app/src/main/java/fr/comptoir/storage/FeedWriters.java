package fr.comptoir.storage;

import fr.comptoir.catalog.PriceList;
import fr.comptoir.catalog.Product;
import fr.comptoir.catalog.Promotion;
import fr.comptoir.catalog.StockLevel;
import fr.comptoir.catalog.Variant;
import fr.comptoir.centralapi.ChangeHandler;
import fr.comptoir.centralapi.Feed;
import fr.comptoir.common.JsonCodec;
import fr.comptoir.customers.Customer;
import fr.comptoir.customers.CustomerNote;
import fr.comptoir.customers.PhoneNumbers;
import fr.comptoir.orders.Order;
import fr.comptoir.orders.OrderLine;
import fr.comptoir.pickups.Pickup;
import fr.comptoir.staff.StaffMember;
import fr.comptoir.stores.Store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * How each feed's records are written to the cache. A writer collects a page's changes (the last change of
 * a record wins, as if they were applied one by one), then {@link FeedWriter#flush writes} them with one
 * batch per statement: deletes, then records, then their lines. Lines are cleared only for records the
 * cache already held, found with one query per page, so a first load does no per-record delete (issue 14).
 */
final class FeedWriters {

    private FeedWriters() {
    }

    @SuppressWarnings("unchecked")
    static <T> FeedWriter<T> writerFor(Feed<T> feed, Connection c, JsonCodec json) throws SQLException {
        FeedWriter<?> w = switch (feed.name()) {
            case "stores" -> new StoreWriter(c, json);
            case "staff" -> new StaffWriter(c, json);
            case "products" -> new ProductWriter(c, json);
            case "stock" -> new StockWriter(c, json);
            case "customers" -> new CustomerWriter(c, json);
            case "customer-notes" -> new NoteWriter(c, json);
            case "promotions" -> new PromotionWriter(c, json);
            case "price-lists" -> new PriceListWriter(c, json);
            case "orders" -> new OrderWriter(c, json);
            case "pickups" -> new PickupWriter(c, json);
            default -> throw new IllegalArgumentException("No cache table for feed " + feed);
        };
        return (FeedWriter<T>) w;
    }

    /** Writes one feed's changes with statements prepared once per page, executed as batches. */
    abstract static class FeedWriter<T> implements ChangeHandler<T>, AutoCloseable {
        private static final Object DELETED = new Object();

        private final List<PreparedStatement> statements = new ArrayList<>();
        private final Map<String, Object> changes = new LinkedHashMap<>();
        private final PreparedStatement delete;
        private final Function<T, String> idOf;
        private final String table;
        final JsonCodec json;
        private PreparedStatement seen;
        private String feed;

        FeedWriter(Connection c, String table, Function<T, String> idOf, JsonCodec json) throws SQLException {
            this.table = table;
            this.idOf = idOf;
            this.json = json;
            delete = prepare(c, "DELETE FROM " + table + " WHERE id = ?");
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

        /** Adds the record's rows to the batches; {@code held}: the cache held it before this page (its lines are cleared). */
        abstract void write(T item, boolean held) throws SQLException;

        /** Whether {@link #write} needs to know which records the cache held already. */
        boolean clearsLines() {
            return false;
        }

        @Override
        public final void upsert(T item) {
            changes.put(idOf.apply(item), item);
        }

        @Override
        public final void delete(String id) {
            changes.put(id, DELETED);
        }

        /** Writes what the page brought, in the caller's transaction. */
        @SuppressWarnings("unchecked")
        final int flush(Connection c) {
            try {
                List<T> upserts = new ArrayList<>(changes.size());
                for (Map.Entry<String, Object> e : changes.entrySet()) {
                    if (e.getValue() == DELETED) {
                        delete.setString(1, e.getKey());
                        delete.addBatch();
                    } else {
                        upserts.add((T) e.getValue());
                    }
                }
                Set<String> held = clearsLines() ? held(c, upserts) : Set.of();
                for (T item : upserts) {
                    String id = idOf.apply(item);
                    write(item, held.contains(id));
                    if (seen != null) {
                        seen.setString(1, feed);
                        seen.setString(2, id);
                        seen.addBatch();
                    }
                }
                for (PreparedStatement ps : statements) {
                    ps.executeBatch();
                }
                int n = changes.size();
                changes.clear();
                return n;
            } catch (SQLException e) {
                throw new StorageException("Cannot store a page of " + table + ": " + e.getMessage(), e);
            }
        }

        private Set<String> held(Connection c, List<T> upserts) throws SQLException {
            if (upserts.isEmpty()) {
                return Set.of();
            }
            List<String> ids = upserts.stream().map(idOf).toList();
            Set<String> held = new HashSet<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM " + table + " WHERE id IN (SELECT value FROM json_each(?))")) {
                ps.setString(1, json.encode(ids));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        held.add(rs.getString(1));
                    }
                }
            }
            return held;
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

        StoreWriter(Connection c, JsonCodec json) throws SQLException {
            super(c, "stores", Store::id, json);
            upsert = prepare(c, """
                    INSERT INTO stores(id, code, name, city, type, return_policy, legal) VALUES (?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(id) DO UPDATE SET code = excluded.code, name = excluded.name, city = excluded.city, type = excluded.type,
                        return_policy = excluded.return_policy, legal = excluded.legal""");
        }

        @Override
        void write(Store s, boolean held) throws SQLException {
            upsert.setString(1, s.id());
            upsert.setString(2, s.code());
            upsert.setString(3, s.name());
            upsert.setString(4, s.city());
            upsert.setString(5, s.type().name());
            upsert.setString(6, s.returnPolicy() == null ? null : json.encode(s.returnPolicy()));
            upsert.setString(7, s.legal() == null ? null : json.encode(s.legal()));
            upsert.addBatch();
        }
    }

    private static final class StaffWriter extends FeedWriter<StaffMember> {
        private final PreparedStatement upsert;

        StaffWriter(Connection c, JsonCodec json) throws SQLException {
            super(c, "staff", StaffMember::id, json);
            upsert = prepare(c, """
                    INSERT INTO staff(id, store_id, display_name, role, pin_hash, active) VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT(id) DO UPDATE SET store_id = excluded.store_id, display_name = excluded.display_name,
                        role = excluded.role, pin_hash = excluded.pin_hash, active = excluded.active""");
        }

        @Override
        void write(StaffMember s, boolean held) throws SQLException {
            upsert.setString(1, s.id());
            upsert.setString(2, s.storeId());
            upsert.setString(3, s.displayName());
            upsert.setString(4, s.role().name());
            upsert.setString(5, s.pinHash());
            upsert.setInt(6, s.active() ? 1 : 0);
            upsert.addBatch();
        }
    }

    /** A product with its variants; a variant that moved from another product replaces its old row. */
    private static final class ProductWriter extends FeedWriter<Product> {
        private final PreparedStatement upsert;
        private final PreparedStatement clearVariants;
        private final PreparedStatement insertVariant;

        ProductWriter(Connection c, JsonCodec json) throws SQLException {
            super(c, "products", Product::id, json);
            upsert = prepare(c, """
                    INSERT INTO products(id, reference, name, brand, category, vat_bp) VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT(id) DO UPDATE SET reference = excluded.reference, name = excluded.name, brand = excluded.brand,
                        category = excluded.category, vat_bp = excluded.vat_bp""");
            clearVariants = prepare(c, "DELETE FROM variants WHERE product_id = ?");
            insertVariant = prepare(c, "INSERT OR REPLACE INTO variants(id, product_id, sku, ean, size, colour, price_cents, lowest_30d_cents)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        }

        @Override
        boolean clearsLines() {
            return true;
        }

        @Override
        void write(Product p, boolean held) throws SQLException {
            upsert.setString(1, p.id());
            upsert.setString(2, p.reference());
            upsert.setString(3, p.name());
            upsert.setString(4, p.brand());
            upsert.setString(5, p.category());
            upsert.setInt(6, p.vatRateBasisPoints());
            upsert.addBatch();
            if (held) {
                clearVariants.setString(1, p.id());
                clearVariants.addBatch();
            }
            for (Variant v : p.variants()) {
                insertVariant.setString(1, v.id());
                insertVariant.setString(2, p.id());
                insertVariant.setString(3, v.sku());
                insertVariant.setString(4, v.ean());
                insertVariant.setString(5, v.size());
                insertVariant.setString(6, v.colour());
                insertVariant.setLong(7, v.priceCents());
                insertVariant.setObject(8, v.lowestPrice30DaysCents());
                insertVariant.addBatch();
            }
        }
    }

    private static final class StockWriter extends FeedWriter<StockLevel> {
        private final PreparedStatement upsert;

        StockWriter(Connection c, JsonCodec json) throws SQLException {
            super(c, "stock", StockLevel::id, json);
            upsert = prepare(c, """
                    INSERT INTO stock(id, variant_id, location_id, on_hand, reserved) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT(id) DO UPDATE SET variant_id = excluded.variant_id, location_id = excluded.location_id,
                        on_hand = excluded.on_hand, reserved = excluded.reserved""");
        }

        @Override
        void write(StockLevel s, boolean held) throws SQLException {
            upsert.setString(1, s.id());
            upsert.setString(2, s.variantId());
            upsert.setString(3, s.locationId());
            upsert.setInt(4, s.onHand());
            upsert.setInt(5, s.reserved());
            upsert.addBatch();
        }
    }

    static final class CustomerWriter extends FeedWriter<Customer> {
        private final PreparedStatement upsert;
        private final PreparedStatement dropLocal;

        CustomerWriter(Connection c, JsonCodec json) throws SQLException {
            super(c, "customers", Customer::id, json);
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
        void write(Customer cu, boolean held) throws SQLException {
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
            upsert.addBatch();
            if (cu.localId() != null) {
                dropLocal.setString(1, cu.localId());
                dropLocal.setString(2, cu.id());
                dropLocal.addBatch();
            }
        }

        private static String nonNull(String s) {
            return s == null ? "" : s;
        }
    }

    private static final class PromotionWriter extends FeedWriter<Promotion> {
        private final PreparedStatement upsert;

        PromotionWriter(Connection c, JsonCodec json) throws SQLException {
            super(c, "promotions", Promotion::id, json);
            upsert = prepare(c, "INSERT INTO promotions(id, body) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET body = excluded.body");
        }

        @Override
        void write(Promotion p, boolean held) throws SQLException {
            upsert.setString(1, p.id());
            upsert.setString(2, json.encode(p));
            upsert.addBatch();
        }
    }

    /**
     * A list whose dates cannot be read never applies, and a negative price is left out: a damaged
     * record from the platform must not change what a customer pays.
     */
    private static final class PriceListWriter extends FeedWriter<PriceList> {
        private final PreparedStatement upsert;
        private final PreparedStatement clearPrices;
        private final PreparedStatement insertPrice;

        PriceListWriter(Connection c, JsonCodec json) throws SQLException {
            super(c, "price_lists", PriceList::id, json);
            upsert = prepare(c, """
                    INSERT INTO price_lists(id, name, priority, store_ids, valid_from_ms, valid_to_ms) VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT(id) DO UPDATE SET name = excluded.name, priority = excluded.priority, store_ids = excluded.store_ids,
                        valid_from_ms = excluded.valid_from_ms, valid_to_ms = excluded.valid_to_ms""");
            clearPrices = prepare(c, "DELETE FROM list_prices WHERE list_id = ?");
            insertPrice = prepare(c, "INSERT OR REPLACE INTO list_prices(list_id, variant_id, price_cents) VALUES (?, ?, ?)");
        }

        @Override
        boolean clearsLines() {
            return true;
        }

        @Override
        void write(PriceList l, boolean held) throws SQLException {
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
            upsert.addBatch();
            if (held) {
                clearPrices.setString(1, l.id());
                clearPrices.addBatch();
            }
            for (PriceList.Entry e : l.prices()) {
                if (e == null || e.variantId() == null || e.priceCents() < 0) {
                    continue;
                }
                insertPrice.setString(1, l.id());
                insertPrice.setString(2, e.variantId());
                insertPrice.setLong(3, e.priceCents());
                insertPrice.addBatch();
            }
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

    private static final class NoteWriter extends FeedWriter<CustomerNote> {
        private final PreparedStatement upsert;

        NoteWriter(Connection c, JsonCodec json) throws SQLException {
            super(c, "customer_notes", CustomerNote::id, json);
            upsert = prepare(c, """
                    INSERT INTO customer_notes(id, customer_id, text, author_staff_id, author_name, store_id, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET customer_id = excluded.customer_id,
                        text = excluded.text, author_staff_id = excluded.author_staff_id, author_name = excluded.author_name,
                        store_id = excluded.store_id, created_at = excluded.created_at""");
        }

        @Override
        void write(CustomerNote n, boolean held) throws SQLException {
            upsert.setString(1, n.id());
            upsert.setString(2, n.customerId());
            upsert.setString(3, n.text());
            upsert.setString(4, n.authorStaffId());
            upsert.setString(5, n.authorName());
            upsert.setString(6, n.storeId());
            upsert.setString(7, n.createdAt());
            upsert.addBatch();
        }
    }

    /** An order with its lines; a line that moved from another order replaces its old row. */
    private static final class OrderWriter extends FeedWriter<Order> {
        private final PreparedStatement upsert;
        private final PreparedStatement clearLines;
        private final PreparedStatement insertLine;

        OrderWriter(Connection c, JsonCodec json) throws SQLException {
            super(c, "orders", Order::id, json);
            upsert = prepare(c, """
                    INSERT INTO orders(id, number, customer_id, channel, store_id, status, placed_at, total_cents, tenders)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(id) DO UPDATE SET number = excluded.number, customer_id = excluded.customer_id,
                        channel = excluded.channel, store_id = excluded.store_id, status = excluded.status,
                        placed_at = excluded.placed_at, total_cents = excluded.total_cents, tenders = excluded.tenders""");
            clearLines = prepare(c, "DELETE FROM order_lines WHERE order_id = ?");
            insertLine = prepare(c, """
                    INSERT OR REPLACE INTO order_lines(id, order_id, line_no, variant_id, sku, name, quantity, unit_price_cents, vat_bp,
                        returned_quantity, paid_cents) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
        }

        @Override
        boolean clearsLines() {
            return true;
        }

        @Override
        void write(Order o, boolean held) throws SQLException {
            upsert.setString(1, o.id());
            upsert.setString(2, o.number());
            upsert.setString(3, o.customerId());
            upsert.setString(4, o.channel().name());
            upsert.setString(5, o.storeId());
            upsert.setString(6, o.status().name());
            upsert.setString(7, o.placedAt());
            upsert.setLong(8, o.totalCents());
            upsert.setString(9, o.tenders().isEmpty() ? null : String.join(",", o.tenders()));
            upsert.addBatch();
            if (held) {
                clearLines.setString(1, o.id());
                clearLines.addBatch();
            }
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
                insertLine.addBatch();
            }
        }
    }

    /** This store's pickup queue: the record whole, with its search columns ({@link SqlitePickups}). */
    private static final class PickupWriter extends FeedWriter<Pickup> {
        private final PreparedStatement keys;
        private final PreparedStatement record;

        PickupWriter(Connection c, JsonCodec json) throws SQLException {
            super(c, "pickups", Pickup::orderId, json);
            keys = prepare(c, SqlitePickups.UPSERT);
            record = prepare(c, SqlitePickups.UPSERT_RECORD);
        }

        @Override
        void write(Pickup p, boolean held) throws SQLException {
            SqlitePickups.upsert(keys, record, p, json);
        }
    }
}
