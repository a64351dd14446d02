//! Attendance facts and enrollment spans.

use chrono::{DateTime, Utc};
use kindred_domain::reports::{AttendanceFact, BillingCode, EnrollmentSpan};
use kindred_domain::StoreError;

use super::SqliteRow;
use crate::errors::{code, id, time_zone};
use crate::sqlite::values::Cols;

#[derive(sqlx::FromRow)]
pub(crate) struct FactRow {
    session_id: String,
    starts_at: DateTime<Utc>,
    ends_at: DateTime<Utc>,
    time_zone: String,
    group_id: String,
    group_name: String,
    kind: String,
    level_of_care: String,
    billing_code: String,
    billing_modifier: String,
    facilitator_name: String,
    account_id: String,
    member_name: String,
    status: String,
    minutes: i32,
}

impl SqliteRow for FactRow {
    fn read(c: &mut Cols<'_, '_>) -> rusqlite::Result<Self> {
        Ok(FactRow {
            session_id: c.get("session_id")?,
            starts_at: c.time("starts_at")?,
            ends_at: c.time("ends_at")?,
            time_zone: c.get("time_zone")?,
            group_id: c.get("group_id")?,
            group_name: c.get("group_name")?,
            kind: c.get("kind")?,
            level_of_care: c.get("level_of_care")?,
            billing_code: c.get("billing_code")?,
            billing_modifier: c.get("billing_modifier")?,
            facilitator_name: c.get("facilitator_name")?,
            account_id: c.get("account_id")?,
            member_name: c.get("member_name")?,
            status: c.get("status")?,
            minutes: c.get("minutes")?,
        })
    }
}

impl TryFrom<FactRow> for AttendanceFact {
    type Error = StoreError;
    fn try_from(r: FactRow) -> Result<Self, StoreError> {
        let zone = time_zone(&r.time_zone)?;
        let minutes = (r.ends_at - r.starts_at).num_minutes();
        Ok(AttendanceFact {
            session_id: id("group_sessions.id", &r.session_id)?,
            session_date: r.starts_at.with_timezone(&zone).date_naive(),
            session_starts_at: r.starts_at,
            session_minutes: i32::try_from(minutes).unwrap_or(i32::MAX),
            group_id: id("groups.id", &r.group_id)?,
            group_name: r.group_name,
            group_kind: code("groups.kind", &r.kind)?,
            level_of_care: code("programs.level_of_care", &r.level_of_care)?,
            billing_override: (!r.billing_code.is_empty())
                .then(|| BillingCode::new(&r.billing_code, &r.billing_modifier)),
            facilitator_name: r.facilitator_name,
            account_id: id("attendance.account_id", &r.account_id)?,
            member_name: r.member_name,
            status: code("attendance.status", &r.status)?,
            minutes: r.minutes,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct SpanRow {
    account_id: String,
    member_name: String,
    active_from: DateTime<Utc>,
    active_until: Option<DateTime<Utc>>,
}

impl SqliteRow for SpanRow {
    fn read(c: &mut Cols<'_, '_>) -> rusqlite::Result<Self> {
        Ok(SpanRow {
            account_id: c.get("account_id")?,
            member_name: c.get("member_name")?,
            active_from: c.time("active_from")?,
            active_until: c.opt_time("active_until")?,
        })
    }
}

impl TryFrom<SpanRow> for EnrollmentSpan {
    type Error = StoreError;
    fn try_from(r: SpanRow) -> Result<Self, StoreError> {
        Ok(EnrollmentSpan {
            account_id: id("enrollments.account_id", &r.account_id)?,
            member_name: r.member_name,
            active_from: r.active_from,
            active_until: r.active_until,
        })
    }
}
