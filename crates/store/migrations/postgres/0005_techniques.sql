-- The technique library's plans of each organization (built-in plans live in the code) and
-- the plans attached to sessions (PostgreSQL). Depends on 0001 and 0002 (group_sessions).

CREATE TABLE techniques (
    id         TEXT PRIMARY KEY,
    org_id     TEXT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    kind       TEXT NOT NULL,
    title      TEXT NOT NULL,
    -- Purpose, minutes, sections, timed steps and response prompt: a JSON object.
    content    TEXT NOT NULL,
    archived   BOOLEAN NOT NULL DEFAULT FALSE,
    created_by TEXT REFERENCES accounts (id) ON DELETE SET NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX techniques_org_idx ON techniques (org_id, title);

-- One plan attached to one session, in order. The snapshot is the whole plan as it was
-- when attached (JSON), so later library edits never change a past session's plan.
CREATE TABLE session_plan_items (
    id           TEXT PRIMARY KEY,
    session_id   TEXT NOT NULL REFERENCES group_sessions (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    -- The library plan it came from: a built-in id (no row) or an organization's own plan.
    technique_id TEXT,
    snapshot     TEXT NOT NULL,
    added_by     TEXT REFERENCES accounts (id) ON DELETE SET NULL,
    added_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX session_plan_items_session_idx ON session_plan_items (session_id, position);
