-- Group notes (SQLite): one per held session, with one member note per attending member
-- and addenda after signing. Every column of note text is sealed (XChaCha20-Poly1305,
-- row id as associated data) before it reaches this file.

CREATE TABLE group_notes (
    session_id        TEXT PRIMARY KEY REFERENCES group_sessions (id) ON DELETE CASCADE,
    org_id            TEXT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    group_id          TEXT NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    author_id         TEXT NOT NULL REFERENCES accounts (id),
    status            TEXT NOT NULL CHECK (status IN ('draft', 'awaiting_cosign', 'signed')),
    topic             BLOB NOT NULL,
    techniques        BLOB NOT NULL,
    themes            BLOB NOT NULL,
    observations      BLOB NOT NULL,
    participant_count INTEGER NOT NULL,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    signed_at         TEXT,
    cosigned_by       TEXT REFERENCES accounts (id),
    cosigned_at       TEXT
) STRICT;
CREATE INDEX group_notes_org_status_idx ON group_notes (org_id, status);

CREATE TABLE member_notes (
    id         TEXT PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES group_notes (session_id) ON DELETE CASCADE,
    member_id  TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    data       BLOB NOT NULL,
    assessment BLOB NOT NULL,
    plan       BLOB NOT NULL,
    response   BLOB NOT NULL,
    risk_level TEXT CHECK (risk_level IN ('none', 'low', 'moderate', 'high')),
    risk_notes BLOB NOT NULL,
    UNIQUE (session_id, member_id)
) STRICT;
CREATE INDEX member_notes_member_idx ON member_notes (member_id);

-- Append-only corrections of signed member notes.
CREATE TABLE note_addenda (
    id             TEXT PRIMARY KEY,
    member_note_id TEXT NOT NULL REFERENCES member_notes (id) ON DELETE CASCADE,
    author_id      TEXT NOT NULL REFERENCES accounts (id),
    body           BLOB NOT NULL,
    created_at     TEXT NOT NULL
) STRICT;
CREATE INDEX note_addenda_note_idx ON note_addenda (member_note_id, created_at);
