-- What a facilitator decided in a room outlives the server process that held the room:
-- members removed from a session's room, and a room ended before its time.
CREATE TABLE room_removals (
    session_id TEXT NOT NULL REFERENCES group_sessions (id) ON DELETE CASCADE,
    account_id TEXT NOT NULL REFERENCES accounts (id),
    removed_by TEXT REFERENCES accounts (id) ON DELETE SET NULL,
    removed_at TEXT NOT NULL,
    PRIMARY KEY (session_id, account_id)
) STRICT;
CREATE TABLE room_ends (
    session_id TEXT PRIMARY KEY REFERENCES group_sessions (id) ON DELETE CASCADE,
    ended_by   TEXT REFERENCES accounts (id) ON DELETE SET NULL,
    ended_at   TEXT NOT NULL
) STRICT;
