-- Re-fetchable copy of the central platform's data, plus the position reached in each change feed.
CREATE TABLE sync_state (
    feed            TEXT PRIMARY KEY,
    cursor          TEXT,
    last_success_at INTEGER,
    full_sync_done  INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE stores (
    id   TEXT PRIMARY KEY,
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    city TEXT,
    type TEXT NOT NULL
);

CREATE TABLE staff (
    id           TEXT PRIMARY KEY,
    store_id     TEXT NOT NULL,
    display_name TEXT NOT NULL,
    role         TEXT NOT NULL,
    pin_hash     TEXT NOT NULL,
    active       INTEGER NOT NULL
);
CREATE INDEX staff_by_store ON staff(store_id, display_name);

CREATE TABLE products (
    id        TEXT PRIMARY KEY,
    reference TEXT NOT NULL,
    name      TEXT NOT NULL,
    brand     TEXT,
    category  TEXT,
    vat_bp    INTEGER NOT NULL
);

CREATE TABLE variants (
    id          TEXT PRIMARY KEY,
    product_id  TEXT NOT NULL REFERENCES products(id) ON DELETE CASCADE,
    sku         TEXT NOT NULL,
    ean         TEXT,
    size        TEXT,
    colour      TEXT,
    price_cents INTEGER NOT NULL
);
CREATE INDEX variants_by_product ON variants(product_id);
CREATE INDEX variants_by_ean ON variants(ean);
CREATE INDEX variants_by_sku ON variants(sku);

CREATE TABLE stock (
    id          TEXT PRIMARY KEY,
    variant_id  TEXT NOT NULL,
    location_id TEXT NOT NULL,
    on_hand     INTEGER NOT NULL,
    reserved    INTEGER NOT NULL
);
CREATE INDEX stock_by_variant ON stock(variant_id, location_id);

CREATE TABLE customers (
    id             TEXT PRIMARY KEY,
    first_name     TEXT NOT NULL,
    last_name      TEXT NOT NULL,
    email          TEXT,
    phone          TEXT,
    phone_digits   TEXT,
    loyalty_card   TEXT,
    loyalty_tier   TEXT NOT NULL,
    loyalty_points INTEGER NOT NULL,
    email_consent  INTEGER NOT NULL,
    sms_consent    INTEGER NOT NULL,
    created_at     TEXT
);
CREATE INDEX customers_by_email ON customers(email COLLATE NOCASE);
CREATE INDEX customers_by_phone ON customers(phone_digits);
CREATE INDEX customers_by_card ON customers(loyalty_card);

CREATE TABLE orders (
    id          TEXT PRIMARY KEY,
    number      TEXT NOT NULL,
    customer_id TEXT,
    channel     TEXT NOT NULL,
    store_id    TEXT,
    status      TEXT NOT NULL,
    placed_at   TEXT NOT NULL,
    total_cents INTEGER NOT NULL
);
CREATE INDEX orders_by_customer ON orders(customer_id, placed_at);
CREATE INDEX orders_by_number ON orders(number);

CREATE TABLE order_lines (
    id                TEXT PRIMARY KEY,
    order_id          TEXT NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
    line_no           INTEGER NOT NULL,
    variant_id        TEXT,
    sku               TEXT,
    name              TEXT NOT NULL,
    quantity          INTEGER NOT NULL,
    unit_price_cents  INTEGER NOT NULL,
    vat_bp            INTEGER NOT NULL,
    returned_quantity INTEGER NOT NULL
);
CREATE INDEX order_lines_by_order ON order_lines(order_id, line_no);

-- Full-text indexes for type-ahead search: accent- and case-insensitive, prefix queries of 2 and 3 characters indexed.
CREATE VIRTUAL TABLE customers_fts USING fts5(
    first_name, last_name, email, content='customers', content_rowid='rowid',
    tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
);
CREATE TRIGGER customers_fts_insert AFTER INSERT ON customers BEGIN
    INSERT INTO customers_fts(rowid, first_name, last_name, email) VALUES (new.rowid, new.first_name, new.last_name, new.email);
END;
CREATE TRIGGER customers_fts_delete AFTER DELETE ON customers BEGIN
    INSERT INTO customers_fts(customers_fts, rowid, first_name, last_name, email) VALUES ('delete', old.rowid, old.first_name, old.last_name, old.email);
END;
CREATE TRIGGER customers_fts_update AFTER UPDATE ON customers BEGIN
    INSERT INTO customers_fts(customers_fts, rowid, first_name, last_name, email) VALUES ('delete', old.rowid, old.first_name, old.last_name, old.email);
    INSERT INTO customers_fts(rowid, first_name, last_name, email) VALUES (new.rowid, new.first_name, new.last_name, new.email);
END;

CREATE VIRTUAL TABLE products_fts USING fts5(
    name, brand, reference, category, content='products', content_rowid='rowid',
    tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
);
CREATE TRIGGER products_fts_insert AFTER INSERT ON products BEGIN
    INSERT INTO products_fts(rowid, name, brand, reference, category) VALUES (new.rowid, new.name, new.brand, new.reference, new.category);
END;
CREATE TRIGGER products_fts_delete AFTER DELETE ON products BEGIN
    INSERT INTO products_fts(products_fts, rowid, name, brand, reference, category) VALUES ('delete', old.rowid, old.name, old.brand, old.reference, old.category);
END;
CREATE TRIGGER products_fts_update AFTER UPDATE ON products BEGIN
    INSERT INTO products_fts(products_fts, rowid, name, brand, reference, category) VALUES ('delete', old.rowid, old.name, old.brand, old.reference, old.category);
    INSERT INTO products_fts(rowid, name, brand, reference, category) VALUES (new.rowid, new.name, new.brand, new.reference, new.category);
END;
