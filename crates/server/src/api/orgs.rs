use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use kindred_domain::orgs::{self, AddStaffInput, OrgDashboard, StaffMember};

use super::{parse_id, ApiErrorBody, ApiResult};
use crate::app::AppState;
use crate::http::{ApiWrite, Auth, JsonBody};

/// An organization's programs, locations, groups and staff (staff of that organization only).
#[utoipa::path(get, path = "/api/v1/orgs/{org_id}", tag = "organizations",
    params(("org_id" = String, Path)),
    responses((status = 200, body = OrgDashboard), (status = 404, body = ApiErrorBody)))]
pub async fn dashboard(
    State(state): State<AppState>,
    auth: Auth,
    Path(org_id): Path<String>,
) -> ApiResult<Json<OrgDashboard>> {
    Ok(Json(
        orgs::org_dashboard(state.store(), &auth.actor, parse_id(&org_id)?).await?,
    ))
}

#[utoipa::path(get, path = "/api/v1/orgs/{org_id}/staff", tag = "organizations",
    params(("org_id" = String, Path)),
    responses((status = 200, body = Vec<StaffMember>), (status = 404, body = ApiErrorBody)))]
pub async fn staff(
    State(state): State<AppState>,
    auth: Auth,
    Path(org_id): Path<String>,
) -> ApiResult<Json<Vec<StaffMember>>> {
    Ok(Json(
        orgs::staff_of(state.store(), &auth.actor, parse_id(&org_id)?).await?,
    ))
}

/// Give an existing account a staff role (org_admin only).
#[utoipa::path(post, path = "/api/v1/orgs/{org_id}/staff", tag = "organizations",
    params(("org_id" = String, Path)), request_body = AddStaffInput,
    responses((status = 201, body = StaffMember), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub async fn add_staff(
    State(state): State<AppState>,
    auth: Auth,
    Path(org_id): Path<String>,
    JsonBody(input): JsonBody<AddStaffInput>,
) -> ApiResult<(StatusCode, Json<StaffMember>)> {
    let member = orgs::add_staff(state.store(), &auth.actor, parse_id(&org_id)?, &input).await?;
    Ok((StatusCode::CREATED, Json(member)))
}

/// End a staff role (org_admin only; not one's own).
#[utoipa::path(delete, path = "/api/v1/orgs/{org_id}/staff/{account_id}", tag = "organizations",
    params(("org_id" = String, Path), ("account_id" = String, Path)),
    responses((status = 204, description = "Removed"), (status = 404, body = ApiErrorBody)))]
pub async fn remove_staff(
    State(state): State<AppState>,
    auth: Auth,
    _write: ApiWrite,
    Path((org_id, account_id)): Path<(String, String)>,
) -> ApiResult<StatusCode> {
    orgs::remove_staff(
        state.store(),
        &auth.actor,
        parse_id(&org_id)?,
        parse_id(&account_id)?,
    )
    .await?;
    Ok(StatusCode::NO_CONTENT)
}
