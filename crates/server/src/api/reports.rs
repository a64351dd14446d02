//! Reports as JSON: the same use cases as the report pages and their CSV files.

use axum::extract::{Path, Query, State};
use axum::Json;
use kindred_domain::reports::{
    self, Asked, BillingRow, DateRange, GroupAttendanceReport, MemberReport, RangeInput,
};

use super::{parse_id, ApiErrorBody, ApiResult};
use crate::app::AppState;
use crate::http::{AuditTrail, Auth};

#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct GroupReportResponse {
    pub range: DateRange,
    pub report: GroupAttendanceReport,
}

#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct BillingResponse {
    pub range: DateRange,
    pub rows: Vec<BillingRow>,
}

/// Attendance per session and member, absence runs and retention (default: the last 12 weeks).
#[utoipa::path(get, path = "/api/v1/orgs/{org_id}/groups/{group_id}/attendance-report", tag = "reports",
    params(("org_id" = String, Path), ("group_id" = String, Path), RangeInput),
    responses((status = 200, body = GroupReportResponse), (status = 404, body = ApiErrorBody),
        (status = 422, body = ApiErrorBody)))]
pub async fn group_report(
    State(state): State<AppState>,
    auth: Auth,
    AuditTrail(trail): AuditTrail,
    Path((org_id, group_id)): Path<(String, String)>,
    Query(range): Query<RangeInput>,
) -> ApiResult<Json<GroupReportResponse>> {
    let (org, group) = (parse_id(&org_id)?, parse_id(&group_id)?);
    let (range, report) = reports::group_report(
        state.store(),
        &auth.actor,
        org,
        group,
        &range,
        Asked::shown(&trail),
        state.now(),
    )
    .await?;
    Ok(Json(GroupReportResponse { range, report }))
}

/// A member's sessions and weekly hours against their level of care (default: 12 weeks).
#[utoipa::path(get, path = "/api/v1/orgs/{org_id}/members/{member_id}/hours", tag = "reports",
    params(("org_id" = String, Path), ("member_id" = String, Path), RangeInput),
    responses((status = 200, body = MemberReport), (status = 404, body = ApiErrorBody),
        (status = 422, body = ApiErrorBody)))]
pub async fn member_hours(
    State(state): State<AppState>,
    auth: Auth,
    AuditTrail(trail): AuditTrail,
    Path((org_id, account_id)): Path<(String, String)>,
    Query(range): Query<RangeInput>,
) -> ApiResult<Json<MemberReport>> {
    let (org, account) = (parse_id(&org_id)?, parse_id(&account_id)?);
    Ok(Json(
        reports::member_report(
            state.store(),
            &auth.actor,
            org,
            account,
            &range,
            Asked::shown(&trail),
            state.now(),
        )
        .await?,
    ))
}

/// One row per billable attendance in the range (default: the last 31 days).
#[utoipa::path(get, path = "/api/v1/orgs/{org_id}/billing", tag = "reports",
    params(("org_id" = String, Path), RangeInput),
    responses((status = 200, body = BillingResponse), (status = 404, body = ApiErrorBody),
        (status = 422, body = ApiErrorBody)))]
pub async fn billing(
    State(state): State<AppState>,
    auth: Auth,
    AuditTrail(trail): AuditTrail,
    Path(org_id): Path<String>,
    Query(range): Query<RangeInput>,
) -> ApiResult<Json<BillingResponse>> {
    let org = parse_id(&org_id)?;
    let (range, rows) = reports::billing_export(
        state.store(),
        &auth.actor,
        org,
        &range,
        Asked::shown(&trail),
        state.now(),
    )
    .await?;
    Ok(Json(BillingResponse { range, rows }))
}
