-- Group agreements: each organization's versions (1, 2, 3, …; never changed once stored)
-- and who signed which. Version 1 is Kindred's default text, stored on first use.
CREATE TABLE agreement_versions (
    org_id       TEXT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    version      INTEGER NOT NULL CHECK (version >= 1),
    title        TEXT NOT NULL,
    body         TEXT NOT NULL,
    published_at TIMESTAMPTZ NOT NULL,
    -- NULL for Kindred's default text.
    published_by TEXT REFERENCES accounts (id) ON DELETE SET NULL,
    PRIMARY KEY (org_id, version)
);

CREATE TABLE agreement_signatures (
    org_id     TEXT NOT NULL,
    version    INTEGER NOT NULL,
    account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    typed_name TEXT NOT NULL,
    signed_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (org_id, account_id, version),
    FOREIGN KEY (org_id, version) REFERENCES agreement_versions (org_id, version) ON DELETE CASCADE
);
-- The organization's list of signatures, newest first.
CREATE INDEX agreement_signatures_org_idx ON agreement_signatures (org_id, signed_at);
