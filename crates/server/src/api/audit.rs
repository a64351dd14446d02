//! The organization's audit trail as JSON and CSV: the same use cases as the audit pages,
//! recorded in the trail they read.

use axum::extract::{Path, Query, State};
use axum::response::Response;
use axum::Json;
use kindred_domain::audit::{self, audit_csv_header, AuditEntry, AuditFilterInput};
use kindred_domain::ids::OrgId;

use super::{parse_id, ApiError, ApiErrorBody, ApiResult};
use crate::app::AppState;
use crate::http::{csv_download, AuditTrail, Auth};

#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct AuditListResponse {
    /// Newest first, at most 50.
    pub events: Vec<AuditEntry>,
    /// Set when older events match: pass it as `before` for the next page.
    pub next_before: Option<i64>,
}

/// The organization's audit events, newest first, 50 at a time (administrators only).
/// Reading them is itself recorded.
#[utoipa::path(get, path = "/api/v1/orgs/{org_id}/audit", tag = "audit",
    params(("org_id" = String, Path), AuditFilterInput),
    responses((status = 200, body = AuditListResponse), (status = 404, body = ApiErrorBody),
        (status = 422, body = ApiErrorBody)))]
pub async fn list(
    State(state): State<AppState>,
    auth: Auth,
    AuditTrail(trail): AuditTrail,
    Path(org_id): Path<String>,
    Query(input): Query<AuditFilterInput>,
) -> ApiResult<Json<AuditListResponse>> {
    let org: OrgId = parse_id(&org_id)?;
    let page =
        audit::audit_view(state.store(), &auth.actor, org, &input, &trail, state.now()).await?;
    Ok(Json(AuditListResponse {
        events: page.entries,
        next_before: page.next_before,
    }))
}

/// The same events as CSV, up to 10 000 newest first (administrators only). Exporting is
/// itself recorded.
#[utoipa::path(get, path = "/api/v1/orgs/{org_id}/audit.csv", tag = "audit",
    params(("org_id" = String, Path), AuditFilterInput),
    responses((status = 200, description = "seq, time, actor, actor id, organization, member, \
        member id, action, object kind, object id, outcome, request id, client address",
        content_type = "text/csv", body = String),
        (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub async fn csv(
    State(state): State<AppState>,
    auth: Auth,
    AuditTrail(trail): AuditTrail,
    Path(org_id): Path<String>,
    Query(input): Query<AuditFilterInput>,
) -> Result<Response, ApiError> {
    let org: OrgId = parse_id(&org_id)?;
    let page =
        audit::audit_export(state.store(), &auth.actor, org, &input, &trail, state.now()).await?;
    Ok(csv_download(
        &format!("audit-{org}.csv"),
        audit_csv_header(),
        page.entries.iter().map(AuditEntry::csv_fields),
    )?)
}
