-- Every write the platform applied (not the replays of an idempotency key), in order: what tests and the
-- crash harness count to prove that nothing arrived twice, whatever a duplicate would overwrite elsewhere.
CREATE TABLE applied_writes (
    seq       INTEGER PRIMARY KEY AUTOINCREMENT,
    method    TEXT NOT NULL,
    path      TEXT NOT NULL,
    device_id TEXT NOT NULL,
    key       TEXT NOT NULL,
    body      TEXT NOT NULL,
    status    INTEGER NOT NULL
);
CREATE INDEX applied_writes_by_path ON applied_writes(path);
