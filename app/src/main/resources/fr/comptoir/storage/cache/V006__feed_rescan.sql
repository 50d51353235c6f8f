-- After the platform says a feed's cursor expired (410), the feed is read again from the start; the
-- ids seen during that re-read are kept here, and at its last page the records not seen again (deleted
-- centrally meanwhile) are removed from the cache.
ALTER TABLE sync_state ADD COLUMN rescanning INTEGER NOT NULL DEFAULT 0;

CREATE TABLE feed_rescan_seen (
    feed TEXT NOT NULL,
    id   TEXT NOT NULL,
    PRIMARY KEY (feed, id)
) WITHOUT ROWID;
