-- The terminal's own settings (activation, language, lock delay).
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- Everything done at this terminal, in order, append-only.
CREATE TABLE journal (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    recorded_at INTEGER NOT NULL,
    kind        TEXT NOT NULL,
    staff_id    TEXT,
    payload     TEXT NOT NULL
);

-- What the central platform still has to learn, written in the same transaction as its journal record.
CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    journal_seq     INTEGER REFERENCES journal(seq),
    kind            TEXT NOT NULL,
    idempotency_key TEXT NOT NULL UNIQUE,
    payload         TEXT NOT NULL,
    state           TEXT NOT NULL DEFAULT 'PENDING' CHECK (state IN ('PENDING', 'SENT', 'NEEDS_ATTENTION')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    last_error      TEXT,
    next_attempt_at INTEGER NOT NULL DEFAULT 0,
    created_at      INTEGER NOT NULL,
    sent_at         INTEGER,
    response        TEXT
);
CREATE INDEX outbox_by_state ON outbox(state, id);
