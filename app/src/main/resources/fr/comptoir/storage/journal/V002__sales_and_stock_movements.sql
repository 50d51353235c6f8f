-- Ticket numbers run without gaps per terminal: the counter moves in the same transaction as the sale.
CREATE TABLE ticket_counter (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    last INTEGER NOT NULL
);
INSERT INTO ticket_counter(id, last) VALUES (1, 0);

-- What this terminal sold, per variant, until the central platform has taken the sale.
CREATE TABLE stock_movements (
    sale_id     TEXT NOT NULL,
    variant_id  TEXT NOT NULL,
    store_id    TEXT NOT NULL,
    quantity    INTEGER NOT NULL,
    recorded_at INTEGER NOT NULL
);
CREATE INDEX stock_movements_by_sale ON stock_movements(sale_id);
