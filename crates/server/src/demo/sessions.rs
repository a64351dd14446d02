//! Demo sessions: four weeks of held sessions behind `now` and eight weeks of scheduled ones
//! ahead, at the group's local meeting time.

use chrono::{DateTime, Datelike, Duration, NaiveDate, TimeZone, Utc};
use kindred_domain::groups::Group;
use kindred_domain::ids::SessionId;
use kindred_domain::sessions::{GroupSession, SessionStatus};
use kindred_domain::{Error, Store};

use super::plan::Meeting;

const DAYS_BACK: i64 = 28;
const DAYS_AHEAD: i64 = 56;

/// What members read on the one cancelled session.
pub(super) const CANCEL_REASON: &str = "Facilitator is unwell — we meet again next week.";

pub(super) async fn schedule(
    store: &dyn Store,
    group: &Group,
    meeting: &Meeting,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    // Days are counted in the group's zone, so "Monday 6 pm" stays Monday 6 pm local time
    // on both sides of a daylight-saving change.
    let today = now.with_timezone(&group.time_zone).date_naive();
    let mut cancel_pending = meeting.cancel_next;
    for offset in -DAYS_BACK..DAYS_AHEAD {
        let Some(date) = today.checked_add_signed(Duration::days(offset)) else {
            continue;
        };
        if !meeting.days.contains(&date.weekday()) {
            continue;
        }
        let Some(starts_at) = local_start(&group.time_zone, date, meeting) else {
            continue;
        };
        let ends_at = starts_at + Duration::minutes(meeting.minutes);
        let (status, cancel_reason) = if ends_at <= now {
            (SessionStatus::Held, String::new())
        } else if cancel_pending && starts_at > now {
            cancel_pending = false;
            (SessionStatus::Cancelled, CANCEL_REASON.to_owned())
        } else {
            (SessionStatus::Scheduled, String::new())
        };
        let id = SessionId::new();
        let session = GroupSession {
            id,
            group_id: group.id,
            starts_at,
            ends_at,
            status,
            cancel_reason,
            schedule_id: None,
            occurrence_date: None,
            moved: false,
            room: String::new(),
        };
        store.insert_session(session).await?;
    }
    Ok(())
}

/// The meeting's start on `date` in UTC. A start inside a spring-forward gap does not exist
/// and is skipped; in the autumn overlap the earlier instant is the one on the calendar.
fn local_start<Z: TimeZone>(zone: &Z, date: NaiveDate, meeting: &Meeting) -> Option<DateTime<Utc>> {
    let local = date.and_hms_opt(meeting.hour, meeting.minute, 0)?;
    zone.from_local_datetime(&local)
        .earliest()
        .map(|t| t.with_timezone(&Utc))
}
