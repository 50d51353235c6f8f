-- Records carry the version of the form they are written in (0: before formats were numbered; see
-- RecordFormat and decision 0025), so that a record reads the same in years and a later version knows
-- what it holds.
ALTER TABLE journal ADD COLUMN format INTEGER NOT NULL DEFAULT 0;
ALTER TABLE outbox ADD COLUMN payload_format INTEGER NOT NULL DEFAULT 0;
-- How far a multi-step write went on a platform without idempotency keys (WriteProgress); NULL: not started.
ALTER TABLE outbox ADD COLUMN checkpoint TEXT;
-- Which fiscal record an outbox entry sends, when it sends one (journal_seq is then NULL).
ALTER TABLE outbox ADD COLUMN fiscal_chain TEXT;
ALTER TABLE outbox ADD COLUMN fiscal_seq INTEGER;

-- Fiscal records (tickets; technical events of the till) apart from clienteling writes: one book per
-- chain, numbered without gaps, never changed nor deleted. Issue 13 adds the signature of each record
-- over its fields and the previous record's signature.
CREATE TABLE fiscal_records (
    chain       TEXT NOT NULL,
    seq         INTEGER NOT NULL,
    recorded_at INTEGER NOT NULL,
    kind        TEXT NOT NULL,
    staff_id    TEXT,
    format      INTEGER NOT NULL,
    body        TEXT NOT NULL,
    PRIMARY KEY (chain, seq)
);
CREATE TRIGGER fiscal_records_never_change BEFORE UPDATE ON fiscal_records
BEGIN
    SELECT RAISE(ABORT, 'fiscal records are never changed');
END;
CREATE TRIGGER fiscal_records_never_deleted BEFORE DELETE ON fiscal_records
BEGIN
    SELECT RAISE(ABORT, 'fiscal records are never deleted');
END;

-- The fiscal records written so far move to their books, in their order, with the format they had.
CREATE TEMP TABLE moved AS
SELECT seq AS journal_seq,
       CASE WHEN kind = 'sale.completed' THEN 'TICKETS' ELSE 'TECHNICAL' END AS chain,
       ROW_NUMBER() OVER (PARTITION BY CASE WHEN kind = 'sale.completed' THEN 'TICKETS' ELSE 'TECHNICAL' END ORDER BY journal.seq) AS seq,
       recorded_at, kind, staff_id, payload
FROM journal
WHERE kind = 'sale.completed' OR kind LIKE 'staff.%' OR kind LIKE 'till.%' OR kind LIKE 'outbox.%';
INSERT INTO fiscal_records(chain, seq, recorded_at, kind, staff_id, format, body)
SELECT chain, seq, recorded_at, kind, staff_id, 0, payload FROM moved ORDER BY journal_seq;
UPDATE outbox SET fiscal_chain = (SELECT m.chain FROM moved m WHERE m.journal_seq = outbox.journal_seq),
                  fiscal_seq = (SELECT m.seq FROM moved m WHERE m.journal_seq = outbox.journal_seq),
                  journal_seq = NULL
WHERE journal_seq IN (SELECT journal_seq FROM moved);
DELETE FROM journal WHERE seq IN (SELECT journal_seq FROM moved);
DROP TABLE moved;
CREATE INDEX outbox_by_fiscal_record ON outbox(fiscal_chain, fiscal_seq);
