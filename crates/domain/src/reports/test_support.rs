//! Builders for report tests: facts and spans with readable defaults.

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};

use super::facts::{AttendanceFact, BillingCode, EnrollmentSpan};
use crate::attendance::AttendanceStatus;
use crate::groups::GroupKind;
use crate::ids::{AccountId, GroupId, SessionId};
use crate::programs::LevelOfCare;

pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

pub fn at(date: NaiveDate, hour: u32) -> DateTime<Utc> {
    date.and_time(NaiveTime::from_hms_opt(hour, 0, 0).unwrap())
        .and_utc()
}

/// A member with a fixed name and a fresh id.
#[derive(Clone)]
pub struct Member {
    pub id: AccountId,
    pub name: String,
}

pub fn member(name: &str) -> Member {
    Member {
        id: AccountId::new(),
        name: name.to_owned(),
    }
}

/// A group with its kind, program level of care and optional billing override.
#[derive(Clone)]
pub struct Group {
    pub id: GroupId,
    pub name: String,
    pub kind: GroupKind,
    pub level_of_care: LevelOfCare,
    pub billing_override: Option<BillingCode>,
}

pub fn group(name: &str, kind: GroupKind, level_of_care: LevelOfCare) -> Group {
    Group {
        id: GroupId::new(),
        name: name.to_owned(),
        kind,
        level_of_care,
        billing_override: None,
    }
}

/// One session of a group.
#[derive(Clone)]
pub struct Session {
    pub id: SessionId,
    pub date: NaiveDate,
    pub starts_at: DateTime<Utc>,
    pub minutes: i32,
    pub group: Group,
    pub facilitator: String,
}

pub fn session(group: &Group, date: NaiveDate, hour: u32, minutes: i32) -> Session {
    Session {
        id: SessionId::new(),
        date,
        starts_at: at(date, hour),
        minutes,
        group: group.clone(),
        facilitator: "Dr. Lee".to_owned(),
    }
}

/// A mark with the session's full length as minutes when attended, none otherwise.
pub fn mark(session: &Session, member: &Member, status: AttendanceStatus) -> AttendanceFact {
    let minutes = if status.attended() {
        session.minutes
    } else {
        0
    };
    mark_minutes(session, member, status, minutes)
}

pub fn mark_minutes(
    session: &Session,
    member: &Member,
    status: AttendanceStatus,
    minutes: i32,
) -> AttendanceFact {
    AttendanceFact {
        session_id: session.id,
        session_date: session.date,
        session_starts_at: session.starts_at,
        session_minutes: session.minutes,
        group_id: session.group.id,
        group_name: session.group.name.clone(),
        group_kind: session.group.kind,
        level_of_care: session.group.level_of_care,
        billing_override: session.group.billing_override.clone(),
        facilitator_name: session.facilitator.clone(),
        account_id: member.id,
        member_name: member.name.clone(),
        status,
        minutes,
    }
}

pub fn span(member: &Member, from: DateTime<Utc>, until: Option<DateTime<Utc>>) -> EnrollmentSpan {
    EnrollmentSpan {
        account_id: member.id,
        member_name: member.name.clone(),
        active_from: from,
        active_until: until,
    }
}
