//! Report pages and their CSV downloads: a group's attendance and retention, a member's
//! weekly hours against their level of care, and the organization's billing export.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use kindred_domain::groups::{self, Group};
use kindred_domain::ids::{AccountId, GroupId, OrgId};
use kindred_domain::orgs::{self, Organization};
use kindred_domain::reports::{
    self, billing_csv_header, member_attendance_csv_header, session_attendance_csv_header,
    week_hours_csv_header, week_retention_csv_header, Asked, BillingRow, DateRange,
    GroupAttendanceReport, MemberReport, RangeInput,
};
use kindred_domain::{Error, FieldErrors};

use super::id;
use crate::app::AppState;
use crate::http::{csv_download, AuditTrail, Auth};
use crate::pages::{render, render_with, Layout, PageError, PageResult};

#[derive(Template)]
#[template(path = "orgs/group_report.html")]
struct GroupReportPage {
    layout: Layout,
    org: Organization,
    group: Group,
    range: DateRange,
    report: GroupAttendanceReport,
}

#[derive(Template)]
#[template(path = "orgs/member_hours.html")]
struct MemberHoursPage {
    layout: Layout,
    org: Organization,
    account_id: AccountId,
    report: MemberReport,
}

#[derive(Template)]
#[template(path = "orgs/billing.html")]
struct BillingPage {
    layout: Layout,
    org: Organization,
    input: RangeInput,
    range: Option<DateRange>,
    rows: Vec<BillingRow>,
    errors: FieldErrors,
}

/// A range or the page's own "which table" choice; unknown keys are ignored by serde.
#[derive(Debug, Default, serde::Deserialize)]
pub struct ReportQuery {
    #[serde(default)]
    from: String,
    #[serde(default)]
    to: String,
    /// For a group's CSV: `sessions`, `members` or `weeks`.
    #[serde(default)]
    table: String,
}

impl ReportQuery {
    fn range(&self) -> RangeInput {
        RangeInput {
            from: self.from.clone(),
            to: self.to.clone(),
        }
    }
}

fn ids(org: &str, group: &str) -> Result<(OrgId, GroupId), PageError> {
    Ok((id(org)?, id(group)?))
}

pub async fn group_report(
    State(state): State<AppState>,
    auth: Auth,
    AuditTrail(trail): AuditTrail,
    Path((org_id, group_id)): Path<(String, String)>,
    Query(q): Query<ReportQuery>,
) -> PageResult {
    let (org, group) = ids(&org_id, &group_id)?;
    let (range, report) = reports::group_report(
        state.store(),
        &auth.actor,
        org,
        group,
        &q.range(),
        Asked::shown(&trail),
        state.now(),
    )
    .await?;
    let group = groups::group(state.store(), &auth.actor, org, group).await?;
    render(GroupReportPage {
        layout: Layout::new(&auth, format!("Attendance: {}", group.name)),
        org: orgs::organization(state.store(), &auth.actor, org).await?,
        group,
        range,
        report,
    })
}

pub async fn group_report_csv(
    State(state): State<AppState>,
    auth: Auth,
    AuditTrail(trail): AuditTrail,
    Path((org_id, group_id)): Path<(String, String)>,
    Query(q): Query<ReportQuery>,
) -> Result<Response, PageError> {
    let (org, group) = ids(&org_id, &group_id)?;
    let (range, report) = reports::group_report(
        state.store(),
        &auth.actor,
        org,
        group,
        &q.range(),
        Asked::download(&trail),
        state.now(),
    )
    .await?;
    let name = |table: &str| format!("attendance-{table}-{}-{}.csv", range.from, range.to);
    let response = match q.table.as_str() {
        "members" => csv_download(
            &name("members"),
            member_attendance_csv_header(),
            report.members.iter().map(|r| r.csv_fields()),
        ),
        "weeks" => csv_download(
            &name("weeks"),
            week_retention_csv_header(),
            report.weeks.iter().map(|r| r.csv_fields()),
        ),
        "sessions" | "" => csv_download(
            &name("sessions"),
            session_attendance_csv_header(),
            report.sessions.iter().map(|r| r.csv_fields()),
        ),
        _ => {
            return Err(
                Error::invalid("table", "Choose the sessions, members or weeks table.").into(),
            )
        }
    };
    Ok(response?)
}

pub async fn member_hours(
    State(state): State<AppState>,
    auth: Auth,
    AuditTrail(trail): AuditTrail,
    Path((org_id, account_id)): Path<(String, String)>,
    Query(q): Query<ReportQuery>,
) -> PageResult {
    let (org, account): (OrgId, AccountId) = (id(&org_id)?, id(&account_id)?);
    let report = reports::member_report(
        state.store(),
        &auth.actor,
        org,
        account,
        &q.range(),
        Asked::shown(&trail),
        state.now(),
    )
    .await?;
    render(MemberHoursPage {
        layout: Layout::new(&auth, format!("Hours: {}", report.member_name)),
        org: orgs::organization(state.store(), &auth.actor, org).await?,
        account_id: account,
        report,
    })
}

pub async fn member_hours_csv(
    State(state): State<AppState>,
    auth: Auth,
    AuditTrail(trail): AuditTrail,
    Path((org_id, account_id)): Path<(String, String)>,
    Query(q): Query<ReportQuery>,
) -> Result<Response, PageError> {
    let (org, account): (OrgId, AccountId) = (id(&org_id)?, id(&account_id)?);
    let report = reports::member_report(
        state.store(),
        &auth.actor,
        org,
        account,
        &q.range(),
        Asked::download(&trail),
        state.now(),
    )
    .await?;
    Ok(csv_download(
        &format!("hours-{}-{}.csv", report.range.from, report.range.to),
        week_hours_csv_header(),
        report.hours.weeks.iter().map(|w| w.csv_fields()),
    )?)
}

pub async fn billing(
    State(state): State<AppState>,
    auth: Auth,
    AuditTrail(trail): AuditTrail,
    Path(org_id): Path<String>,
    Query(q): Query<ReportQuery>,
) -> PageResult {
    let org: OrgId = id(&org_id)?;
    let input = q.range();
    let result = reports::billing_export(
        state.store(),
        &auth.actor,
        org,
        &input,
        Asked::shown(&trail),
        state.now(),
    )
    .await;
    let org_view = orgs::organization(state.store(), &auth.actor, org).await?;
    let (range, rows, errors, status) = match result {
        Ok((range, rows)) => (
            Some(range),
            rows,
            FieldErrors::new(),
            axum::http::StatusCode::OK,
        ),
        Err(Error::Invalid(errors)) => (
            None,
            Vec::new(),
            errors,
            axum::http::StatusCode::UNPROCESSABLE_ENTITY,
        ),
        Err(other) => return Err(other.into()),
    };
    render_with(
        status,
        BillingPage {
            layout: Layout::new(&auth, "Billing export"),
            org: org_view,
            input,
            range,
            rows,
            errors,
        },
    )
}

pub async fn billing_csv(
    State(state): State<AppState>,
    auth: Auth,
    AuditTrail(trail): AuditTrail,
    Path(org_id): Path<String>,
    Query(q): Query<ReportQuery>,
) -> Result<Response, PageError> {
    let org: OrgId = id(&org_id)?;
    let (range, rows) = reports::billing_export(
        state.store(),
        &auth.actor,
        org,
        &q.range(),
        Asked::download(&trail),
        state.now(),
    )
    .await?;
    Ok(csv_download(
        &format!("billing-{}-{}.csv", range.from, range.to),
        billing_csv_header(),
        rows.iter().map(|r| r.csv_fields()),
    )?)
}
