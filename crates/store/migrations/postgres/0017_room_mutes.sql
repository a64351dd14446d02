-- A facilitator's mute outlives the server process that held the room, like a removal: a
-- restart must not let a muted member post before their time is up.
CREATE TABLE room_mutes (
    session_id TEXT NOT NULL REFERENCES group_sessions (id) ON DELETE CASCADE,
    account_id TEXT NOT NULL REFERENCES accounts (id),
    until      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (session_id, account_id)
);
