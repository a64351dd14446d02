//! A year of history for the demo's own groups: weekly sessions back from the demo's four
//! weeks, current members who joined at different times through the year, former members
//! whose seats they took, and everyone on a held session's roster marked (with the log).

use std::collections::HashMap;

use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;

use crate::db::{new_id, parse_ts, ts, Db, NewEnrollment, NewSession};
use crate::history::{
    absent_probability, holiday, mark_session, occurrence, weekly_pattern, Clock, Marking, Session,
    Slot, Span, HOLIDAY_REASON,
};
use crate::rng::Rng;
use crate::Result;

/// One of the demo's groups, as found in the database; also a template for generated ones.
pub struct DemoGroup {
    pub id: String,
    pub org_id: String,
    pub name: String,
    pub zone: Tz,
    pub program_id: String,
    pub location_id: String,
    pub format: String,
    pub capacity: i64,
    pub lead: Option<String>,
    pub lead_role: String,
    /// The first week of its sessions, at local times.
    pub pattern: Vec<Slot>,
}

impl DemoGroup {
    pub fn check_in(&self) -> bool {
        matches!(self.format.as_str(), "online" | "hybrid")
    }
}

pub fn load_groups(db: &Db) -> Result<Vec<DemoGroup>> {
    let mut statement = db.conn.prepare(
        "SELECT g.id, g.org_id, g.name, g.time_zone, g.program_id, g.location_id, g.format, \
         g.capacity, f.account_id, COALESCE(f.role, 'clinician') \
         FROM groups g LEFT JOIN group_facilitators f ON f.group_id = g.id AND f.lead \
         WHERE g.archived_at IS NULL ORDER BY g.created_at, g.name",
    )?;
    let rows = statement.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, String>(4)?,
            r.get::<_, String>(5)?,
            r.get::<_, String>(6)?,
            r.get::<_, i64>(7)?,
            r.get::<_, Option<String>>(8)?,
            r.get::<_, String>(9)?,
        ))
    })?;
    let mut groups = Vec::new();
    for row in rows {
        let (id, org_id, name, zone, program_id, location_id, format, capacity, lead, role) = row?;
        let zone: Tz = zone
            .parse()
            .map_err(|e| format!("group {name}: time zone {zone:?}: {e}"))?;
        let sessions = sessions_of(db, &id)?;
        groups.push(DemoGroup {
            pattern: weekly_pattern(zone, &sessions),
            id,
            org_id,
            name,
            zone,
            program_id,
            location_id,
            format,
            capacity,
            lead,
            lead_role: role,
        });
    }
    if groups.is_empty() {
        return Err("the database has no groups: is it a `kindred demo` database?".into());
    }
    Ok(groups)
}

fn sessions_of(db: &Db, group: &str) -> Result<Vec<Session>> {
    let mut statement = db.conn.prepare(
        "SELECT id, starts_at, ends_at, status FROM group_sessions WHERE group_id = ?1 \
         ORDER BY starts_at, id",
    )?;
    let rows = statement.query_map([group], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
        ))
    })?;
    let mut sessions = Vec::new();
    for row in rows {
        let (id, starts, ends, status) = row?;
        sessions.push(Session::from_row(id, &starts, &ends, status)?);
    }
    Ok(sessions)
}

#[derive(Default)]
pub struct Outcome {
    pub groups: usize,
    pub sessions_added: usize,
    pub former_members: usize,
    pub marks: u64,
}

/// The history of every demo group. `member` (the headline member's id) has been in each
/// of their groups since before the year began.
pub fn seed(
    db: &mut Db,
    rng: &mut Rng,
    clock: &Clock,
    groups: &[DemoGroup],
    member: &str,
) -> Result<Outcome> {
    let mut outcome = Outcome::default();
    let before = db.marks;
    // Each person's first day in any group, so nobody joins before they signed up.
    let mut first_seen: HashMap<String, DateTime<Utc>> = HashMap::new();
    let mut setup = clock.now;
    for (index, group) in groups.iter().enumerate() {
        let start = clock.history_start(group.zone);
        setup = setup.min(start - Duration::days(45));
        let mut sessions = sessions_of(db, &group.id)?;
        outcome.sessions_added += add_past_sessions(db, clock, group, &mut sessions)?;
        sessions.sort_by(|a, b| (a.starts_at, &a.id).cmp(&(b.starts_at, &b.id)));

        let spans = members(db, rng, clock, group, index, member, &mut outcome)?;
        for span in &spans {
            let seen = first_seen.entry(span.account.clone()).or_insert(span.from);
            *seen = (*seen).min(span.from);
        }
        let how = Marking {
            lead: group.lead.as_deref(),
            check_in: group.check_in(),
            log: true,
        };
        for session in &sessions {
            mark_session(db, rng, clock, session, &spans, &how)?;
        }
        outcome.groups += 1;
    }

    // The organizations, their programs, places, groups and staff predate the history;
    // members signed up shortly before they first joined.
    let setup = ts(setup);
    for table in ["organizations", "programs", "locations", "groups"] {
        db.exec(
            &format!("UPDATE {table} SET created_at = ?1 WHERE created_at > ?1"),
            [&setup],
        )?;
    }
    db.exec(
        "UPDATE accounts SET created_at = ?1 WHERE created_at > ?1 \
         AND id IN (SELECT account_id FROM org_staff)",
        [&setup],
    )?;
    for (account, first) in first_seen {
        db.exec(
            "UPDATE accounts SET created_at = ?2 WHERE id = ?1 AND created_at > ?2",
            (account, ts(first - Duration::days(3))),
        )?;
    }
    outcome.marks = db.marks - before;
    Ok(outcome)
}

/// Weekly sessions from the first day of the history up to the demo's first one: held,
/// except on holidays.
fn add_past_sessions(
    db: &Db,
    clock: &Clock,
    group: &DemoGroup,
    sessions: &mut Vec<Session>,
) -> Result<usize> {
    let first_day = clock.first_day(group.zone);
    let mut added = 0;
    for weeks_back in 1..=clock.weeks + 1 {
        for slot in &group.pattern {
            let Some((date, starts_at)) = occurrence(group.zone, slot, -weeks_back) else {
                continue;
            };
            if date < first_day {
                continue;
            }
            let (status, reason) = if holiday(date) {
                ("cancelled", HOLIDAY_REASON)
            } else {
                ("held", "")
            };
            let session = Session {
                id: new_id(),
                starts_at,
                ends_at: starts_at + Duration::minutes(slot.minutes),
                status: status.to_owned(),
            };
            db.insert_session(&NewSession {
                id: &session.id,
                group_id: &group.id,
                starts_at: session.starts_at,
                ends_at: session.ends_at,
                status,
                cancel_reason: reason,
            })?;
            sessions.push(session);
            added += 1;
        }
    }
    Ok(added)
}

/// Who held the group's seats over the year. Each current member either has been there
/// since before the year began or joined during it, in the seat of a former member who
/// left a few days before (completed or withdrew): so the group is never over capacity and
/// a session's roster is about as long as the group is today.
fn members(
    db: &Db,
    rng: &mut Rng,
    clock: &Clock,
    group: &DemoGroup,
    index: usize,
    member: &str,
    outcome: &mut Outcome,
) -> Result<Vec<Span>> {
    let start = clock.history_start(group.zone);
    let current: Vec<(String, String, Option<String>)> = {
        let mut statement = db.conn.prepare(
            "SELECT id, account_id, active_from FROM enrollments \
             WHERE group_id = ?1 AND status = 'active' ORDER BY created_at, id",
        )?;
        let rows = statement.query_map([&group.id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    // People who were never in this group, a different stretch of the list for each group.
    let mut formers: Vec<String> = {
        let mut statement = db.conn.prepare(
            "SELECT a.id FROM accounts a \
             WHERE NOT EXISTS (SELECT 1 FROM org_staff s WHERE s.account_id = a.id) \
             AND NOT EXISTS (SELECT 1 FROM group_facilitators f WHERE f.account_id = a.id) \
             AND NOT EXISTS (SELECT 1 FROM enrollments e \
                             WHERE e.group_id = ?1 AND e.account_id = a.id) \
             ORDER BY a.email",
        )?;
        let rows = statement.query_map([&group.id], |r| r.get(0))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    if !formers.is_empty() {
        let shift = (index * 5) % formers.len();
        formers.rotate_left(shift);
    }
    let mut formers = formers.into_iter();

    let mut spans = Vec::new();
    let last_join_day = (7 * clock.weeks - 28).max(22);
    for (enrollment, account, active_from) in current {
        let long_standing = account == member || rng.chance(0.55);
        let offset = Duration::minutes(rng.between(0, 600));
        let mut joined = if long_standing {
            start - Duration::days(rng.between(3, 120)) + offset
        } else {
            start + Duration::days(rng.between(21, last_join_day)) + offset
        };
        if let Some(original) = active_from.as_deref().map(parse_ts).transpose()? {
            joined = joined.min(original);
        }
        db.exec(
            "UPDATE enrollments SET created_at = ?2, active_from = ?2, updated_at = ?2 \
             WHERE id = ?1",
            (&enrollment, ts(joined)),
        )?;
        if !long_standing {
            if let Some(former) = formers.next() {
                let from = start - Duration::days(rng.between(0, 90)) + offset;
                let until = joined - Duration::days(rng.between(1, 10));
                let status = if rng.chance(0.7) {
                    "completed"
                } else {
                    "withdrawn"
                };
                db.insert_enrollment(&NewEnrollment {
                    group_id: &group.id,
                    account_id: &former,
                    status,
                    active_from: from,
                    active_until: Some(until),
                })?;
                spans.push(Span {
                    account: former,
                    from,
                    until: Some(until),
                    absent_p: absent_probability(rng),
                });
                outcome.former_members += 1;
            }
        }
        let absent_p = if account == member {
            0.07
        } else {
            absent_probability(rng)
        };
        spans.push(Span {
            account,
            from: joined,
            until: None,
            absent_p,
        });
    }
    Ok(spans)
}
