-- Requests to join a group (the organization's intake queue), their history, and in-app
-- notifications (SQLite). Depends only on 0001 (accounts, organizations, groups).

CREATE TABLE intake_requests (
    id           TEXT PRIMARY KEY,
    org_id       TEXT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    group_id     TEXT NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    account_id   TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    name         TEXT NOT NULL,
    contact      TEXT NOT NULL,
    availability TEXT NOT NULL,
    -- The attached self-screening's answers as a JSON object, or NULL.
    screening    TEXT,
    status       TEXT NOT NULL
        CHECK (status IN ('new', 'contacted', 'accepted', 'referred', 'declined')),
    referral     TEXT NOT NULL,
    message      TEXT NOT NULL,
    -- The enrollment accepting led to: active or waitlisted; NULL otherwise (and drop-in).
    outcome      TEXT,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
) STRICT;
-- One open request per person and group.
CREATE UNIQUE INDEX intake_requests_one_open ON intake_requests (group_id, account_id)
    WHERE status IN ('new', 'contacted');
CREATE INDEX intake_requests_queue_idx ON intake_requests (org_id, status, created_at);
CREATE INDEX intake_requests_account_idx ON intake_requests (account_id, created_at);

-- Append-only: every step of a request, who took it, when and why.
CREATE TABLE intake_request_events (
    id         TEXT PRIMARY KEY,
    request_id TEXT NOT NULL REFERENCES intake_requests (id) ON DELETE CASCADE,
    action     TEXT NOT NULL,
    status     TEXT NOT NULL,
    actor_id   TEXT REFERENCES accounts (id) ON DELETE SET NULL,
    note       TEXT NOT NULL,
    -- Orders steps that share their time.
    seq        INTEGER NOT NULL,
    at         TEXT NOT NULL
) STRICT;
CREATE INDEX intake_request_events_request_idx ON intake_request_events (request_id, seq);

CREATE TABLE notifications (
    id         TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    text       TEXT NOT NULL,
    link       TEXT NOT NULL,
    created_at TEXT NOT NULL,
    read_at    TEXT
) STRICT;
CREATE INDEX notifications_account_idx ON notifications (account_id, created_at);
