//! Report use cases: each asks the policy, reads the facts for the range, and computes.

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};

use super::{
    billing_rows, group_attendance, member_hours, BillingRow, GroupAttendanceReport,
    MemberHoursReport,
};
use crate::audit::{AuditAction, AuditEvent, AuditObject, Trail};
use crate::auth::Actor;
use crate::ids::{AccountId, GroupId, OrgId};
use crate::policy::{authorize, Access};
use crate::store::{FactQuery, FactScope};
use crate::{Error, FieldErrors, Store};

/// The longest range one report covers: a year and a day (a leap year's reporting year).
pub const MAX_RANGE_DAYS: i64 = 366;

/// A date range as typed into the form or the query string; blank means the default.
#[derive(Debug, Default, Clone, serde::Deserialize, utoipa::ToSchema, utoipa::IntoParams)]
pub struct RangeInput {
    /// First day, YYYY-MM-DD (inclusive).
    #[serde(default)]
    pub from: String,
    /// Last day, YYYY-MM-DD (inclusive).
    #[serde(default)]
    pub to: String,
}

/// A checked range of whole days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct DateRange {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl RangeInput {
    /// Blank ends default to `default_days` up to today (in `zone`).
    pub fn parse(&self, today: NaiveDate, default_days: i64) -> Result<DateRange, Error> {
        let mut errors = FieldErrors::new();
        let mut day = |field: &str, raw: &str, default: NaiveDate| {
            let raw = raw.trim();
            if raw.is_empty() {
                return Some(default);
            }
            let parsed = NaiveDate::parse_from_str(raw, "%Y-%m-%d").ok();
            if parsed.is_none() {
                errors.add(field, "Give a date as YYYY-MM-DD, for example 2026-03-01.");
            }
            parsed
        };
        let to = day("to", &self.to, today);
        let from = day("from", &self.from, today - Duration::days(default_days - 1));
        if let (Some(from), Some(to)) = (from, to) {
            if to < from {
                errors.add("to", "The last day is before the first day.");
            } else if (to - from).num_days() >= MAX_RANGE_DAYS {
                errors.add(
                    "to",
                    "A report covers at most a year; choose a shorter range.",
                );
            }
            errors.into_result(DateRange { from, to })
        } else {
            Err(Error::Invalid(errors))
        }
    }
}

/// How a report leaves the server: shown (a page or JSON) or downloaded as CSV.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delivery {
    Shown,
    Download,
}

/// How a report was asked for: the request's trail, and how the report leaves.
#[derive(Debug, Clone, Copy)]
pub struct Asked<'a> {
    pub trail: &'a Trail,
    pub delivery: Delivery,
}

impl<'a> Asked<'a> {
    pub fn shown(trail: &'a Trail) -> Self {
        Asked {
            trail,
            delivery: Delivery::Shown,
        }
    }

    pub fn download(trail: &'a Trail) -> Self {
        Asked {
            trail,
            delivery: Delivery::Download,
        }
    }

    /// The actor's read of the report: attendance is clinical content, so every report
    /// records an event with the facts it is computed from.
    fn event(
        self,
        actor: &Actor,
        org: OrgId,
        kind: &'static str,
        id: String,
        now: DateTime<Utc>,
    ) -> AuditEvent {
        let action = match self.delivery {
            Delivery::Shown => AuditAction::ReportView,
            Delivery::Download => AuditAction::ReportExport,
        };
        AuditEvent::by(
            actor,
            org,
            action,
            AuditObject { kind, id },
            self.trail,
            now,
        )
    }
}

/// Facts are read by instant and cut back by their local date, so the instants reach a
/// day past each end of the range: any zone's sessions on those dates are found.
fn query(org: OrgId, scope: FactScope, range: DateRange) -> FactQuery {
    let midnight = |d: NaiveDate| Utc.from_utc_datetime(&d.and_time(chrono::NaiveTime::MIN));
    FactQuery {
        org,
        scope,
        from: midnight(range.from - Duration::days(1)),
        to: midnight(range.to + Duration::days(2)),
    }
}

/// Attendance per session and per member, absence runs and retention for one group:
/// for its facilitators and the organization's administrators.
pub async fn group_report(
    store: &dyn Store,
    actor: &Actor,
    org: OrgId,
    group: GroupId,
    range: &RangeInput,
    asked: Asked<'_>,
    now: DateTime<Utc>,
) -> Result<(DateRange, GroupAttendanceReport), Error> {
    let g = crate::groups::group_in_org(store, org, group).await?;
    authorize(actor, Access::RunGroup(&g))?;
    let range = range.parse(now.with_timezone(&g.time_zone).date_naive(), 12 * 7)?;
    let facts = store
        .attendance_facts(
            query(org, FactScope::Group(group), range),
            asked.event(actor, org, "group_report", group.to_string(), now),
        )
        .await?;
    let spans = store.enrollment_spans(group).await?;
    Ok((
        range,
        group_attendance(&facts, &spans, range.from, range.to),
    ))
}

/// One member's sessions and weekly hours against their program's level of care: for
/// the organization's clinicians and administrators.
pub async fn member_report(
    store: &dyn Store,
    actor: &Actor,
    org: OrgId,
    account: AccountId,
    range: &RangeInput,
    asked: Asked<'_>,
    now: DateTime<Utc>,
) -> Result<MemberReport, Error> {
    authorize(actor, Access::ClinicalOrg(org))?;
    // Only the organization's own members: an id from elsewhere names nobody here.
    if !store.ever_enrolled_in_org(account, org).await? {
        return Err(Error::NotFound);
    }
    let member = store.account_by_id(account).await?.ok_or(Error::NotFound)?;
    let range = range.parse(now.date_naive(), 12 * 7)?;
    let facts = store
        .attendance_facts(
            query(org, FactScope::Member(account), range),
            asked
                .event(actor, org, "member_report", account.to_string(), now)
                .about(account),
        )
        .await?;
    // Hours are counted against the most intensive level of care the member attended.
    let level = facts
        .iter()
        .map(|f| f.level_of_care)
        .max_by_key(|l| super::weekly_minimum_minutes(*l).unwrap_or(0))
        .unwrap_or(crate::programs::LevelOfCare::Outpatient);
    Ok(MemberReport {
        member_name: member.display_name.as_str().to_owned(),
        range,
        hours: member_hours(&facts, level, range.from, range.to),
    })
}

#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct MemberReport {
    pub member_name: String,
    pub range: DateRange,
    pub hours: MemberHoursReport,
}

/// One row per billable attendance in the range: for the organization's administrators.
pub async fn billing_export(
    store: &dyn Store,
    actor: &Actor,
    org: OrgId,
    range: &RangeInput,
    asked: Asked<'_>,
    now: DateTime<Utc>,
) -> Result<(DateRange, Vec<BillingRow>), Error> {
    authorize(actor, Access::ManageOrg(org))?;
    let range = range.parse(now.date_naive(), 31)?;
    let facts = store
        .attendance_facts(
            query(org, FactScope::Organization, range),
            asked.event(actor, org, "billing", org.to_string(), now),
        )
        .await?;
    let in_range: Vec<_> = facts
        .into_iter()
        .filter(|f| f.session_date >= range.from && f.session_date <= range.to)
        .collect();
    Ok((range, billing_rows(&in_range)))
}
