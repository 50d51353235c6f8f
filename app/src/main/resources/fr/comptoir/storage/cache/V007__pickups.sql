-- This store's click-and-collect queue (feed "pickups"). The narrow table holds what the desk searches, sorts
-- and lists by, folded at write time (no accents, lower case; phone numbers as their canonical digits), so that
-- a search scans small rows; the whole record (canonical JSON) is apart, read when one order is opened. The
-- pickup code is never here: only the 4-character bucket that finds its order (decision 0028).
CREATE TABLE pickups (
    id               TEXT PRIMARY KEY,
    number           TEXT NOT NULL,
    number_folded    TEXT NOT NULL,
    status           TEXT NOT NULL,
    customer_name    TEXT NOT NULL,
    customer_folded  TEXT NOT NULL,
    phone_digits     TEXT,
    email            TEXT,
    code_bucket      TEXT,
    promised_at      TEXT,
    expires_at       TEXT,
    last_handover_at TEXT,
    shelf            TEXT,
    units            INTEGER NOT NULL,
    open_units       INTEGER NOT NULL
);
CREATE INDEX pickups_by_status ON pickups(status, promised_at);
CREATE INDEX pickups_by_bucket ON pickups(code_bucket);
CREATE INDEX pickups_by_number ON pickups(number_folded);

CREATE TABLE pickup_records (
    id   TEXT PRIMARY KEY,
    body TEXT NOT NULL
);

-- A pickup deleted by its feed (or purged after a re-read) takes its record with it.
CREATE TRIGGER pickups_delete AFTER DELETE ON pickups BEGIN
    DELETE FROM pickup_records WHERE id = old.id;
END;
