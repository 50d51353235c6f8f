-- A feed's first load writes its tables without their secondary indexes and full-text triggers, which are
-- built once at its last page (decision 0034). What was set aside is kept here, in the same transaction as
-- the page that set it aside, so that a load stopped at any point resumes and still ends with them built.
CREATE TABLE deferred_schema (
    name TEXT PRIMARY KEY,
    feed TEXT NOT NULL,
    type TEXT NOT NULL,
    sql  TEXT NOT NULL
);
