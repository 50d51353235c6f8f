-- The till's cash sessions (opened with a float counted by denomination, closed by a TILL closing) and the
-- cash put in or taken out during them. The fiscal facts (events, closings) are in the signed chains; these
-- rows say what is open now and what moved, for the expected cash (decision 0032).
CREATE TABLE cash_sessions (
    id               TEXT PRIMARY KEY,
    body             TEXT NOT NULL,
    after_ticket_seq INTEGER NOT NULL,
    opened_at        INTEGER NOT NULL,
    closed_at        INTEGER
);
CREATE UNIQUE INDEX one_open_cash_session ON cash_sessions((1)) WHERE closed_at IS NULL;
CREATE TABLE cash_movements (
    id          TEXT PRIMARY KEY,
    session_id  TEXT NOT NULL REFERENCES cash_sessions(id),
    body        TEXT NOT NULL
);
