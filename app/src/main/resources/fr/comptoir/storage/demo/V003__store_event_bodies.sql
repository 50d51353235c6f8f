-- Till events (voids, drawer openings, approvals) share the store events endpoint with staff events;
-- the whole event is kept for the head office's audit.
ALTER TABLE staff_events ADD COLUMN body TEXT;
