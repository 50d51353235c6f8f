CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- Every record of every feed as its contract JSON; body NULL is a tombstone. seq is global and grows on every change.
CREATE TABLE docs (
    feed TEXT NOT NULL,
    id   TEXT NOT NULL,
    seq  INTEGER NOT NULL,
    body TEXT,
    PRIMARY KEY (feed, id)
) WITHOUT ROWID;
CREATE INDEX docs_by_seq ON docs(feed, seq);

CREATE TABLE activation_codes (
    code     TEXT PRIMARY KEY,
    store_id TEXT NOT NULL
);

CREATE TABLE devices (
    id           TEXT PRIMARY KEY,
    store_id     TEXT NOT NULL,
    name         TEXT,
    token        TEXT NOT NULL UNIQUE,
    activated_at TEXT NOT NULL
);

-- Answers already given per Idempotency-Key, replayed when the same request comes again.
CREATE TABLE idempotency (
    key          TEXT PRIMARY KEY,
    request_hash TEXT NOT NULL,
    status       INTEGER NOT NULL,
    body         TEXT NOT NULL,
    created_at   TEXT NOT NULL
);

CREATE TABLE staff_events (
    id          TEXT PRIMARY KEY,
    store_id    TEXT NOT NULL,
    staff_id    TEXT NOT NULL,
    device_id   TEXT NOT NULL,
    type        TEXT NOT NULL,
    occurred_at TEXT NOT NULL,
    received_at TEXT NOT NULL
);
