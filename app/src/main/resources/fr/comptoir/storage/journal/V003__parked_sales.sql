-- Baskets set aside at this till, to be taken up again; the store's own work, so kept with the journal.
CREATE TABLE parked_sales (
    id        TEXT PRIMARY KEY,
    parked_at TEXT NOT NULL,
    body      TEXT NOT NULL
);
