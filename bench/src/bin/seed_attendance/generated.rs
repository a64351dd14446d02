//! A generated organization, large enough that the database holds the target number of
//! attendance rows: copies of the demo's groups (same programs, places, tags and weekly
//! meeting times), each with a year of held sessions, eight weeks ahead, and seats that
//! pass from member to member as people complete, withdraw and join.

use std::collections::HashMap;

use chrono::Duration;

use crate::db::{new_id, ts, Db, NewEnrollment, NewSession};
use crate::demo::DemoGroup;
use crate::history::{
    absent_probability, holiday, mark_session, occurrence, Clock, Marking, Session, Span,
    HOLIDAY_REASON,
};
use crate::rng::Rng;
use crate::Result;

pub const ORG_NAME: &str = "Lakeside Behavioral Health Network (generated)";
const DOMAIN: &str = "lakeside.kindred.test";
/// Groups one facilitator leads.
const GROUPS_PER_FACILITATOR: usize = 4;
/// Seats filled in one group: as many as 12, within its capacity.
const MAX_SEATS: i64 = 12;

const FIRST_NAMES: &[&str] = &[
    "Avery", "Blake", "Cameron", "Dakota", "Eden", "Finley", "Gray", "Harper", "Indigo", "Jordan",
    "Kai", "Lane", "Marley", "Noor", "Oakley", "Parker", "Reese", "Sage", "Tatum", "Umi", "Val",
    "Wren", "Yael", "Zion", "Ari", "Bo", "Cruz", "Devon", "Ellis", "Frankie", "Hollis", "Jules",
    "Kendall", "Lux", "Milan", "Nico", "Oren", "Pat", "Remy", "Shay",
];

#[derive(Default)]
pub struct Outcome {
    pub org_id: String,
    pub groups: usize,
    pub sessions: usize,
    pub members: usize,
    pub facilitators: usize,
    pub enrollments: usize,
    pub marks: u64,
}

/// Adds groups until the database holds `target` attendance rows (`existing` before this).
pub fn seed(
    db: &mut Db,
    rng: &mut Rng,
    clock: &Clock,
    templates: &[DemoGroup],
    password_hash: &str,
    existing: u64,
    target: u64,
) -> Result<Outcome> {
    let mut outcome = Outcome {
        org_id: new_id(),
        ..Outcome::default()
    };
    let before = db.marks;
    let setup = ts(clock.now - Duration::days(7 * clock.weeks + 60));
    db.exec(
        "INSERT INTO organizations (id, name, created_at) VALUES (?1, ?2, ?3)",
        (&outcome.org_id, ORG_NAME, &setup),
    )?;
    let admin = account(
        db,
        &format!("admin@{DOMAIN}"),
        "Robin Adeyemi",
        password_hash,
        &setup,
    )?;
    staff(db, &outcome.org_id, &admin, "org_admin")?;

    // The demo's programs and places, once each, in the new organization.
    let mut programs: HashMap<&str, String> = HashMap::new();
    let mut locations: HashMap<&str, String> = HashMap::new();
    for t in templates {
        if !programs.contains_key(t.program_id.as_str()) {
            let id = new_id();
            db.exec(
                "INSERT INTO programs (id, org_id, name, level_of_care, part2, description, \
                 created_at) SELECT ?1, ?2, name, level_of_care, part2, description, ?3 \
                 FROM programs WHERE id = ?4",
                (&id, &outcome.org_id, &setup, &t.program_id),
            )?;
            programs.insert(&t.program_id, id);
        }
        if !locations.contains_key(t.location_id.as_str()) {
            let id = new_id();
            db.exec(
                "INSERT INTO locations (id, org_id, name, kind, address, city, postcode, \
                 latitude, longitude, created_at) SELECT ?1, ?2, name, kind, address, city, \
                 postcode, latitude, longitude, ?3 FROM locations WHERE id = ?4",
                (&id, &outcome.org_id, &setup, &t.location_id),
            )?;
            locations.insert(&t.location_id, id);
        }
    }

    // Members: about one per 50 target rows, so most are in one or two groups a year.
    let pool_size = usize::try_from(target / 50).unwrap_or(usize::MAX).max(500);
    let mut pool = Vec::with_capacity(pool_size);
    for n in 0..pool_size {
        let name = format!(
            "{} {}.",
            FIRST_NAMES[n % FIRST_NAMES.len()],
            char::from(b'A' + u8::try_from((n / FIRST_NAMES.len()) % 26).unwrap_or(0))
        );
        let signed_up = ts(clock.now - Duration::days(7 * clock.weeks + rng.between(30, 400)));
        pool.push(account(
            db,
            &format!("member{}@{DOMAIN}", n + 1),
            &name,
            password_hash,
            &signed_up,
        )?);
    }
    outcome.members = pool.len();
    let mut next_member = 0usize;

    // Facilitators by role, each leading a few groups.
    let mut leads: HashMap<String, (String, usize)> = HashMap::new();
    while existing + (db.marks - before) < target {
        let n = outcome.groups;
        let Some(template) = templates.get(n % templates.len()) else {
            break;
        };
        let round = n / templates.len() + 1;
        let group_id = new_id();
        db.exec(
            "INSERT INTO groups (id, org_id, program_id, location_id, name, description, kind, \
             enrollment, format, capacity, min_size, language, time_zone, created_at, \
             offer_hours, billing_code, billing_modifier) \
             SELECT ?1, ?2, ?3, ?4, ?5, description, kind, enrollment, format, capacity, \
             min_size, language, time_zone, ?6, offer_hours, billing_code, billing_modifier \
             FROM groups WHERE id = ?7",
            (
                &group_id,
                &outcome.org_id,
                programs.get(template.program_id.as_str()),
                locations.get(template.location_id.as_str()),
                format!("{} · {round}", template.name),
                &setup,
                &template.id,
            ),
        )?;
        db.exec(
            "INSERT INTO group_tags (group_id, tag_kind, value) \
             SELECT ?1, tag_kind, value FROM group_tags WHERE group_id = ?2",
            (&group_id, &template.id),
        )?;
        let role = template.lead_role.as_str();
        let lead = match leads.get_mut(role) {
            Some((id, led)) if *led < GROUPS_PER_FACILITATOR => {
                *led += 1;
                id.clone()
            }
            _ => {
                outcome.facilitators += 1;
                let k = outcome.facilitators;
                let id = account(
                    db,
                    &format!("staff{k}@{DOMAIN}"),
                    &format!("Facilitator {k}"),
                    password_hash,
                    &setup,
                )?;
                staff(db, &outcome.org_id, &id, role)?;
                leads.insert(role.to_owned(), (id.clone(), 1));
                id
            }
        };
        db.exec(
            "INSERT INTO group_facilitators (group_id, account_id, role, lead) \
             VALUES (?1, ?2, ?3, 1)",
            (&group_id, &lead, role),
        )?;

        let sessions = sessions(db, clock, template, &group_id)?;
        outcome.sessions += sessions.len();

        // Intensive programs meet three times a week for a few weeks; weekly groups keep
        // people for months.
        let (stay_min, stay_max) = if template.pattern.len() >= 3 {
            (6, 12)
        } else {
            (10, 40)
        };
        let seats = (template.capacity.min(MAX_SEATS) - i64::try_from(n % 3).unwrap_or(0)).max(1);
        let start = clock.history_start(template.zone);
        let mut spans = Vec::new();
        for _ in 0..seats {
            let mut from = start - Duration::days(rng.between(0, 7 * stay_max));
            while from < clock.now {
                let stay = Duration::weeks(rng.between(stay_min, stay_max))
                    + Duration::minutes(rng.between(0, 1440));
                let until = Some(from + stay).filter(|u| *u < clock.now);
                let status = match until {
                    None => "active",
                    Some(_) if rng.chance(0.75) => "completed",
                    Some(_) => "withdrawn",
                };
                let Some(member) = pool.get(next_member % pool.len()) else {
                    break;
                };
                next_member += 1;
                db.insert_enrollment(&NewEnrollment {
                    group_id: &group_id,
                    account_id: member,
                    status,
                    active_from: from,
                    active_until: until,
                })?;
                outcome.enrollments += 1;
                spans.push(Span {
                    account: member.clone(),
                    from,
                    until,
                    absent_p: absent_probability(rng),
                });
                match until {
                    Some(until) => from = until + Duration::days(rng.between(0, 21)),
                    None => break,
                }
            }
        }

        let how = Marking {
            lead: Some(&lead),
            check_in: template.check_in(),
            log: false,
        };
        for session in &sessions {
            mark_session(db, rng, clock, session, &spans, &how)?;
        }
        outcome.groups += 1;
    }
    outcome.marks = db.marks - before;
    Ok(outcome)
}

/// The template's weekly meetings from the first day of the history to `weeks_ahead` weeks
/// from now: held up to now, scheduled after; holidays cancelled.
fn sessions(db: &Db, clock: &Clock, template: &DemoGroup, group_id: &str) -> Result<Vec<Session>> {
    let first_day = clock.first_day(template.zone);
    let horizon = clock.now + Duration::weeks(clock.weeks_ahead);
    let mut sessions = Vec::new();
    for weeks in -(clock.weeks + 1)..=(clock.weeks_ahead + 5) {
        for slot in &template.pattern {
            let Some((date, starts_at)) = occurrence(template.zone, slot, weeks) else {
                continue;
            };
            if date < first_day || starts_at >= horizon {
                continue;
            }
            let ends_at = starts_at + Duration::minutes(slot.minutes);
            let (status, reason) = if holiday(date) {
                ("cancelled", HOLIDAY_REASON)
            } else if ends_at <= clock.now {
                ("held", "")
            } else {
                ("scheduled", "")
            };
            let session = Session {
                id: new_id(),
                starts_at,
                ends_at,
                status: status.to_owned(),
            };
            db.insert_session(&NewSession {
                id: &session.id,
                group_id,
                starts_at,
                ends_at,
                status,
                cancel_reason: reason,
            })?;
            sessions.push(session);
        }
    }
    sessions.sort_by(|a, b| (a.starts_at, &a.id).cmp(&(b.starts_at, &b.id)));
    Ok(sessions)
}

fn account(
    db: &Db,
    email: &str,
    display_name: &str,
    password_hash: &str,
    created_at: &str,
) -> Result<String> {
    let id = new_id();
    db.exec(
        "INSERT INTO accounts (id, email, display_name, password_hash, created_at) \
         VALUES (?1, ?2, ?3, ?4, ?5)",
        (&id, email, display_name, password_hash, created_at),
    )?;
    Ok(id)
}

fn staff(db: &Db, org: &str, account: &str, role: &str) -> Result<()> {
    db.exec(
        "INSERT INTO org_staff (org_id, account_id, role) VALUES (?1, ?2, ?3)",
        (org, account, role),
    )?;
    Ok(())
}
