-- Returns counter: a refund on the online payment of a web or app order (tender ONLINE), or as store credit
-- (STORE_CREDIT), is journaled like any other payment of the ticket. SQLite cannot change a CHECK constraint: the table is copied whole into
-- one that allows it, in the migration's transaction (every row, its id and its sequence kept).
CREATE TABLE payment_intents_v7 (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    sale_id      TEXT NOT NULL,
    tender       TEXT NOT NULL CHECK (tender IN ('CASH', 'CARD', 'GIFT_CARD', 'ONLINE', 'STORE_CREDIT')),
    amount_cents INTEGER NOT NULL,
    reference    TEXT NOT NULL UNIQUE,
    detail       TEXT,
    state        TEXT NOT NULL CHECK (state IN ('ASKED', 'APPROVED', 'REFUSED')),
    payment      TEXT,
    outcome      TEXT,
    created_at   INTEGER NOT NULL,
    resolved_at  INTEGER
);
INSERT INTO payment_intents_v7(id, sale_id, tender, amount_cents, reference, detail, state, payment, outcome, created_at, resolved_at)
    SELECT id, sale_id, tender, amount_cents, reference, detail, state, payment, outcome, created_at, resolved_at FROM payment_intents;
DROP TABLE payment_intents;
ALTER TABLE payment_intents_v7 RENAME TO payment_intents;
CREATE INDEX payment_intents_by_sale ON payment_intents(sale_id, id);
