-- The audit trail (SQLite): one hash chain of events for the whole database, and its head.
-- No foreign keys: an event outlives the accounts and organizations it names.

CREATE TABLE audit_events (
    -- 1, 2, 3, … with no gaps; the rowid.
    seq         INTEGER PRIMARY KEY,
    -- RFC 3339 with six fractional digits and Z: the very text the hash covers.
    at          TEXT NOT NULL,
    actor_id    TEXT,
    org_id      TEXT,
    member_id   TEXT,
    action      TEXT NOT NULL,
    object_kind TEXT NOT NULL,
    object_id   TEXT NOT NULL,
    outcome     TEXT NOT NULL,
    request_id  TEXT NOT NULL,
    client_addr TEXT NOT NULL,
    -- SHA-256 of the event before (32 zero bytes for the first) and of this one.
    prev_hash   BLOB NOT NULL,
    hash        BLOB NOT NULL
) STRICT;
-- The organization's view, newest first. Its filters by member and by actor read along
-- this index: every page view writes an event, and each index more costs every one of them
-- (the chart benchmark measured it), while the view is read now and then.
CREATE INDEX audit_events_org_idx ON audit_events (org_id, seq DESC);

-- The last event's sequence number and hash, in one row of its own: removing the newest
-- events leaves it pointing past the end of the chain.
CREATE TABLE audit_head (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    seq  INTEGER NOT NULL,
    hash BLOB NOT NULL
) STRICT;
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, zeroblob(32));
