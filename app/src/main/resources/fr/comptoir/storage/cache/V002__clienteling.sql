-- Clienteling data from the central platform: preferences and wishlist on the customer, notes apart.
ALTER TABLE customers ADD COLUMN preferences_json TEXT;
ALTER TABLE customers ADD COLUMN wishlist_json TEXT;
ALTER TABLE customers ADD COLUMN local_id TEXT;
CREATE INDEX customers_by_local_id ON customers(local_id) WHERE local_id IS NOT NULL;

CREATE TABLE customer_notes (
    id              TEXT PRIMARY KEY,
    customer_id     TEXT NOT NULL,
    text            TEXT NOT NULL,
    author_staff_id TEXT,
    author_name     TEXT,
    store_id        TEXT,
    created_at      TEXT NOT NULL
);
CREATE INDEX customer_notes_by_customer ON customer_notes(customer_id, created_at);

-- Open online carts, kept so that the last copy can be shown (with its age) when offline.
CREATE TABLE online_carts (
    id          TEXT PRIMARY KEY,
    customer_id TEXT NOT NULL,
    body        TEXT NOT NULL,
    fetched_at  INTEGER NOT NULL
);
CREATE INDEX online_carts_by_customer ON online_carts(customer_id);
