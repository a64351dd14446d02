-- The public directory (PostgreSQL): one row per listed group with everything the search
-- filters and ranks on, a weighted tsvector with a GIN index for the text, and triggers that
-- keep the rows in step with the tables they derive from, inside the writing transaction.

-- Each vocabulary code with its bit (its position in the domain's list) and its label. A
-- store test checks this table against the domain's vocabularies.
CREATE TABLE directory_codes (
    facet TEXT NOT NULL,
    code  TEXT NOT NULL,
    bit   BIGINT NOT NULL,
    label TEXT NOT NULL,
    PRIMARY KEY (facet, code)
);

INSERT INTO directory_codes (facet, code, bit, label) VALUES
    ('focus_area', 'depression', 1, 'Depression'),
    ('focus_area', 'anxiety', 2, 'Anxiety'),
    ('focus_area', 'alcohol_use', 4, 'Alcohol use'),
    ('focus_area', 'substance_use', 8, 'Substance use'),
    ('focus_area', 'opioid_use', 16, 'Opioid use'),
    ('focus_area', 'co_occurring', 32, 'Co-occurring mental health and substance use'),
    ('focus_area', 'trauma', 64, 'Trauma and PTSD'),
    ('focus_area', 'grief', 128, 'Grief and loss'),
    ('focus_area', 'bipolar', 256, 'Bipolar disorder'),
    ('focus_area', 'stress', 512, 'Stress'),
    ('focus_area', 'anger_management', 1024, 'Anger management'),
    ('focus_area', 'relationships', 2048, 'Relationships and family'),
    ('focus_area', 'relapse_prevention', 4096, 'Relapse prevention'),
    ('focus_area', 'emotion_regulation', 8192, 'Emotion regulation (DBT skills)'),
    ('focus_area', 'self_esteem', 16384, 'Self-esteem'),
    ('payment_option', 'medicaid', 1, 'Medicaid'),
    ('payment_option', 'medicare', 2, 'Medicare'),
    ('payment_option', 'private_insurance', 4, 'Private insurance'),
    ('payment_option', 'sliding_scale', 8, 'Sliding scale'),
    ('payment_option', 'free', 16, 'Free'),
    ('audience', 'adults', 1, 'Adults'),
    ('audience', 'young_adults', 2, 'Young adults (18–25)'),
    ('audience', 'teens', 4, 'Teens (13–17)'),
    ('audience', 'older_adults', 8, 'Older adults (60+)'),
    ('audience', 'women', 16, 'Women'),
    ('audience', 'men', 32, 'Men'),
    ('audience', 'lgbtq', 64, 'LGBTQ+'),
    ('audience', 'veterans', 128, 'Veterans'),
    ('audience', 'parents', 256, 'Parents'),
    ('audience', 'family_members', 512, 'Family members and friends'),
    ('format', 'in_person', 1, 'In person'),
    ('format', 'online', 2, 'Online'),
    ('format', 'hybrid', 4, 'In person or online'),
    ('care', 'peer_support', 1, 'Peer support'),
    ('care', 'outpatient', 2, 'Outpatient'),
    ('care', 'intensive_outpatient', 4, 'Intensive outpatient'),
    ('care', 'partial_hospitalization', 8, 'Partial hospitalization'),
    ('day', 'mon', 1, 'Monday'),
    ('day', 'tue', 2, 'Tuesday'),
    ('day', 'wed', 4, 'Wednesday'),
    ('day', 'thu', 8, 'Thursday'),
    ('day', 'fri', 16, 'Friday'),
    ('day', 'sat', 32, 'Saturday'),
    ('day', 'sun', 64, 'Sunday');

-- Great-circle distance in kilometres (haversine), the same formula as the domain's and as
-- the function the SQLite store registers under this name. Not STRICT, so the planner inlines
-- it (a STRICT SQL function whose body it cannot prove strict runs through the function
-- executor, about 9 µs a call); NULL coordinates give NULL all the same.
CREATE OR REPLACE FUNCTION directory_km(lat1 DOUBLE PRECISION, lon1 DOUBLE PRECISION,
    lat2 DOUBLE PRECISION, lon2 DOUBLE PRECISION) RETURNS DOUBLE PRECISION
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT 2 * 6371.0088 * asin(least(1.0, sqrt(
        power(sin(radians(lat2 - lat1) / 2), 2)
        + cos(radians(lat1)) * cos(radians(lat2)) * power(sin(radians(lon2 - lon1) / 2), 2))))
$$;

-- One row per listed group: not archived, nor its program or organization. Days and times
-- come from the group's schedules that are not archived; times of day from their local start
-- (the group's own zone): morning (bit 1) before 12:00, afternoon (2) 12:00-17:00, evening (4)
-- from 17:00, weekend (8) when one meets on Saturday or Sunday. The document weighs the name
-- (A) over the focus areas (B) over the description (C).
CREATE TABLE directory_entries (
    group_id      TEXT PRIMARY KEY REFERENCES groups (id) ON DELETE CASCADE,
    org_name      TEXT NOT NULL,
    program_name  TEXT NOT NULL,
    location_name TEXT NOT NULL,
    city          TEXT NOT NULL,
    name          TEXT NOT NULL,
    sort_name     TEXT NOT NULL,
    description   TEXT NOT NULL,
    kind          TEXT NOT NULL,
    led           TEXT NOT NULL, -- 'peer', 'clinician' or '' (no lead yet)
    format        TEXT NOT NULL,
    format_bit    BIGINT NOT NULL,
    enrollment    TEXT NOT NULL,
    language      TEXT NOT NULL,
    level_of_care TEXT NOT NULL,
    care_bit      BIGINT NOT NULL,
    capacity      INTEGER NOT NULL,
    latitude      DOUBLE PRECISION,
    longitude     DOUBLE PRECISION,
    focus_mask    BIGINT NOT NULL,
    payment_mask  BIGINT NOT NULL,
    audience_mask BIGINT NOT NULL,
    day_mask      BIGINT NOT NULL,
    time_mask     BIGINT NOT NULL,
    focus_text    TEXT NOT NULL,
    document      TSVECTOR NOT NULL
);
CREATE INDEX directory_entries_name_idx ON directory_entries (sort_name, group_id);
CREATE INDEX directory_entries_position_idx ON directory_entries (latitude, longitude)
    WHERE latitude IS NOT NULL;
CREATE INDEX directory_entries_document_idx ON directory_entries USING GIN (document);

-- What a group's entry is; the triggers copy from here.
CREATE VIEW directory_source AS
SELECT
    g.id AS group_id,
    o.name AS org_name,
    p.name AS program_name,
    l.name AS location_name,
    l.city AS city,
    g.name AS name,
    LOWER(g.name) AS sort_name,
    g.description AS description,
    g.kind AS kind,
    COALESCE((SELECT CASE f.role WHEN 'peer_specialist' THEN 'peer' ELSE 'clinician' END
              FROM group_facilitators f WHERE f.group_id = g.id AND f.lead LIMIT 1), '') AS led,
    g.format AS format,
    COALESCE((SELECT c.bit FROM directory_codes c
              WHERE c.facet = 'format' AND c.code = g.format), 0) AS format_bit,
    g.enrollment AS enrollment,
    g.language AS language,
    p.level_of_care AS level_of_care,
    COALESCE((SELECT c.bit FROM directory_codes c
              WHERE c.facet = 'care' AND c.code = p.level_of_care), 0) AS care_bit,
    g.capacity AS capacity,
    l.latitude AS latitude,
    l.longitude AS longitude,
    (SELECT COALESCE(SUM(c.bit), 0)::BIGINT FROM group_tags t JOIN directory_codes c
       ON c.facet = t.tag_kind AND c.code = t.value
     WHERE t.group_id = g.id AND t.tag_kind = 'focus_area') AS focus_mask,
    (SELECT COALESCE(SUM(c.bit), 0)::BIGINT FROM group_tags t JOIN directory_codes c
       ON c.facet = t.tag_kind AND c.code = t.value
     WHERE t.group_id = g.id AND t.tag_kind = 'payment_option') AS payment_mask,
    (SELECT COALESCE(SUM(c.bit), 0)::BIGINT FROM group_tags t JOIN directory_codes c
       ON c.facet = t.tag_kind AND c.code = t.value
     WHERE t.group_id = g.id AND t.tag_kind = 'audience') AS audience_mask,
    (SELECT COALESCE(SUM(c.bit), 0)::BIGINT FROM directory_codes c
     WHERE c.facet = 'day' AND EXISTS (
       SELECT 1 FROM schedules s WHERE s.group_id = g.id AND s.archived_at IS NULL
         AND (',' || s.days || ',') LIKE ('%,' || c.code || ',%'))) AS day_mask,
    (CASE WHEN EXISTS (SELECT 1 FROM schedules s WHERE s.group_id = g.id
            AND s.archived_at IS NULL AND s.start_time < '12:00') THEN 1 ELSE 0 END
     + CASE WHEN EXISTS (SELECT 1 FROM schedules s WHERE s.group_id = g.id
            AND s.archived_at IS NULL AND s.start_time >= '12:00' AND s.start_time < '17:00')
            THEN 2 ELSE 0 END
     + CASE WHEN EXISTS (SELECT 1 FROM schedules s WHERE s.group_id = g.id
            AND s.archived_at IS NULL AND s.start_time >= '17:00') THEN 4 ELSE 0 END
     + CASE WHEN EXISTS (SELECT 1 FROM schedules s WHERE s.group_id = g.id
            AND s.archived_at IS NULL AND ((',' || s.days || ',') LIKE '%,sat,%'
              OR (',' || s.days || ',') LIKE '%,sun,%')) THEN 8 ELSE 0 END)::BIGINT AS time_mask,
    COALESCE((SELECT string_agg(c.label, ' ') FROM group_tags t JOIN directory_codes c
       ON c.facet = t.tag_kind AND c.code = t.value
     WHERE t.group_id = g.id AND t.tag_kind = 'focus_area'), '') AS focus_text,
    setweight(to_tsvector('english', g.name), 'A')
      || setweight(to_tsvector('english', COALESCE((SELECT string_agg(c.label, ' ')
           FROM group_tags t JOIN directory_codes c ON c.facet = t.tag_kind AND c.code = t.value
           WHERE t.group_id = g.id AND t.tag_kind = 'focus_area'), '')), 'B')
      || setweight(to_tsvector('english', g.description), 'C') AS document
FROM groups g
JOIN programs p ON p.id = g.program_id
JOIN organizations o ON o.id = g.org_id
JOIN locations l ON l.id = g.location_id
WHERE g.archived_at IS NULL AND p.archived_at IS NULL AND o.archived_at IS NULL
  AND l.archived_at IS NULL;

-- Rebuilds the entries of the groups whose `column` (id, location_id, program_id or org_id)
-- is `key`.
CREATE OR REPLACE FUNCTION directory_refresh(key_column TEXT, key TEXT) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    -- Lock the groups first: two transactions refreshing one group would otherwise both
    -- delete, and the second insert would meet the first's committed row.
    IF key_column = 'id' THEN
        PERFORM 1 FROM groups WHERE id = key FOR NO KEY UPDATE;
        DELETE FROM directory_entries WHERE group_id = key;
        INSERT INTO directory_entries SELECT * FROM directory_source WHERE group_id = key;
    ELSE
        EXECUTE format('SELECT 1 FROM groups WHERE %I = $1 FOR NO KEY UPDATE', key_column)
            USING key;
        EXECUTE format('DELETE FROM directory_entries WHERE group_id IN '
                       '(SELECT id FROM groups WHERE %I = $1)', key_column) USING key;
        EXECUTE format('INSERT INTO directory_entries SELECT * FROM directory_source '
                       'WHERE group_id IN (SELECT id FROM groups WHERE %I = $1)', key_column)
            USING key;
    END IF;
END $$;

-- Row triggers: TG_ARGV[0] names the column of the changed row that holds the group id
-- ('id' on groups, 'group_id' on its children) or the parent's key ('location', …).
CREATE OR REPLACE FUNCTION directory_sync() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    row_json JSONB;
    old_json JSONB;
BEGIN
    IF TG_OP = 'DELETE' THEN
        row_json := to_jsonb(OLD);
    ELSE
        row_json := to_jsonb(NEW);
    END IF;
    IF TG_ARGV[0] = 'group' THEN
        PERFORM directory_refresh('id', row_json ->> 'id');
    ELSIF TG_ARGV[0] = 'child' THEN
        PERFORM directory_refresh('id', row_json ->> 'group_id');
        IF TG_OP = 'UPDATE' THEN
            old_json := to_jsonb(OLD);
            IF old_json ->> 'group_id' IS DISTINCT FROM row_json ->> 'group_id' THEN
                PERFORM directory_refresh('id', old_json ->> 'group_id');
            END IF;
        END IF;
    ELSE
        PERFORM directory_refresh(TG_ARGV[0], row_json ->> 'id');
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER directory_group AFTER INSERT OR UPDATE ON groups
    FOR EACH ROW EXECUTE FUNCTION directory_sync('group');
CREATE TRIGGER directory_tags AFTER INSERT OR UPDATE OR DELETE ON group_tags
    FOR EACH ROW EXECUTE FUNCTION directory_sync('child');
CREATE TRIGGER directory_facilitators AFTER INSERT OR UPDATE OR DELETE ON group_facilitators
    FOR EACH ROW EXECUTE FUNCTION directory_sync('child');
CREATE TRIGGER directory_schedules_added AFTER INSERT ON schedules
    FOR EACH ROW EXECUTE FUNCTION directory_sync('child');
-- The background job writes materialized_until on every pass; that changes no entry.
CREATE TRIGGER directory_schedules_changed
    AFTER UPDATE OF group_id, days, start_time, archived_at ON schedules
    FOR EACH ROW EXECUTE FUNCTION directory_sync('child');
CREATE TRIGGER directory_locations AFTER UPDATE ON locations
    FOR EACH ROW EXECUTE FUNCTION directory_sync('location_id');
CREATE TRIGGER directory_programs AFTER UPDATE ON programs
    FOR EACH ROW EXECUTE FUNCTION directory_sync('program_id');
CREATE TRIGGER directory_orgs AFTER UPDATE ON organizations
    FOR EACH ROW EXECUTE FUNCTION directory_sync('org_id');

-- Groups that exist already.
INSERT INTO directory_entries SELECT * FROM directory_source;
