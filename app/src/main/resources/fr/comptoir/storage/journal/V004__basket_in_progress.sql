-- The sale being rung up at this till, saved at every change so that a crash or a power cut loses
-- no basket; one row at most, deleted when the sale is paid, voided or parked.
CREATE TABLE basket_in_progress (
    till     INTEGER PRIMARY KEY CHECK (till = 1),
    saved_at TEXT NOT NULL,
    body     TEXT NOT NULL
);
