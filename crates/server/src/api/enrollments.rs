//! Joining and leaving groups, seat offers, and a group's roster for its staff.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use kindred_domain::enrollments::{
    self, Enrollment, EnrollmentEvent, MyPlace, ReorderInput, RosterView, StaffChangeInput,
};

use super::{parse_id, ApiErrorBody, ApiResult};
use crate::app::AppState;
use crate::http::{ApiWrite, Auth, JsonBody};

/// Join a group: active when a seat is free and nobody is waiting, otherwise waitlisted.
#[utoipa::path(post, path = "/api/v1/groups/{group_id}/enrollment", tag = "enrollment",
    params(("group_id" = String, Path)),
    responses((status = 201, body = Enrollment), (status = 401, body = ApiErrorBody),
        (status = 404, body = ApiErrorBody), (status = 409, body = ApiErrorBody)))]
pub async fn join(
    State(state): State<AppState>,
    auth: Auth,
    _write: ApiWrite,
    Path(group_id): Path<String>,
) -> ApiResult<(StatusCode, Json<Enrollment>)> {
    let group = parse_id(&group_id)?;
    let enrollment =
        enrollments::join_group(state.store(), &auth.actor, group, state.now()).await?;
    Ok((StatusCode::CREATED, Json(enrollment)))
}

/// Where the signed-in person stands in the group; `null` when not on its list.
#[utoipa::path(get, path = "/api/v1/groups/{group_id}/enrollment", tag = "enrollment",
    params(("group_id" = String, Path)),
    responses((status = 200, body = Option<MyPlace>), (status = 401, body = ApiErrorBody)))]
pub async fn mine(
    State(state): State<AppState>,
    auth: Auth,
    Path(group_id): Path<String>,
) -> ApiResult<Json<Option<MyPlace>>> {
    let group = parse_id(&group_id)?;
    kindred_domain::policy::signed_in(&auth.actor)?;
    Ok(Json(
        enrollments::my_place(state.store(), &auth.actor, group, state.now()).await?,
    ))
}

/// Leave the group or its waitlist; a freed seat moves on to the next person waiting.
#[utoipa::path(delete, path = "/api/v1/groups/{group_id}/enrollment", tag = "enrollment",
    params(("group_id" = String, Path)),
    responses((status = 204), (status = 401, body = ApiErrorBody),
        (status = 409, body = ApiErrorBody)))]
pub async fn leave(
    State(state): State<AppState>,
    auth: Auth,
    _write: ApiWrite,
    Path(group_id): Path<String>,
) -> ApiResult<StatusCode> {
    let group = parse_id(&group_id)?;
    enrollments::leave_group(state.store(), &auth.actor, group, state.now()).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Take the seat held for you.
#[utoipa::path(post, path = "/api/v1/groups/{group_id}/enrollment/accept-offer", tag = "enrollment",
    params(("group_id" = String, Path)),
    responses((status = 204), (status = 401, body = ApiErrorBody),
        (status = 409, body = ApiErrorBody)))]
pub async fn accept_offer(
    State(state): State<AppState>,
    auth: Auth,
    _write: ApiWrite,
    Path(group_id): Path<String>,
) -> ApiResult<StatusCode> {
    let group = parse_id(&group_id)?;
    enrollments::accept_offer(state.store(), &auth.actor, group, state.now()).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Turn the held seat down; it goes to the next person waiting.
#[utoipa::path(post, path = "/api/v1/groups/{group_id}/enrollment/decline-offer", tag = "enrollment",
    params(("group_id" = String, Path)),
    responses((status = 204), (status = 401, body = ApiErrorBody),
        (status = 409, body = ApiErrorBody)))]
pub async fn decline_offer(
    State(state): State<AppState>,
    auth: Auth,
    _write: ApiWrite,
    Path(group_id): Path<String>,
) -> ApiResult<StatusCode> {
    let group = parse_id(&group_id)?;
    enrollments::decline_offer(state.store(), &auth.actor, group, state.now()).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// A group's roster: active members, the waitlist in order, open offers.
#[utoipa::path(get, path = "/api/v1/orgs/{org_id}/groups/{group_id}/roster", tag = "enrollment",
    params(("org_id" = String, Path), ("group_id" = String, Path)),
    responses((status = 200, body = RosterView), (status = 404, body = ApiErrorBody)))]
pub async fn roster(
    State(state): State<AppState>,
    auth: Auth,
    Path((org_id, group_id)): Path<(String, String)>,
) -> ApiResult<Json<RosterView>> {
    let (org, group) = (parse_id(&org_id)?, parse_id(&group_id)?);
    Ok(Json(
        enrollments::group_roster(state.store(), &auth.actor, org, group, state.now()).await?,
    ))
}

/// Remove a member (with a reason) or mark them as having completed the group.
#[utoipa::path(post, path = "/api/v1/orgs/{org_id}/groups/{group_id}/roster/changes", tag = "enrollment",
    params(("org_id" = String, Path), ("group_id" = String, Path)), request_body = StaffChangeInput,
    responses((status = 204), (status = 404, body = ApiErrorBody),
        (status = 422, body = ApiErrorBody)))]
pub async fn change(
    State(state): State<AppState>,
    auth: Auth,
    Path((org_id, group_id)): Path<(String, String)>,
    JsonBody(input): JsonBody<StaffChangeInput>,
) -> ApiResult<StatusCode> {
    let (org, group) = (parse_id(&org_id)?, parse_id(&group_id)?);
    enrollments::staff_change(state.store(), &auth.actor, org, group, input, state.now()).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Move one person on the waitlist, saying why.
#[utoipa::path(post, path = "/api/v1/orgs/{org_id}/groups/{group_id}/roster/reorder", tag = "enrollment",
    params(("org_id" = String, Path), ("group_id" = String, Path)), request_body = ReorderInput,
    responses((status = 204), (status = 404, body = ApiErrorBody),
        (status = 422, body = ApiErrorBody)))]
pub async fn reorder(
    State(state): State<AppState>,
    auth: Auth,
    Path((org_id, group_id)): Path<(String, String)>,
    JsonBody(input): JsonBody<ReorderInput>,
) -> ApiResult<StatusCode> {
    let (org, group) = (parse_id(&org_id)?, parse_id(&group_id)?);
    enrollments::reorder_waitlist(state.store(), &auth.actor, org, group, input, state.now())
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Every change of one enrollment, oldest first: for the person and the group's staff.
#[utoipa::path(get, path = "/api/v1/enrollments/{enrollment_id}/history", tag = "enrollment",
    params(("enrollment_id" = String, Path)),
    responses((status = 200, body = Vec<EnrollmentEvent>), (status = 404, body = ApiErrorBody)))]
pub async fn history(
    State(state): State<AppState>,
    auth: Auth,
    Path(enrollment_id): Path<String>,
) -> ApiResult<Json<Vec<EnrollmentEvent>>> {
    let id = parse_id(&enrollment_id)?;
    Ok(Json(
        enrollments::enrollment_history(state.store(), &auth.actor, id).await?,
    ))
}
