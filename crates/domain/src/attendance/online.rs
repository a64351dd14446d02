//! Hybrid attendance: the time a member spends in a session's online room becomes minutes
//! attended online, combined with any in-room mark into the member's one record.
//!
//! - Online minutes are the stays in the room within the session's start and end, overlaps
//!   counted once.
//! - With no mark, or only a check-in or an absent/excused mark, the room decides: late
//!   when the first stay began more than [`LATE_AFTER_MINUTES`] after the start, left early
//!   when the last ended more than that before the end, present otherwise.
//! - A staff mark of present, late or left early keeps its status; the online minutes are
//!   added to the minutes in the room (never beyond the session's length).
//! - A signed note locks attendance: the room changes nothing then, nor for a cancelled
//!   session or someone not on the roster.

use chrono::{DateTime, Duration, Utc};

use super::rules::{session_minutes, LATE_AFTER_MINUTES};
use super::{
    AttendanceChange, AttendanceMark, AttendanceSheet, AttendanceStatus, AttendanceWrite,
    MarkSource,
};
use crate::ids::{AccountId, SessionId};
use crate::sessions::{GroupSession, SessionStatus};
use crate::{Error, Store};

/// One stay in the room, from entering to leaving.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Visit {
    pub joined_at: DateTime<Utc>,
    pub left_at: DateTime<Utc>,
}

/// Whole minutes the stays cover within the session.
pub fn online_minutes(visits: &[Visit], session: &GroupSession) -> i32 {
    let mut spans: Vec<(DateTime<Utc>, DateTime<Utc>)> = visits
        .iter()
        .map(|v| {
            (
                v.joined_at.max(session.starts_at),
                v.left_at.min(session.ends_at),
            )
        })
        .filter(|(from, to)| from < to)
        .collect();
    spans.sort();
    let mut total = Duration::zero();
    let mut current: Option<(DateTime<Utc>, DateTime<Utc>)> = None;
    for (from, to) in spans {
        match current {
            Some((start, end)) if from <= end => current = Some((start, end.max(to))),
            Some((start, end)) => {
                total += end - start;
                current = Some((from, to));
            }
            None => current = Some((from, to)),
        }
    }
    if let Some((start, end)) = current {
        total += end - start;
    }
    i32::try_from(total.num_minutes()).unwrap_or(i32::MAX)
}

/// The member's record after their stays in the room (see the module's rules); nothing to
/// write when it would not change or may not.
pub fn room_attendance(
    sheet: &AttendanceSheet,
    member: AccountId,
    visits: &[Visit],
    now: DateTime<Utc>,
) -> Result<AttendanceWrite, Error> {
    let session = &sheet.session;
    let Some(line) = sheet.line_of(member) else {
        return Ok(AttendanceWrite::default());
    };
    if sheet.documented || session.status == SessionStatus::Cancelled || visits.is_empty() {
        return Ok(AttendanceWrite::default());
    }
    let online = online_minutes(visits, session);
    if online == 0 {
        return Ok(AttendanceWrite::default());
    }
    let length = session_minutes(session);
    let current = line.mark.as_ref();
    let kept = current.filter(|m| m.source == MarkSource::Staff && m.status.attended());
    let (status, minutes, source) = match kept {
        Some(staff) => {
            let in_room = (staff.minutes - staff.online_minutes).max(0);
            (
                staff.status,
                (in_room + online).min(length),
                MarkSource::Staff,
            )
        }
        None => (
            from_stays(visits, session),
            online.min(length),
            MarkSource::Room,
        ),
    };
    if current
        .is_some_and(|m| m.status == status && m.minutes == minutes && m.online_minutes == online)
    {
        return Ok(AttendanceWrite::default());
    }
    let mark = AttendanceMark {
        session_id: session.id,
        account_id: member,
        status,
        minutes,
        source,
        marked_by: kept.map_or(Some(member), |staff| staff.marked_by),
        marked_at: now,
        online_minutes: online,
    };
    Ok(AttendanceWrite {
        changes: vec![AttendanceChange::of(&mark, "Time in the online room")],
        marks: vec![mark],
        held: false,
    })
}

/// Present, late or left early, from when the stays began and ended.
fn from_stays(visits: &[Visit], session: &GroupSession) -> AttendanceStatus {
    let grace = Duration::minutes(LATE_AFTER_MINUTES);
    let first = visits.iter().map(|v| v.joined_at).min();
    let last = visits.iter().map(|v| v.left_at).max();
    match (first, last) {
        (Some(first), _) if first > session.starts_at + grace => AttendanceStatus::Late,
        (_, Some(last)) if last < session.ends_at - grace => AttendanceStatus::LeftEarly,
        _ => AttendanceStatus::Present,
    }
}

/// Records a stay in the session's room and brings the member's attendance up to date. The
/// server calls it when the member's last connection to the room closes.
pub async fn record_room_visit(
    store: &dyn Store,
    session: SessionId,
    member: AccountId,
    visit: Visit,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    let visits = store.record_visit(session, member, visit).await?;
    store
        .change_attendance(
            session,
            Box::new(move |sheet| room_attendance(sheet, member, &visits, now)),
        )
        .await??;
    Ok(())
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;
    use crate::attendance::RosterLine;
    use crate::ids::GroupId;

    fn at(minute: i64) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2030, 3, 5, 18, 0, 0).unwrap() + Duration::minutes(minute)
    }

    fn session() -> GroupSession {
        GroupSession {
            id: SessionId::new(),
            group_id: GroupId::new(),
            starts_at: at(0),
            ends_at: at(90),
            status: SessionStatus::Held,
            cancel_reason: String::new(),
            schedule_id: None,
            occurrence_date: None,
            moved: false,
            room: String::new(),
        }
    }

    fn stay(from: i64, to: i64) -> Visit {
        Visit {
            joined_at: at(from),
            left_at: at(to),
        }
    }

    fn sheet(member: AccountId, mark: Option<AttendanceMark>) -> AttendanceSheet {
        AttendanceSheet {
            session: session(),
            roster: vec![RosterLine {
                account_id: member,
                display_name: "Robin".into(),
                enrolled: true,
                registered: false,
                mark,
            }],
            documented: false,
        }
    }

    #[test]
    fn stays_count_within_the_session_and_overlaps_once() {
        let s = session();
        assert_eq!(online_minutes(&[stay(-15, 30)], &s), 30);
        assert_eq!(online_minutes(&[stay(10, 40), stay(30, 50)], &s), 40);
        assert_eq!(online_minutes(&[stay(10, 20), stay(60, 120)], &s), 40);
        assert_eq!(online_minutes(&[stay(-30, -5), stay(95, 100)], &s), 0);
    }

    #[test]
    fn the_room_marks_a_member_without_a_staff_mark() {
        let member = AccountId::new();
        let status = |stays: &[Visit]| {
            room_attendance(&sheet(member, None), member, stays, at(100))
                .unwrap()
                .marks[0]
                .status
        };
        assert_eq!(status(&[stay(-5, 90)]), AttendanceStatus::Present);
        assert_eq!(status(&[stay(15, 90)]), AttendanceStatus::Late);
        assert_eq!(status(&[stay(0, 60)]), AttendanceStatus::LeftEarly);
        let write = room_attendance(&sheet(member, None), member, &[stay(0, 60)], at(100)).unwrap();
        assert_eq!(
            (
                write.marks[0].minutes,
                write.marks[0].online_minutes,
                write.marks[0].source
            ),
            (60, 60, MarkSource::Room)
        );
    }

    #[test]
    fn a_staff_mark_keeps_its_status_and_gains_the_online_minutes() {
        let member = AccountId::new();
        let staff = |status, minutes| AttendanceMark {
            session_id: SessionId::new(),
            account_id: member,
            status,
            minutes,
            source: MarkSource::Staff,
            marked_by: Some(AccountId::new()),
            marked_at: at(95),
            online_minutes: 0,
        };
        // Late in the room for 40 minutes, then 30 online: 70 in all, still late.
        let hybrid = sheet(member, Some(staff(AttendanceStatus::Late, 40)));
        let mark = room_attendance(&hybrid, member, &[stay(50, 80)], at(100))
            .unwrap()
            .marks[0]
            .clone();
        assert_eq!(
            (mark.status, mark.minutes, mark.online_minutes, mark.source),
            (AttendanceStatus::Late, 70, 30, MarkSource::Staff)
        );
        // Marked absent from the room but there online: the room's time decides.
        let absent = sheet(member, Some(staff(AttendanceStatus::Absent, 0)));
        let mark = room_attendance(&absent, member, &[stay(0, 90)], at(100))
            .unwrap()
            .marks[0]
            .clone();
        assert_eq!((mark.status, mark.minutes), (AttendanceStatus::Present, 90));
        // Never more than the session's length.
        let full = sheet(member, Some(staff(AttendanceStatus::Present, 90)));
        let mark = room_attendance(&full, member, &[stay(0, 30)], at(100))
            .unwrap()
            .marks[0]
            .clone();
        assert_eq!(mark.minutes, 90);
    }

    #[test]
    fn a_signed_note_or_a_stranger_changes_nothing() {
        let member = AccountId::new();
        let mut signed = sheet(member, None);
        signed.documented = true;
        assert!(room_attendance(&signed, member, &[stay(0, 90)], at(100))
            .unwrap()
            .marks
            .is_empty());
        let stranger = AccountId::new();
        assert!(
            room_attendance(&sheet(member, None), stranger, &[stay(0, 90)], at(100))
                .unwrap()
                .marks
                .is_empty()
        );
    }
}
