//! What both the demo's groups and the generated ones are given: weekly sessions at the
//! group's local meeting times, who held a seat when, and a mark for everyone on a held
//! session's roster.

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, TimeZone, Utc, Weekday};
use chrono_tz::Tz;

use crate::db::{parse_ts, Db, Mark};
use crate::rng::Rng;
use crate::Result;

/// What every step needs to know about time.
pub struct Clock {
    pub now: DateTime<Utc>,
    /// Weeks of history before today.
    pub weeks: i64,
    /// Weeks of scheduled sessions after today (generated groups; the demo has its own).
    pub weeks_ahead: i64,
    /// Held sessions that ended after this are left for their facilitator to mark.
    pub mark_cutoff: DateTime<Utc>,
}

impl Clock {
    /// The first day with sessions, in the group's zone.
    pub fn first_day(&self, zone: Tz) -> NaiveDate {
        self.now.with_timezone(&zone).date_naive() - Duration::days(7 * self.weeks)
    }

    /// The start of the first day with sessions, as an instant.
    pub fn history_start(&self, zone: Tz) -> DateTime<Utc> {
        local(zone, self.first_day(zone), NaiveTime::MIN).unwrap_or(self.now)
    }
}

pub struct Session {
    pub id: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub status: String,
}

impl Session {
    pub fn from_row(id: String, starts: &str, ends: &str, status: String) -> Result<Session> {
        Ok(Session {
            id,
            starts_at: parse_ts(starts)?,
            ends_at: parse_ts(ends)?,
            status,
        })
    }

    pub fn minutes(&self) -> i64 {
        (self.ends_at - self.starts_at).num_minutes()
    }
}

/// One meeting of a group's week, in the group's zone.
#[derive(Debug, Clone)]
pub struct Slot {
    pub date: NaiveDate,
    pub time: NaiveTime,
    pub minutes: i64,
}

/// The meetings of the first week of `sessions` (in start order): the group's weekly pattern.
pub fn weekly_pattern(zone: Tz, sessions: &[Session]) -> Vec<Slot> {
    let Some(first) = sessions.first() else {
        return Vec::new();
    };
    sessions
        .iter()
        .take_while(|s| s.starts_at < first.starts_at + Duration::days(7))
        .map(|s| {
            let start = s.starts_at.with_timezone(&zone);
            Slot {
                date: start.date_naive(),
                time: start.time(),
                minutes: s.minutes(),
            }
        })
        .collect()
}

/// The meeting `weeks` weeks after `slot` (negative: before), at the same local time; None
/// when that time does not exist on that day (a spring-forward gap).
pub fn occurrence(zone: Tz, slot: &Slot, weeks: i64) -> Option<(NaiveDate, DateTime<Utc>)> {
    let date = slot.date.checked_add_signed(Duration::days(7 * weeks))?;
    Some((date, local(zone, date, slot.time)?))
}

fn local(zone: Tz, date: NaiveDate, time: NaiveTime) -> Option<DateTime<Utc>> {
    zone.from_local_datetime(&date.and_time(time))
        .earliest()
        .map(|t| t.with_timezone(&Utc))
}

/// Days the centres close (US): New Year's Day, Independence Day, Thanksgiving, Christmas.
pub fn holiday(date: NaiveDate) -> bool {
    let thanksgiving =
        date.month() == 11 && date.weekday() == Weekday::Thu && (date.day() - 1) / 7 == 3;
    matches!((date.month(), date.day()), (1, 1) | (7, 4) | (12, 25)) || thanksgiving
}

pub const HOLIDAY_REASON: &str = "The centre is closed for the holiday.";

/// Who held a seat in the group from when until when (None: still does).
pub struct Span {
    pub account: String,
    pub from: DateTime<Utc>,
    pub until: Option<DateTime<Utc>>,
    /// How likely this person is to miss a session.
    pub absent_p: f64,
}

impl Span {
    /// The roster's rule: active from at or before the session's end, until after its start.
    pub fn covers(&self, s: &Session) -> bool {
        self.from <= s.ends_at && self.until.is_none_or(|u| u > s.starts_at)
    }
}

/// Most people come nearly every week; a few miss one session in four.
pub fn absent_probability(rng: &mut Rng) -> f64 {
    let r = rng.unit();
    0.03 + 0.22 * r * r
}

/// How the group's marks are taken.
pub struct Marking<'a> {
    /// The lead facilitator, who marks the sheet.
    pub lead: Option<&'a str>,
    /// Online and hybrid groups: members may check themselves in.
    pub check_in: bool,
    /// Also append each mark to `attendance_changes`, as marking through the app does.
    pub log: bool,
}

/// Marks everyone on the roster of a held session that ended before the clock's cutoff.
pub fn mark_session(
    db: &mut Db,
    rng: &mut Rng,
    clock: &Clock,
    session: &Session,
    spans: &[Span],
    how: &Marking<'_>,
) -> Result<()> {
    if session.status != "held" || session.ends_at > clock.mark_cutoff {
        return Ok(());
    }
    let length = session.minutes().max(1);
    for span in spans.iter().filter(|s| s.covers(session)) {
        let (status, minutes, late_by) = if rng.chance(span.absent_p) {
            (if rng.chance(0.3) { "excused" } else { "absent" }, 0, 0)
        } else {
            let r = rng.unit();
            if r < 0.88 {
                ("present", length, 0)
            } else if r < 0.95 {
                let late_by = rng.between(11, 30).min(length - 1).max(0);
                ("late", length - late_by, late_by)
            } else {
                (
                    "left_early",
                    length - rng.between(15, 40).min(length - 1),
                    0,
                )
            }
        };
        let checked_in = how.check_in && matches!(status, "present" | "late") && rng.chance(0.5);
        let (source, marked_by, marked_at) = if checked_in {
            let at = if status == "late" {
                session.starts_at + Duration::minutes(late_by)
            } else {
                session.starts_at + Duration::minutes(rng.between(-15, 10))
            };
            ("self", Some(span.account.as_str()), at)
        } else {
            let at = session.ends_at + Duration::minutes(rng.between(5, 180));
            ("staff", how.lead, at)
        };
        db.insert_mark(
            &Mark {
                session_id: &session.id,
                account_id: &span.account,
                status,
                minutes: minutes.max(0),
                source,
                marked_by,
                marked_at,
            },
            how.log,
        )?;
    }
    db.checkpoint()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holidays_include_thanksgiving_2026() {
        let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap_or_default();
        assert!(holiday(day(11, 26)));
        assert!(!holiday(day(11, 19)));
        assert!(holiday(day(12, 25)));
        assert!(!holiday(day(12, 24)));
    }

    #[test]
    fn a_span_covers_sessions_the_roster_would_list() {
        let t = |h| {
            Utc.with_ymd_and_hms(2026, 3, 2, h, 0, 0)
                .single()
                .unwrap_or_default()
        };
        let session = Session {
            id: String::new(),
            starts_at: t(10),
            ends_at: t(12),
            status: "held".into(),
        };
        let span = |from, until| Span {
            account: String::new(),
            from,
            until,
            absent_p: 0.0,
        };
        assert!(span(t(12), None).covers(&session));
        assert!(!span(t(13), None).covers(&session));
        assert!(span(t(1), Some(t(11))).covers(&session));
        assert!(!span(t(1), Some(t(10))).covers(&session));
    }
}
