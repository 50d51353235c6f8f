-- What a terminal sends with each fiscal record: its signed place in its chain (Fiscal-Proof header), kept
-- with the write as it arrived; and the public keys terminals registered, to check those signatures with.
ALTER TABLE applied_writes ADD COLUMN fiscal_proof TEXT;
CREATE TABLE device_keys (
    device_id     TEXT NOT NULL,
    key_id        TEXT NOT NULL,
    algorithm     TEXT NOT NULL,
    public_key    TEXT NOT NULL,
    registered_at TEXT NOT NULL,
    PRIMARY KEY (device_id, key_id)
);
