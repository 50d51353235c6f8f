-- Price lists published by the central platform (decision 0013): which list applies where and when,
-- and its prices, one row a variant. Validity is kept in epoch milliseconds so SQL can compare it.
CREATE TABLE price_lists (
    id            TEXT PRIMARY KEY,
    name          TEXT NOT NULL,
    priority      INTEGER NOT NULL,
    store_ids     TEXT NOT NULL,          -- ",st-a,st-b," or "" for every store
    valid_from_ms INTEGER NOT NULL,
    valid_to_ms   INTEGER                 -- NULL: until withdrawn
);

CREATE TABLE list_prices (
    list_id     TEXT NOT NULL,
    variant_id  TEXT NOT NULL,
    price_cents INTEGER NOT NULL,
    PRIMARY KEY (list_id, variant_id)
) WITHOUT ROWID;

CREATE INDEX list_prices_by_variant ON list_prices(variant_id, list_id);

CREATE TRIGGER price_list_deleted AFTER DELETE ON price_lists BEGIN
    DELETE FROM list_prices WHERE list_id = old.id;
END;
