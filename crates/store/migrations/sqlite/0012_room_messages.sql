-- Chat messages of sessions' rooms. Each has the room's next sequence number (no gaps) and
-- the sender's own id for it, so a retry finds the message instead of storing it twice.
-- The text and a facilitator's reason for hiding it are sealed, bound to the row id.
CREATE TABLE room_messages (
    id                   TEXT PRIMARY KEY,
    session_id           TEXT NOT NULL REFERENCES group_sessions (id) ON DELETE CASCADE,
    seq                  INTEGER NOT NULL CHECK (seq >= 1),
    client_id            TEXT NOT NULL,
    author_id            TEXT NOT NULL REFERENCES accounts (id),
    body_sealed          BLOB NOT NULL,
    sent_at              TEXT NOT NULL,
    hidden_by            TEXT REFERENCES accounts (id),
    hidden_reason_sealed BLOB,
    hidden_at            TEXT,
    UNIQUE (session_id, seq),
    UNIQUE (session_id, author_id, client_id)
) STRICT;
