//! Demo sessions: each group gets its weekly schedule through the same use case staff use
//! (so sessions exist 16 weeks ahead and the background pass keeps them coming), plus four
//! weeks of past sessions recorded as history, with attendance marked after each one.

use chrono::{DateTime, Duration, NaiveTime, Utc};
use kindred_domain::attendance::{mark_session, AttendanceSheetInput, MarkInput};
use kindred_domain::auth::Actor;
use kindred_domain::groups::Group;
use kindred_domain::ids::{AccountId, SessionId};
use kindred_domain::schedules::{
    cancel_session, create_schedule, day_code, occurrences, resolve_local_time, ScheduleInput,
};
use kindred_domain::sessions::{GroupSession, SessionStatus};
use kindred_domain::{Error, Store};

use super::plan::Meeting;

const WEEKS_BACK: i64 = 4;

/// What members read on the one cancelled session.
pub(super) const CANCEL_REASON: &str = "Facilitator is unwell — we meet again next week.";

pub(super) async fn schedule(
    store: &dyn Store,
    admin: &Actor,
    group: &Group,
    meeting: &Meeting,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    let today = now.with_timezone(&group.time_zone).date_naive();
    let first = today - Duration::weeks(WEEKS_BACK);
    let input = ScheduleInput {
        days: meeting
            .days
            .iter()
            .map(|d| day_code(*d).to_owned())
            .collect(),
        start_time: format!("{:02}:{:02}", meeting.hour, meeting.minute),
        duration_minutes: meeting.minutes.to_string(),
        every_weeks: "1".into(),
        first_date: first.to_string(),
        end: "never".into(),
        ..ScheduleInput::default()
    };
    let saved = create_schedule(store, admin, group.org_id, group.id, &input, now).await?;
    // The weeks before today, as they happened: the schedule's own occurrences.
    let start = resolve_local_time(group.time_zone, first.and_time(NaiveTime::MIN))
        .unwrap_or(now - Duration::weeks(WEEKS_BACK));
    for past in occurrences(&saved.schedule, group.time_zone, start, now) {
        if past.ends_at > now {
            continue;
        }
        store
            .insert_session(GroupSession {
                id: SessionId::new(),
                group_id: group.id,
                starts_at: past.starts_at,
                ends_at: past.ends_at,
                status: SessionStatus::Scheduled,
                cancel_reason: String::new(),
                schedule_id: Some(saved.schedule.id),
                occurrence_date: Some(past.date),
                moved: false,
                room: String::new(),
            })
            .await?;
    }
    if meeting.cancel_next {
        let upcoming = store.sessions_of_group(group.id, now, 1).await?;
        if let Some(next) = upcoming.into_iter().find(|s| s.starts_at > now) {
            cancel_session(store, admin, group.org_id, next.id, CANCEL_REASON, now).await?;
        }
    }
    Ok(())
}

/// Marks each past session shortly after it ended, as its facilitator would: everyone
/// present but for a few, in a pattern that varies from week to week.
pub(super) async fn take_attendance(
    store: &dyn Store,
    admin: &Actor,
    group: &Group,
    members: &[AccountId],
    now: DateTime<Utc>,
) -> Result<(), Error> {
    let past = store
        .sessions_of_group(group.id, now - Duration::weeks(WEEKS_BACK + 1), 200)
        .await?;
    for (week, session) in past.iter().filter(|s| s.ends_at <= now).enumerate() {
        let marks = (0..members.len())
            .filter_map(|i| exception(week, i, session))
            .map(|(i, status, minutes)| MarkInput {
                account_id: members[i].to_string(),
                status: status.into(),
                minutes,
            })
            .collect();
        let sheet = AttendanceSheetInput {
            everyone: "present".into(),
            marks,
            ..AttendanceSheetInput::default()
        };
        let marked_at = session.ends_at + Duration::minutes(10);
        mark_session(store, admin, group.org_id, session.id, sheet, marked_at).await?;
    }
    Ok(())
}

/// One member in five is away each week (a different one), and one comes late.
fn exception(
    week: usize,
    i: usize,
    session: &GroupSession,
) -> Option<(usize, &'static str, String)> {
    match (week + i) % 5 {
        0 if i.is_multiple_of(2) => Some((i, "absent", String::new())),
        0 => Some((i, "excused", String::new())),
        3 if i.is_multiple_of(3) => Some((i, "late", (session.minutes() - 20).to_string())),
        _ => None,
    }
}
