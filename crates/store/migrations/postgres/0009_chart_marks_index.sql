-- A member's attendance marks, read for their chart and their own history, come from this
-- index alone (an index-only scan): it carries the columns those pages show.
DROP INDEX attendance_account_idx;
CREATE INDEX attendance_account_idx ON attendance (account_id, session_id)
    INCLUDE (status, minutes, source);
