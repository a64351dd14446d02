-- Hybrid attendance. Each stay of a member in a session's online room, from entering to
-- leaving; on the member's one attendance record, the minutes of it spent online; and a
-- third source of marks, the room.
CREATE TABLE room_visits (
    session_id TEXT NOT NULL REFERENCES group_sessions (id) ON DELETE CASCADE,
    account_id TEXT NOT NULL REFERENCES accounts (id),
    joined_at  TIMESTAMPTZ NOT NULL,
    left_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (session_id, account_id, joined_at)
);
ALTER TABLE attendance ADD COLUMN online_minutes INTEGER NOT NULL DEFAULT 0
    CHECK (online_minutes >= 0);
ALTER TABLE attendance DROP CONSTRAINT attendance_source_check,
    ADD CONSTRAINT attendance_source_check CHECK (source IN ('staff', 'self', 'room'));
ALTER TABLE attendance_changes DROP CONSTRAINT attendance_changes_source_check,
    ADD CONSTRAINT attendance_changes_source_check CHECK (source IN ('staff', 'self', 'room'));
