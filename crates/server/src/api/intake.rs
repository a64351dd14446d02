//! Requests to join, the organization's intake queue, and the person's notifications.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::Json;
use kindred_domain::intake::{self, JoinRequest, RequestInput, RequestView, TransitionInput};
use kindred_domain::notifications::{self, Notification};

use super::{parse_id, ApiErrorBody, ApiResult};
use crate::app::AppState;
use crate::http::{ApiWrite, AuditTrail, Auth, JsonBody};

/// Ask to join a group: the program's intake staff get in touch. One open request per
/// group; 409 when you already have one or are on the group's list.
#[utoipa::path(post, path = "/api/v1/groups/{group_id}/requests", tag = "intake",
    params(("group_id" = String, Path)), request_body = RequestInput,
    responses((status = 201, body = JoinRequest), (status = 401, body = ApiErrorBody),
        (status = 404, body = ApiErrorBody), (status = 409, body = ApiErrorBody),
        (status = 422, body = ApiErrorBody)))]
pub async fn create(
    State(state): State<AppState>,
    auth: Auth,
    Path(group_id): Path<String>,
    JsonBody(input): JsonBody<RequestInput>,
) -> ApiResult<(StatusCode, Json<JoinRequest>)> {
    let group = parse_id(&group_id)?;
    let request =
        intake::request_to_join(state.store(), &auth.actor, group, &input, state.now()).await?;
    Ok((StatusCode::CREATED, Json(request)))
}

/// Your requests to join, newest first.
#[utoipa::path(get, path = "/api/v1/me/requests", tag = "intake",
    responses((status = 200, body = Vec<JoinRequest>), (status = 401, body = ApiErrorBody)))]
pub async fn mine(State(state): State<AppState>, auth: Auth) -> ApiResult<Json<Vec<JoinRequest>>> {
    Ok(Json(intake::my_requests(state.store(), &auth.actor).await?))
}

/// One of your requests with its history.
#[utoipa::path(get, path = "/api/v1/me/requests/{request_id}", tag = "intake",
    params(("request_id" = String, Path)),
    responses((status = 200, body = RequestView), (status = 404, body = ApiErrorBody)))]
pub async fn my_request(
    State(state): State<AppState>,
    auth: Auth,
    Path(request_id): Path<String>,
) -> ApiResult<Json<RequestView>> {
    let id = parse_id(&request_id)?;
    Ok(Json(
        intake::my_request(state.store(), &auth.actor, id).await?,
    ))
}

#[derive(serde::Deserialize, utoipa::IntoParams)]
pub struct QueueQuery {
    /// `new`, `contacted`, `accepted`, `referred`, `declined`, or empty for all.
    #[serde(default)]
    status: String,
}

/// The organization's intake queue, oldest first: clinicians and administrators.
#[utoipa::path(get, path = "/api/v1/orgs/{org_id}/intake", tag = "intake",
    params(("org_id" = String, Path), QueueQuery),
    responses((status = 200, body = Vec<JoinRequest>), (status = 404, body = ApiErrorBody),
        (status = 422, body = ApiErrorBody)))]
pub async fn queue(
    State(state): State<AppState>,
    auth: Auth,
    Path(org_id): Path<String>,
    Query(query): Query<QueueQuery>,
) -> ApiResult<Json<Vec<JoinRequest>>> {
    let org = parse_id(&org_id)?;
    Ok(Json(
        intake::intake_queue(state.store(), &auth.actor, org, &query.status).await?,
    ))
}

/// One request of the queue, with its history and the attached screening (a screening
/// result, not a diagnosis).
#[utoipa::path(get, path = "/api/v1/orgs/{org_id}/intake/{request_id}", tag = "intake",
    params(("org_id" = String, Path), ("request_id" = String, Path)),
    responses((status = 200, body = RequestView), (status = 404, body = ApiErrorBody)))]
pub async fn show(
    State(state): State<AppState>,
    auth: Auth,
    AuditTrail(trail): AuditTrail,
    Path((org_id, request_id)): Path<(String, String)>,
) -> ApiResult<Json<RequestView>> {
    let (org, id) = (parse_id(&org_id)?, parse_id(&request_id)?);
    Ok(Json(
        intake::intake_request(state.store(), &auth.actor, org, id, &trail, state.now()).await?,
    ))
}

/// A step on a request: `contacted`, `accept` (enrolled or waitlisted by the enrollment
/// rules), `refer` (with `referral`) or `decline` (with `message`). 409 when the request
/// is already decided.
#[utoipa::path(post, path = "/api/v1/orgs/{org_id}/intake/{request_id}/transitions", tag = "intake",
    params(("org_id" = String, Path), ("request_id" = String, Path)),
    request_body = TransitionInput,
    responses((status = 200, body = JoinRequest), (status = 404, body = ApiErrorBody),
        (status = 409, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub async fn transition(
    State(state): State<AppState>,
    auth: Auth,
    Path((org_id, request_id)): Path<(String, String)>,
    JsonBody(input): JsonBody<TransitionInput>,
) -> ApiResult<Json<JoinRequest>> {
    let (org, id) = (parse_id(&org_id)?, parse_id(&request_id)?);
    Ok(Json(
        intake::transition_request(state.store(), &auth.actor, org, id, &input, state.now())
            .await?,
    ))
}

#[derive(serde::Deserialize, utoipa::IntoParams)]
pub struct NotificationQuery {
    /// Only unread ones.
    #[serde(default)]
    unread: bool,
}

/// Your notifications, newest first (at most 100).
#[utoipa::path(get, path = "/api/v1/me/notifications", tag = "notifications",
    params(NotificationQuery),
    responses((status = 200, body = Vec<Notification>), (status = 401, body = ApiErrorBody)))]
pub async fn notifications(
    State(state): State<AppState>,
    auth: Auth,
    Query(query): Query<NotificationQuery>,
) -> ApiResult<Json<Vec<Notification>>> {
    Ok(Json(
        notifications::my_notifications(state.store(), &auth.actor, query.unread).await?,
    ))
}

/// Mark one of your notifications read.
#[utoipa::path(post, path = "/api/v1/me/notifications/{notification_id}/read", tag = "notifications",
    params(("notification_id" = String, Path)),
    responses((status = 204), (status = 404, body = ApiErrorBody)))]
pub async fn read(
    State(state): State<AppState>,
    auth: Auth,
    _write: ApiWrite,
    Path(notification_id): Path<String>,
) -> ApiResult<StatusCode> {
    let id = parse_id(&notification_id)?;
    notifications::mark_read(state.store(), &auth.actor, id, state.now()).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Mark all your notifications read.
#[utoipa::path(post, path = "/api/v1/me/notifications/read-all", tag = "notifications",
    responses((status = 204), (status = 401, body = ApiErrorBody)))]
pub async fn read_all(
    State(state): State<AppState>,
    auth: Auth,
    _write: ApiWrite,
) -> ApiResult<StatusCode> {
    notifications::mark_all_read(state.store(), &auth.actor, state.now()).await?;
    Ok(StatusCode::NO_CONTENT)
}
