-- The public directory (SQLite): one row per listed group with everything the search filters
-- and ranks on, a full-text index over name, focus areas and description, and triggers that
-- keep both in step with the tables they derive from, inside the writing transaction.

-- Each vocabulary code with its bit (its position in the domain's list) and its label. A
-- store test checks this table against the domain's vocabularies.
CREATE TABLE directory_codes (
    facet TEXT NOT NULL,
    code  TEXT NOT NULL,
    bit   INTEGER NOT NULL,
    label TEXT NOT NULL,
    PRIMARY KEY (facet, code)
) STRICT;

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

-- One row per listed group: not archived, nor its program or organization. entry_id is the
-- full-text index's rowid; a refresh deletes and inserts, so it changes, and that is fine.
-- Days and times come from the group's schedules that are not archived; times of day from
-- their local start (the group's own zone): morning (bit 1) before 12:00, afternoon (2)
-- 12:00-17:00, evening (4) from 17:00, weekend (8) when one meets on Saturday or Sunday.
CREATE TABLE directory_entries (
    entry_id      INTEGER PRIMARY KEY,
    group_id      TEXT NOT NULL UNIQUE REFERENCES groups (id) ON DELETE CASCADE,
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
    format_bit    INTEGER NOT NULL,
    enrollment    TEXT NOT NULL,
    language      TEXT NOT NULL,
    level_of_care TEXT NOT NULL,
    care_bit      INTEGER NOT NULL,
    capacity      INTEGER NOT NULL,
    latitude      REAL,
    longitude     REAL,
    focus_mask    INTEGER NOT NULL,
    payment_mask  INTEGER NOT NULL,
    audience_mask INTEGER NOT NULL,
    day_mask      INTEGER NOT NULL,
    time_mask     INTEGER NOT NULL,
    focus_text    TEXT NOT NULL
) STRICT;
CREATE INDEX directory_entries_name_idx ON directory_entries (sort_name, group_id);
CREATE INDEX directory_entries_position_idx ON directory_entries (latitude, longitude)
    WHERE latitude IS NOT NULL;

-- What a group's entry is; the triggers copy from here.
CREATE VIEW directory_source AS
SELECT
    NULL AS entry_id,
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
    (SELECT COALESCE(SUM(c.bit), 0) FROM group_tags t JOIN directory_codes c
       ON c.facet = t.tag_kind AND c.code = t.value
     WHERE t.group_id = g.id AND t.tag_kind = 'focus_area') AS focus_mask,
    (SELECT COALESCE(SUM(c.bit), 0) FROM group_tags t JOIN directory_codes c
       ON c.facet = t.tag_kind AND c.code = t.value
     WHERE t.group_id = g.id AND t.tag_kind = 'payment_option') AS payment_mask,
    (SELECT COALESCE(SUM(c.bit), 0) FROM group_tags t JOIN directory_codes c
       ON c.facet = t.tag_kind AND c.code = t.value
     WHERE t.group_id = g.id AND t.tag_kind = 'audience') AS audience_mask,
    (SELECT COALESCE(SUM(c.bit), 0) FROM directory_codes c
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
              OR (',' || s.days || ',') LIKE '%,sun,%')) THEN 8 ELSE 0 END) AS time_mask,
    COALESCE((SELECT group_concat(c.label, ' ') FROM group_tags t JOIN directory_codes c
       ON c.facet = t.tag_kind AND c.code = t.value
     WHERE t.group_id = g.id AND t.tag_kind = 'focus_area'), '') AS focus_text
FROM groups g
JOIN programs p ON p.id = g.program_id
JOIN organizations o ON o.id = g.org_id
JOIN locations l ON l.id = g.location_id
WHERE g.archived_at IS NULL AND p.archived_at IS NULL AND o.archived_at IS NULL
  AND l.archived_at IS NULL;

-- The words, and where the group meets as grid cells at three sizes (0.25, 1 and 4 degrees;
-- tokens "a<x>y<y>", "b…", "c…" with x, y the cell's column and row counted from -180/-90
-- degrees). A search with words and a place asks FTS5 for both at once, so it reads only the
-- groups with those words in the cells around the place instead of every group with the words
-- (`sql/directory.rs` picks the cells). Online groups have no cells.
CREATE VIRTUAL TABLE directory_fts USING fts5 (
    name, focus, description, cells,
    tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE TRIGGER directory_fts_add AFTER INSERT ON directory_entries BEGIN
    INSERT INTO directory_fts (rowid, name, focus, description, cells)
    VALUES (NEW.entry_id, NEW.name, NEW.focus_text, NEW.description,
        CASE WHEN NEW.latitude IS NULL OR NEW.longitude IS NULL THEN '' ELSE
            'a' || CAST((NEW.longitude + 180) / 0.25 AS INTEGER)
                || 'y' || CAST((NEW.latitude + 90) / 0.25 AS INTEGER)
            || ' b' || CAST((NEW.longitude + 180) / 1.0 AS INTEGER)
                || 'y' || CAST((NEW.latitude + 90) / 1.0 AS INTEGER)
            || ' c' || CAST((NEW.longitude + 180) / 4.0 AS INTEGER)
                || 'y' || CAST((NEW.latitude + 90) / 4.0 AS INTEGER)
        END);
END;
CREATE TRIGGER directory_fts_remove AFTER DELETE ON directory_entries BEGIN
    DELETE FROM directory_fts WHERE rowid = OLD.entry_id;
END;

-- Every write that changes what an entry shows refreshes the entries it touches.
CREATE TRIGGER directory_group_added AFTER INSERT ON groups BEGIN
    DELETE FROM directory_entries WHERE group_id = NEW.id;
    INSERT INTO directory_entries SELECT * FROM directory_source WHERE group_id = NEW.id;
END;
CREATE TRIGGER directory_group_changed AFTER UPDATE ON groups BEGIN
    DELETE FROM directory_entries WHERE group_id = NEW.id;
    INSERT INTO directory_entries SELECT * FROM directory_source WHERE group_id = NEW.id;
END;
CREATE TRIGGER directory_tag_added AFTER INSERT ON group_tags BEGIN
    DELETE FROM directory_entries WHERE group_id = NEW.group_id;
    INSERT INTO directory_entries SELECT * FROM directory_source WHERE group_id = NEW.group_id;
END;
CREATE TRIGGER directory_tag_removed AFTER DELETE ON group_tags BEGIN
    DELETE FROM directory_entries WHERE group_id = OLD.group_id;
    INSERT INTO directory_entries SELECT * FROM directory_source WHERE group_id = OLD.group_id;
END;
CREATE TRIGGER directory_facilitator_added AFTER INSERT ON group_facilitators BEGIN
    DELETE FROM directory_entries WHERE group_id = NEW.group_id;
    INSERT INTO directory_entries SELECT * FROM directory_source WHERE group_id = NEW.group_id;
END;
CREATE TRIGGER directory_facilitator_changed AFTER UPDATE ON group_facilitators BEGIN
    DELETE FROM directory_entries WHERE group_id IN (OLD.group_id, NEW.group_id);
    INSERT INTO directory_entries SELECT * FROM directory_source
        WHERE group_id IN (OLD.group_id, NEW.group_id);
END;
CREATE TRIGGER directory_facilitator_removed AFTER DELETE ON group_facilitators BEGIN
    DELETE FROM directory_entries WHERE group_id = OLD.group_id;
    INSERT INTO directory_entries SELECT * FROM directory_source WHERE group_id = OLD.group_id;
END;
CREATE TRIGGER directory_schedule_added AFTER INSERT ON schedules BEGIN
    DELETE FROM directory_entries WHERE group_id = NEW.group_id;
    INSERT INTO directory_entries SELECT * FROM directory_source WHERE group_id = NEW.group_id;
END;
-- The background job writes materialized_until on every pass; that changes no entry.
CREATE TRIGGER directory_schedule_changed
AFTER UPDATE OF group_id, days, start_time, archived_at ON schedules BEGIN
    DELETE FROM directory_entries WHERE group_id IN (OLD.group_id, NEW.group_id);
    INSERT INTO directory_entries SELECT * FROM directory_source
        WHERE group_id IN (OLD.group_id, NEW.group_id);
END;
CREATE TRIGGER directory_location_changed AFTER UPDATE ON locations BEGIN
    DELETE FROM directory_entries
        WHERE group_id IN (SELECT id FROM groups WHERE location_id = NEW.id);
    INSERT INTO directory_entries SELECT * FROM directory_source
        WHERE group_id IN (SELECT id FROM groups WHERE location_id = NEW.id);
END;
CREATE TRIGGER directory_program_changed AFTER UPDATE ON programs BEGIN
    DELETE FROM directory_entries
        WHERE group_id IN (SELECT id FROM groups WHERE program_id = NEW.id);
    INSERT INTO directory_entries SELECT * FROM directory_source
        WHERE group_id IN (SELECT id FROM groups WHERE program_id = NEW.id);
END;
CREATE TRIGGER directory_org_changed AFTER UPDATE ON organizations BEGIN
    DELETE FROM directory_entries
        WHERE group_id IN (SELECT id FROM groups WHERE org_id = NEW.id);
    INSERT INTO directory_entries SELECT * FROM directory_source
        WHERE group_id IN (SELECT id FROM groups WHERE org_id = NEW.id);
END;

-- Groups that exist already.
INSERT INTO directory_entries SELECT * FROM directory_source;
