-- Schedules, enrollment history and waitlists, drop-in registrations, attendance with its
-- change log, and calendar feeds (SQLite). Dates are YYYY-MM-DD text, times RFC 3339 UTC.

-- offer_hours: 0 = a freed seat goes to the next person at once; otherwise they are offered
-- it for that many hours. billing_*: the organization's override of the default code.
ALTER TABLE groups ADD COLUMN offer_hours INTEGER NOT NULL DEFAULT 0;
ALTER TABLE groups ADD COLUMN billing_code TEXT NOT NULL DEFAULT '';
ALTER TABLE groups ADD COLUMN billing_modifier TEXT NOT NULL DEFAULT '';

CREATE TABLE schedules (
    id                 TEXT PRIMARY KEY,
    group_id           TEXT NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    days               TEXT NOT NULL, -- day codes, comma-separated, Monday first
    start_time         TEXT NOT NULL, -- HH:MM local
    duration_minutes   INTEGER NOT NULL,
    interval_weeks     INTEGER NOT NULL,
    first_date         TEXT NOT NULL,
    end_kind           TEXT NOT NULL CHECK (end_kind IN ('never', 'until', 'count')),
    until_date         TEXT,
    end_count          INTEGER,
    room               TEXT NOT NULL,
    created_at         TEXT NOT NULL,
    archived_at        TEXT,
    -- Sessions exist up to here; the background job extends it.
    materialized_until TEXT
) STRICT;
CREATE INDEX schedules_group_idx ON schedules (group_id);

-- No foreign key on schedule_id: schedules are archived, never deleted (a group's deletion
-- takes its sessions too), and the key's check doubled the cost of making a year of sessions.
ALTER TABLE group_sessions ADD COLUMN schedule_id TEXT;
ALTER TABLE group_sessions ADD COLUMN occurrence_date TEXT;
ALTER TABLE group_sessions ADD COLUMN moved INTEGER NOT NULL DEFAULT 0;
ALTER TABLE group_sessions ADD COLUMN room TEXT NOT NULL DEFAULT '';
-- One session per occurrence: the background job and a schedule edit can never both add it.
CREATE UNIQUE INDEX group_sessions_occurrence_key ON group_sessions (schedule_id, occurrence_date);

ALTER TABLE enrollments ADD COLUMN queue_position INTEGER;
ALTER TABLE enrollments ADD COLUMN offer_expires_at TEXT;
ALTER TABLE enrollments ADD COLUMN active_from TEXT;
ALTER TABLE enrollments ADD COLUMN active_until TEXT;
ALTER TABLE enrollments ADD COLUMN updated_at TEXT;
-- At most one current (requested, waitlisted or active) enrollment per person and group.
CREATE UNIQUE INDEX enrollments_one_current ON enrollments (group_id, account_id)
    WHERE status IN ('requested', 'waitlisted', 'active');
CREATE INDEX enrollments_offers_idx ON enrollments (offer_expires_at)
    WHERE offer_expires_at IS NOT NULL;

-- Append-only: every change of an enrollment, who made it and why.
CREATE TABLE enrollment_events (
    id            TEXT PRIMARY KEY,
    enrollment_id TEXT NOT NULL REFERENCES enrollments (id) ON DELETE CASCADE,
    action        TEXT NOT NULL,
    status        TEXT NOT NULL,
    actor_id      TEXT REFERENCES accounts (id) ON DELETE SET NULL,
    reason        TEXT NOT NULL,
    -- Orders the events of one change, which share their time.
    seq           INTEGER NOT NULL,
    at            TEXT NOT NULL
) STRICT;
CREATE INDEX enrollment_events_enrollment_idx ON enrollment_events (enrollment_id, at, seq);

CREATE TABLE session_registrations (
    session_id    TEXT NOT NULL REFERENCES group_sessions (id) ON DELETE CASCADE,
    account_id    TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    registered_at TEXT NOT NULL,
    cancelled_at  TEXT,
    PRIMARY KEY (session_id, account_id)
) STRICT;
CREATE INDEX session_registrations_account_idx ON session_registrations (account_id);

CREATE TABLE attendance (
    session_id TEXT NOT NULL REFERENCES group_sessions (id) ON DELETE CASCADE,
    account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    status     TEXT NOT NULL,
    minutes    INTEGER NOT NULL,
    source     TEXT NOT NULL CHECK (source IN ('staff', 'self')),
    marked_by  TEXT REFERENCES accounts (id) ON DELETE SET NULL,
    marked_at  TEXT NOT NULL,
    PRIMARY KEY (session_id, account_id)
) STRICT;
CREATE INDEX attendance_account_idx ON attendance (account_id, session_id);

-- Append-only: every mark and every change of one, with who, when and why.
CREATE TABLE attendance_changes (
    id         TEXT PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES group_sessions (id) ON DELETE CASCADE,
    account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    status     TEXT NOT NULL,
    minutes    INTEGER NOT NULL,
    source     TEXT NOT NULL CHECK (source IN ('staff', 'self')),
    changed_by TEXT REFERENCES accounts (id) ON DELETE SET NULL,
    changed_at TEXT NOT NULL,
    reason     TEXT NOT NULL
) STRICT;
CREATE INDEX attendance_changes_session_idx ON attendance_changes (session_id, changed_at);

CREATE TABLE calendar_feeds (
    id               TEXT PRIMARY KEY,
    account_id       TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    kind             TEXT NOT NULL CHECK (kind IN ('member', 'facilitator')),
    token_hash       TEXT NOT NULL UNIQUE,
    show_group_names INTEGER NOT NULL,
    created_at       TEXT NOT NULL,
    revoked_at       TEXT
) STRICT;
CREATE UNIQUE INDEX calendar_feeds_one_live ON calendar_feeds (account_id, kind)
    WHERE revoked_at IS NULL;
