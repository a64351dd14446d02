-- Kindred foundation (SQLite): the same tables as on PostgreSQL. Timestamps are RFC 3339 text
-- in UTC, which sorts in time order; booleans are 0/1.

CREATE TABLE accounts (
    id            TEXT PRIMARY KEY,
    email         TEXT NOT NULL,
    display_name  TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    CONSTRAINT accounts_email_key UNIQUE (email)
) STRICT;

CREATE TABLE auth_sessions (
    id                TEXT PRIMARY KEY,
    account_id        TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    token_hash        TEXT NOT NULL,
    csrf_token        TEXT NOT NULL,
    created_at        TEXT NOT NULL,
    last_seen_at      TEXT NOT NULL,
    idle_timeout_secs INTEGER NOT NULL,
    CONSTRAINT auth_sessions_token_hash_key UNIQUE (token_hash)
) STRICT;
CREATE INDEX auth_sessions_account_idx ON auth_sessions (account_id);

CREATE TABLE api_tokens (
    id           TEXT PRIMARY KEY,
    account_id   TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    name         TEXT NOT NULL,
    token_hash   TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    last_used_at TEXT,
    revoked_at   TEXT,
    CONSTRAINT api_tokens_token_hash_key UNIQUE (token_hash)
) STRICT;
CREATE INDEX api_tokens_account_idx ON api_tokens (account_id, created_at);

CREATE TABLE setup_tokens (
    token_hash TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    used_at    TEXT
) STRICT;

-- archived_at is not in the domain yet; public listings already honour it.
CREATE TABLE organizations (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    archived_at TEXT
) STRICT;

CREATE TABLE org_staff (
    org_id     TEXT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    role       TEXT NOT NULL,
    PRIMARY KEY (org_id, account_id)
) STRICT;
CREATE INDEX org_staff_account_idx ON org_staff (account_id);

-- UNIQUE (org_id, id) lets groups reference a program or location of their own organization only.
CREATE TABLE programs (
    id            TEXT PRIMARY KEY,
    org_id        TEXT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    name          TEXT NOT NULL,
    level_of_care TEXT NOT NULL,
    part2         INTEGER NOT NULL,
    description   TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    archived_at   TEXT,
    UNIQUE (org_id, id)
) STRICT;

CREATE TABLE locations (
    id          TEXT PRIMARY KEY,
    org_id      TEXT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL,
    address     TEXT NOT NULL,
    city        TEXT NOT NULL,
    postcode    TEXT NOT NULL,
    latitude    REAL,
    longitude   REAL,
    created_at  TEXT NOT NULL,
    archived_at TEXT,
    UNIQUE (org_id, id)
) STRICT;

CREATE TABLE groups (
    id          TEXT PRIMARY KEY,
    org_id      TEXT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    program_id  TEXT NOT NULL,
    location_id TEXT NOT NULL,
    name        TEXT NOT NULL,
    description TEXT NOT NULL,
    kind        TEXT NOT NULL,
    enrollment  TEXT NOT NULL,
    format      TEXT NOT NULL,
    capacity    INTEGER NOT NULL,
    min_size    INTEGER NOT NULL,
    language    TEXT NOT NULL,
    time_zone   TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    archived_at TEXT,
    FOREIGN KEY (org_id, program_id) REFERENCES programs (org_id, id),
    FOREIGN KEY (org_id, location_id) REFERENCES locations (org_id, id)
) STRICT;
CREATE INDEX groups_org_idx ON groups (org_id);
CREATE INDEX groups_program_idx ON groups (org_id, program_id);
CREATE INDEX groups_location_idx ON groups (org_id, location_id);

-- Focus areas, payment options and audiences: one table for the three vocabularies.
CREATE TABLE group_tags (
    group_id TEXT NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    tag_kind TEXT NOT NULL CHECK (tag_kind IN ('focus_area', 'payment_option', 'audience')),
    value    TEXT NOT NULL,
    PRIMARY KEY (group_id, tag_kind, value)
) STRICT;

CREATE TABLE group_facilitators (
    group_id   TEXT NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    account_id TEXT NOT NULL REFERENCES accounts (id),
    role       TEXT NOT NULL,
    lead       INTEGER NOT NULL,
    PRIMARY KEY (group_id, account_id)
) STRICT;
CREATE UNIQUE INDEX group_facilitators_one_lead ON group_facilitators (group_id) WHERE lead;
CREATE INDEX group_facilitators_account_idx ON group_facilitators (account_id);

CREATE TABLE group_sessions (
    id            TEXT PRIMARY KEY,
    group_id      TEXT NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    starts_at     TEXT NOT NULL,
    ends_at       TEXT NOT NULL,
    status        TEXT NOT NULL,
    cancel_reason TEXT NOT NULL
) STRICT;
-- Serves "sessions of a group from a time" and "its next session" in order, without a sort.
CREATE INDEX group_sessions_group_starts_idx ON group_sessions (group_id, starts_at, id);

CREATE TABLE enrollments (
    id         TEXT PRIMARY KEY,
    group_id   TEXT NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    status     TEXT NOT NULL,
    created_at TEXT NOT NULL
) STRICT;
CREATE INDEX enrollments_account_idx ON enrollments (account_id);
CREATE INDEX enrollments_group_status_idx ON enrollments (group_id, status);
