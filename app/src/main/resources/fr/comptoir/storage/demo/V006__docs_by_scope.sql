-- How many changes are left after a cursor, counted from this index alone, store scope by store scope:
-- the first page of a large feed no longer waits seconds for its "remaining" (issue 14).
CREATE INDEX docs_by_scope_seq ON docs(feed, scope, seq);
