-- The organization's index of audit events in ascending order. Each event's sequence number
-- is the highest yet, so an ascending entry always goes at the end of its organization's
-- range, where the index appends without moving entries; descending, it went at the start
-- and split pages there. The audit view reads the index backwards, newest first, as before.
DROP INDEX audit_events_org_idx;
CREATE INDEX audit_events_org_idx ON audit_events (org_id, seq);
