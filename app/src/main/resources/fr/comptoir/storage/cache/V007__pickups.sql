-- This store's click-and-collect queue (feed "pickups"), whole records in canonical JSON, with the columns
-- the desk searches and sorts by. Search keys are folded at write time (no accents, lower case; phone numbers
-- as their national digits), so that a search reads one table. The pickup code is never here: only the
-- 4-character bucket that finds its order (decision 0028).
CREATE TABLE pickups (
    id              TEXT PRIMARY KEY,
    number          TEXT NOT NULL,
    number_folded   TEXT NOT NULL,
    store_id        TEXT NOT NULL,
    status          TEXT NOT NULL,
    customer_folded TEXT NOT NULL,
    phone_digits    TEXT,
    email           TEXT,
    code_bucket     TEXT,
    promised_at     TEXT,
    expires_at      TEXT,
    last_handover_at TEXT,
    body            TEXT NOT NULL
);
CREATE INDEX pickups_by_status ON pickups(status, promised_at);
CREATE INDEX pickups_by_bucket ON pickups(code_bucket);
CREATE INDEX pickups_by_number ON pickups(number_folded);
