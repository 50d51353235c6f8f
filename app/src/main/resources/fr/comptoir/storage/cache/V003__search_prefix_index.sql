-- Type-ahead sends one-letter words too ("martin h"): index prefixes of 1 to 3 characters so that
-- they stay instant on a million customers.
DROP TRIGGER customers_fts_insert;
DROP TRIGGER customers_fts_delete;
DROP TRIGGER customers_fts_update;
DROP TABLE customers_fts;
CREATE VIRTUAL TABLE customers_fts USING fts5(
    first_name, last_name, email, content='customers', content_rowid='rowid',
    tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3'
);
INSERT INTO customers_fts(customers_fts) VALUES ('rebuild');
CREATE TRIGGER customers_fts_insert AFTER INSERT ON customers BEGIN
    INSERT INTO customers_fts(rowid, first_name, last_name, email) VALUES (new.rowid, new.first_name, new.last_name, new.email);
END;
CREATE TRIGGER customers_fts_delete AFTER DELETE ON customers BEGIN
    INSERT INTO customers_fts(customers_fts, rowid, first_name, last_name, email) VALUES ('delete', old.rowid, old.first_name, old.last_name, old.email);
END;
CREATE TRIGGER customers_fts_update AFTER UPDATE ON customers BEGIN
    INSERT INTO customers_fts(customers_fts, rowid, first_name, last_name, email) VALUES ('delete', old.rowid, old.first_name, old.last_name, old.email);
    INSERT INTO customers_fts(rowid, first_name, last_name, email) VALUES (new.rowid, new.first_name, new.last_name, new.email);
END;
