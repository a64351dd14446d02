-- Hybrid attendance. Each stay of a member in a session's online room, from entering to
-- leaving; on the member's one attendance record, the minutes of it spent online; and a
-- third source of marks, the room. SQLite cannot change a CHECK in place, so the two
-- attendance tables are rebuilt with their rows and indexes.
CREATE TABLE room_visits (
    session_id TEXT NOT NULL REFERENCES group_sessions (id) ON DELETE CASCADE,
    account_id TEXT NOT NULL REFERENCES accounts (id),
    joined_at  TEXT NOT NULL,
    left_at    TEXT NOT NULL,
    PRIMARY KEY (session_id, account_id, joined_at)
) STRICT;

CREATE TABLE attendance_next (
    session_id     TEXT NOT NULL REFERENCES group_sessions (id) ON DELETE CASCADE,
    account_id     TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    status         TEXT NOT NULL,
    minutes        INTEGER NOT NULL,
    source         TEXT NOT NULL CHECK (source IN ('staff', 'self', 'room')),
    marked_by      TEXT REFERENCES accounts (id) ON DELETE SET NULL,
    marked_at      TEXT NOT NULL,
    online_minutes INTEGER NOT NULL DEFAULT 0 CHECK (online_minutes >= 0),
    PRIMARY KEY (session_id, account_id)
) STRICT;
INSERT INTO attendance_next (session_id, account_id, status, minutes, source, marked_by,
    marked_at)
SELECT session_id, account_id, status, minutes, source, marked_by, marked_at FROM attendance;
DROP TABLE attendance;
ALTER TABLE attendance_next RENAME TO attendance;
CREATE INDEX attendance_account_idx ON attendance (account_id, session_id, status, minutes, source);

CREATE TABLE attendance_changes_next (
    id         TEXT PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES group_sessions (id) ON DELETE CASCADE,
    account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    status     TEXT NOT NULL,
    minutes    INTEGER NOT NULL,
    source     TEXT NOT NULL CHECK (source IN ('staff', 'self', 'room')),
    changed_by TEXT REFERENCES accounts (id) ON DELETE SET NULL,
    changed_at TEXT NOT NULL,
    reason     TEXT NOT NULL
) STRICT;
INSERT INTO attendance_changes_next SELECT * FROM attendance_changes;
DROP TABLE attendance_changes;
ALTER TABLE attendance_changes_next RENAME TO attendance_changes;
CREATE INDEX attendance_changes_session_idx ON attendance_changes (session_id, changed_at);
