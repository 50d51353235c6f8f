-- Fiscal records are signed, each over its fields and its predecessor's signature, one chain per book
-- (decision 0031). Records written before this version stay as they were (signature NULL); the first
-- signed record of a chain names their digest as its predecessor, so they are part of the chain too.
ALTER TABLE fiscal_records ADD COLUMN key_id TEXT;
ALTER TABLE fiscal_records ADD COLUMN perpetual_cents INTEGER;
ALTER TABLE fiscal_records ADD COLUMN previous_signature TEXT;
ALTER TABLE fiscal_records ADD COLUMN signature TEXT;

-- The public halves of the keys this terminal signed with (the private halves stay in keys/).
CREATE TABLE fiscal_keys (
    key_id      TEXT PRIMARY KEY,
    public_key  TEXT NOT NULL,
    created_at  INTEGER NOT NULL
);
CREATE TRIGGER fiscal_keys_never_change BEFORE UPDATE ON fiscal_keys
BEGIN
    SELECT RAISE(ABORT, 'fiscal keys are never changed');
END;
CREATE TRIGGER fiscal_keys_never_deleted BEFORE DELETE ON fiscal_keys
BEGIN
    SELECT RAISE(ABORT, 'fiscal keys are never deleted');
END;

