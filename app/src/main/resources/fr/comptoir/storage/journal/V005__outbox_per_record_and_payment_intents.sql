-- The outbox keeps order per record rather than per store: a write waits only for the earlier writes of
-- the same record (order_key: a customer, a sale, a cart), so one write the platform keeps failing on
-- never blocks the others. A person may discard a refused write (DISCARDED, with who and why).
-- SQLite cannot change a CHECK constraint in place: the table is rebuilt, rows and ids kept.
CREATE TABLE outbox_v5 (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    journal_seq     INTEGER REFERENCES journal(seq),
    kind            TEXT NOT NULL,
    idempotency_key TEXT NOT NULL UNIQUE,
    order_key       TEXT NOT NULL,
    payload         TEXT NOT NULL,
    state           TEXT NOT NULL DEFAULT 'PENDING' CHECK (state IN ('PENDING', 'SENT', 'NEEDS_ATTENTION', 'DISCARDED')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    last_error      TEXT,
    next_attempt_at INTEGER NOT NULL DEFAULT 0,
    created_at      INTEGER NOT NULL,
    sent_at         INTEGER,
    response        TEXT,
    resolution      TEXT
);
INSERT INTO outbox_v5(id, journal_seq, kind, idempotency_key, order_key, payload, state, attempts, last_error, next_attempt_at,
                      created_at, sent_at, response)
SELECT id, journal_seq, kind, idempotency_key,
       CASE kind
           WHEN 'customer-created' THEN COALESCE(json_extract(payload, '$.localId'), idempotency_key)
           WHEN 'customer-note' THEN COALESCE(json_extract(payload, '$.customerId'), idempotency_key)
           WHEN 'customer-preferences' THEN COALESCE(json_extract(payload, '$.customerId'), idempotency_key)
           WHEN 'wishlist-add' THEN COALESCE(json_extract(payload, '$.customerId'), idempotency_key)
           WHEN 'wishlist-remove' THEN COALESCE(json_extract(payload, '$.customerId'), idempotency_key)
           WHEN 'sale-recorded' THEN COALESCE(json_extract(payload, '$.id'), idempotency_key)
           WHEN 'receipt-email' THEN COALESCE(json_extract(payload, '$.saleId'), idempotency_key)
           WHEN 'cart-continued' THEN COALESCE(json_extract(payload, '$.cartId'), idempotency_key)
           ELSE idempotency_key
       END,
       payload, state, attempts, last_error, next_attempt_at, created_at, sent_at, response
FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_v5 RENAME TO outbox;
CREATE INDEX outbox_by_state ON outbox(state, id);
CREATE INDEX outbox_by_order_key ON outbox(order_key, id);

-- Every payment of the sale being rung up, journaled before the terminal or the platform is asked
-- (ASKED), then settled (APPROVED with the payment, or REFUSED). After a crash an ASKED card payment is
-- looked up on the terminal, an ASKED gift card sent again with its key, never charged again.
CREATE TABLE payment_intents (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    sale_id      TEXT NOT NULL,
    tender       TEXT NOT NULL CHECK (tender IN ('CASH', 'CARD', 'GIFT_CARD')),
    amount_cents INTEGER NOT NULL,
    reference    TEXT NOT NULL UNIQUE,
    detail       TEXT,
    state        TEXT NOT NULL CHECK (state IN ('ASKED', 'APPROVED', 'REFUSED')),
    payment      TEXT,
    outcome      TEXT,
    created_at   INTEGER NOT NULL,
    resolved_at  INTEGER
);
CREATE INDEX payment_intents_by_sale ON payment_intents(sale_id, id);
