-- Safety alerts (crisis language in a room, later questionnaire answers): open until someone
-- who must act acknowledges them. The acknowledgement's note is sealed, bound to the row id.
CREATE TABLE alerts (
    id               TEXT PRIMARY KEY,
    org_id           TEXT NOT NULL REFERENCES organizations (id),
    group_id         TEXT NOT NULL REFERENCES groups (id),
    session_id       TEXT REFERENCES group_sessions (id) ON DELETE SET NULL,
    member_id        TEXT NOT NULL REFERENCES accounts (id),
    source           TEXT NOT NULL,
    message_seq      BIGINT,
    category         TEXT NOT NULL,
    raised_at        TIMESTAMPTZ NOT NULL,
    acknowledged_by  TEXT REFERENCES accounts (id),
    acknowledged_at  TIMESTAMPTZ,
    ack_note_sealed  BYTEA
);
-- The organization's list: open ones first, newest first.
CREATE INDEX alerts_org_idx ON alerts (org_id, raised_at);
