//! Changing one session by hand: cancel it (members see why), restore it, or move it. A
//! session changed by hand is left alone by later schedule edits.

use chrono::{DateTime, Days, NaiveDate, NaiveTime, TimeDelta, Utc};
use chrono_tz::Tz;

use super::input::{parse_date, parse_duration, parse_time};
use super::materialize_job::{materialize_schedule, warnings_between};
use super::{occurrences, resolve_local_time, OverlapWarning, Schedule, MAX_ROOM_CHARS};
use crate::auth::Actor;
use crate::fields::{lenient_string, optional_text};
use crate::groups::Group;
use crate::ids::{OrgId, SessionId};
use crate::policy::{authorize, Access};
use crate::sessions::{GroupSession, SessionStatus};
use crate::{Error, FieldErrors, Store};

pub const MAX_CANCEL_REASON_CHARS: usize = 500;

/// A session after a change, and the double bookings it is now part of.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct SessionSaved {
    pub session: GroupSession,
    pub warnings: Vec<OverlapWarning>,
}

/// A new time for one session, as typed: local date and time in the group's time zone.
#[derive(Debug, Default, Clone, serde::Deserialize, utoipa::ToSchema)]
pub struct MoveSessionInput {
    #[serde(default)]
    #[schema(example = "2026-03-05")]
    pub date: String,
    #[serde(default)]
    #[schema(example = "18:30")]
    pub start_time: String,
    #[serde(default, deserialize_with = "lenient_string")]
    #[schema(example = "90")]
    pub duration_minutes: String,
    /// "" for no room.
    #[serde(default)]
    pub room: String,
}

impl MoveSessionInput {
    /// The form filled in with the session as it is, on the clock of `zone`.
    pub fn prefill(session: &GroupSession, zone: Tz) -> Self {
        let local = session.starts_at.with_timezone(&zone);
        Self {
            date: local.format("%Y-%m-%d").to_string(),
            start_time: local.format("%H:%M").to_string(),
            duration_minutes: session.minutes().to_string(),
            room: session.room.clone(),
        }
    }

    /// Start, end and room, with the start read in `zone`; it must be after `now`.
    pub fn parse(
        &self,
        zone: Tz,
        now: DateTime<Utc>,
    ) -> Result<(DateTime<Utc>, DateTime<Utc>, String), FieldErrors> {
        let mut e = FieldErrors::new();
        let date = parse_date(&mut e, "date", &self.date, "new");
        let time = parse_time(&mut e, &self.start_time);
        let minutes = parse_duration(&mut e, &self.duration_minutes);
        let room = optional_text(&mut e, "room", &self.room, MAX_ROOM_CHARS);
        let (Some(date), Some(time)) = (date, time) else {
            return Err(e);
        };
        let Some(starts_at) = resolve_local_time(zone, date.and_time(time)) else {
            e.add(
                "start_time",
                "This time cannot be used on that day; choose another.",
            );
            return Err(e);
        };
        if starts_at <= now {
            e.add("date", "Choose a date and time that are still to come.");
        }
        let ends_at = starts_at.checked_add_signed(TimeDelta::minutes(i64::from(minutes)));
        match ends_at {
            Some(ends_at) if e.is_empty() => Ok((starts_at, ends_at, room)),
            _ => Err(e),
        }
    }
}

/// A session of a group of `org` that the actor runs, with its group.
async fn session_to_run(
    store: &dyn Store,
    actor: &Actor,
    org: OrgId,
    id: SessionId,
) -> Result<(GroupSession, Group), Error> {
    authorize(actor, Access::ViewOrg(org))?;
    let (session, group) = crate::sessions::session_in_org(store, org, id).await?;
    authorize(actor, Access::RunGroup(&group))?;
    Ok((session, group))
}

async fn reread(store: &dyn Store, id: SessionId) -> Result<GroupSession, Error> {
    store.session(id).await?.ok_or(Error::NotFound)
}

fn has_ended(session: &GroupSession, now: DateTime<Utc>) -> bool {
    session.status == SessionStatus::Held || session.ends_at <= now
}

/// Cancels a scheduled session that has not ended; the reason is required and members see
/// it. Returns the cancelled session.
pub async fn cancel_session(
    store: &dyn Store,
    actor: &Actor,
    org: OrgId,
    id: SessionId,
    reason: &str,
    now: DateTime<Utc>,
) -> Result<GroupSession, Error> {
    let (session, _) = session_to_run(store, actor, org, id).await?;
    let mut e = FieldErrors::new();
    let reason = optional_text(&mut e, "reason", reason, MAX_CANCEL_REASON_CHARS);
    if reason.is_empty() {
        e.add(
            "reason",
            "Say why the session is cancelled; members see this reason.",
        );
    }
    e.into_result(())?;
    if session.status == SessionStatus::Cancelled {
        return Err(Error::Conflict("This session is already cancelled.".into()));
    }
    if has_ended(&session, now) {
        return Err(Error::Conflict(
            "This session has already ended, so it cannot be cancelled.".into(),
        ));
    }
    if !store.cancel_session(id, reason, now).await? {
        return Err(Error::Conflict(
            "This session can no longer be cancelled: it has ended or was cancelled meanwhile."
                .into(),
        ));
    }
    reread(store, id).await
}

/// Puts a cancelled session that has not started back on the schedule. A session of a
/// schedule that no longer meets that day (changed or ended since) stays cancelled.
pub async fn restore_session(
    store: &dyn Store,
    actor: &Actor,
    org: OrgId,
    id: SessionId,
    now: DateTime<Utc>,
) -> Result<SessionSaved, Error> {
    let (session, group) = session_to_run(store, actor, org, id).await?;
    if session.status != SessionStatus::Cancelled {
        return Err(Error::Conflict("This session is not cancelled.".into()));
    }
    if session.starts_at <= now {
        return Err(Error::Conflict(
            "This session has already started, so it cannot be restored.".into(),
        ));
    }
    let schedule = match session.schedule_id {
        Some(schedule) if !session.moved => store.schedule(schedule).await?,
        _ => None,
    };
    if let Some(schedule) = &schedule {
        if !still_meets(schedule, group.time_zone, &session, now) {
            return Err(Error::Conflict(
                "Its schedule no longer meets at that time, so this session stays cancelled."
                    .into(),
            ));
        }
    }
    if !store.restore_session(id, now).await? {
        return Err(Error::Conflict(
            "This session can no longer be restored: it has started or was restored meanwhile."
                .into(),
        ));
    }
    // The schedule may have changed while it was cancelled: it now follows the schedule.
    if let Some(schedule) = &schedule {
        materialize_schedule(store, schedule, group.time_zone, now).await?;
    }
    saved(store, org, id).await
}

/// Whether the schedule still has the session's occurrence, still to come.
fn still_meets(schedule: &Schedule, zone: Tz, session: &GroupSession, now: DateTime<Utc>) -> bool {
    let Some(date) = session.occurrence_date else {
        return false;
    };
    if schedule.archived_at.is_some() {
        return false;
    }
    // A local date's start lies within two days of its midnight read as UTC.
    let around = |d: Option<NaiveDate>| d.map(|d| d.and_time(NaiveTime::MIN).and_utc());
    let (Some(from), Some(to)) = (
        around(date.checked_sub_days(Days::new(2))),
        around(date.checked_add_days(Days::new(3))),
    ) else {
        return false;
    };
    occurrences(schedule, zone, from, to)
        .iter()
        .any(|o| o.date == date && o.starts_at > now)
}

/// Moves a session that has not ended to a new local date and time in the group's time
/// zone (and room); it keeps its id and is left alone by later schedule edits. Cancelled
/// sessions are restored first.
pub async fn move_session(
    store: &dyn Store,
    actor: &Actor,
    org: OrgId,
    id: SessionId,
    input: &MoveSessionInput,
    now: DateTime<Utc>,
) -> Result<SessionSaved, Error> {
    let (session, group) = session_to_run(store, actor, org, id).await?;
    let (starts_at, ends_at, room) = input.parse(group.time_zone, now).map_err(Error::Invalid)?;
    if session.status == SessionStatus::Cancelled {
        return Err(Error::Conflict(
            "This session is cancelled; restore it before moving it.".into(),
        ));
    }
    if has_ended(&session, now) {
        return Err(Error::Conflict(
            "This session has already ended, so it cannot be moved.".into(),
        ));
    }
    if !store
        .move_session(id, starts_at, ends_at, room, now)
        .await?
    {
        return Err(Error::Conflict(
            "This session can no longer be moved: it has ended or was cancelled meanwhile.".into(),
        ));
    }
    saved(store, org, id).await
}

async fn saved(store: &dyn Store, org: OrgId, id: SessionId) -> Result<SessionSaved, Error> {
    let session = reread(store, id).await?;
    let warnings = warnings_between(store, org, session.starts_at, session.ends_at, |s| {
        s.session_id == id
    })
    .await?;
    Ok(SessionSaved { session, warnings })
}

/// Whether staff may still cancel or move the session (for showing the buttons).
pub fn can_change(session: &GroupSession, now: DateTime<Utc>) -> bool {
    session.status == SessionStatus::Scheduled && !has_ended(session, now)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::GroupId;

    fn utc(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        use chrono::TimeZone;
        Utc.with_ymd_and_hms(y, m, d, h, min, 0).unwrap()
    }

    fn input(date: &str, time: &str, minutes: &str) -> MoveSessionInput {
        MoveSessionInput {
            date: date.into(),
            start_time: time.into(),
            duration_minutes: minutes.into(),
            room: " Room 4 ".into(),
        }
    }

    const NY: Tz = Tz::America__New_York;

    #[test]
    fn a_move_is_read_on_the_group_clock_across_a_daylight_saving_change() {
        let now = utc(2026, 10, 1, 12, 0);
        let (start, end, room) = input("2026-11-03", "18:30", "60").parse(NY, now).unwrap();
        assert_eq!(start, utc(2026, 11, 3, 23, 30));
        assert_eq!(end, utc(2026, 11, 4, 0, 30));
        assert_eq!(room, "Room 4");
        let (start, _, _) = input("2026-10-27", "18:30", "60").parse(NY, now).unwrap();
        assert_eq!(start, utc(2026, 10, 27, 22, 30));
        // 02:30 on 2027-03-14 does not exist in New York: the rule makes it 03:30.
        let (start, _, _) = input("2027-03-14", "02:30", "60").parse(NY, now).unwrap();
        assert_eq!(start, utc(2027, 3, 14, 7, 30));
    }

    #[test]
    fn bad_moves_get_a_message_at_each_field() {
        let now = utc(2026, 10, 1, 12, 0);
        let e = input("", "25:00", "5").parse(NY, now).unwrap_err();
        assert_eq!(
            e.get("date"),
            Some("Enter the new date, such as 2026-03-03.")
        );
        assert!(e.get("start_time").is_some());
        assert_eq!(
            e.get("duration_minutes"),
            Some("Enter the length in minutes, from 15 to 600.")
        );
        let past = input("2026-10-01", "07:59", "60")
            .parse(NY, now)
            .unwrap_err();
        assert_eq!(
            past.get("date"),
            Some("Choose a date and time that are still to come.")
        );
        let long_room = MoveSessionInput {
            room: "x".repeat(MAX_ROOM_CHARS + 1),
            ..input("2026-10-02", "18:00", "60")
        };
        assert!(long_room.parse(NY, now).unwrap_err().get("room").is_some());
    }

    #[test]
    fn prefill_shows_the_session_on_the_group_clock() {
        let session = GroupSession {
            id: SessionId::new(),
            group_id: GroupId::new(),
            starts_at: utc(2026, 11, 3, 23, 0),
            ends_at: utc(2026, 11, 4, 0, 30),
            status: SessionStatus::Scheduled,
            cancel_reason: String::new(),
            schedule_id: None,
            occurrence_date: None,
            moved: false,
            room: "Room 2".into(),
        };
        let form = MoveSessionInput::prefill(&session, NY);
        assert_eq!(
            (form.date.as_str(), form.start_time.as_str()),
            ("2026-11-03", "18:00")
        );
        assert_eq!(form.duration_minutes, "90");
        let now = utc(2026, 10, 1, 0, 0);
        let (start, end, room) = form.parse(NY, now).unwrap();
        assert_eq!(
            (start, end, room),
            (session.starts_at, session.ends_at, session.room.clone())
        );
        assert!(can_change(&session, now));
        assert!(!can_change(&session, session.ends_at));
    }
}
