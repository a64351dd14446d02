//! A group's schedules and sessions: the same use cases as the schedule page.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use kindred_domain::schedules::{
    self, MoveSessionInput, OverlapWarning, Schedule, ScheduleInput, ScheduleSaved, SessionSaved,
};
use kindred_domain::sessions::{self, GroupSession};

use super::{parse_id, ApiErrorBody, ApiResult};
use crate::app::AppState;
use crate::http::{ApiWrite, Auth, JsonBody};

#[utoipa::path(get, path = "/api/v1/orgs/{org_id}/groups/{group_id}/schedules", tag = "schedules",
    params(("org_id" = String, Path), ("group_id" = String, Path)),
    responses((status = 200, body = Vec<Schedule>), (status = 404, body = ApiErrorBody)))]
pub async fn list(
    State(state): State<AppState>,
    auth: Auth,
    Path((org_id, group_id)): Path<(String, String)>,
) -> ApiResult<Json<Vec<Schedule>>> {
    let (org, group) = (parse_id(&org_id)?, parse_id(&group_id)?);
    Ok(Json(
        schedules::schedules_of_group(state.store(), &auth.actor, org, group).await?,
    ))
}

/// Adds a weekly schedule; its sessions exist at once, 16 weeks ahead. The answer lists the
/// double bookings they take part in (a warning, not a refusal).
#[utoipa::path(post, path = "/api/v1/orgs/{org_id}/groups/{group_id}/schedules", tag = "schedules",
    params(("org_id" = String, Path), ("group_id" = String, Path)), request_body = ScheduleInput,
    responses((status = 201, body = ScheduleSaved), (status = 404, body = ApiErrorBody),
        (status = 409, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub async fn create(
    State(state): State<AppState>,
    auth: Auth,
    Path((org_id, group_id)): Path<(String, String)>,
    JsonBody(input): JsonBody<ScheduleInput>,
) -> ApiResult<(StatusCode, Json<ScheduleSaved>)> {
    let (org, group) = (parse_id(&org_id)?, parse_id(&group_id)?);
    let saved =
        schedules::create_schedule(state.store(), &auth.actor, org, group, &input, state.now())
            .await?;
    Ok((StatusCode::CREATED, Json(saved)))
}

/// Changes a schedule: future untouched sessions follow; past, moved and cancelled ones stay.
#[utoipa::path(put, path = "/api/v1/orgs/{org_id}/groups/{group_id}/schedules/{schedule_id}", tag = "schedules",
    params(("org_id" = String, Path), ("group_id" = String, Path), ("schedule_id" = String, Path)),
    request_body = ScheduleInput,
    responses((status = 200, body = ScheduleSaved), (status = 404, body = ApiErrorBody),
        (status = 409, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub async fn update(
    State(state): State<AppState>,
    auth: Auth,
    Path((org_id, group_id, schedule_id)): Path<(String, String, String)>,
    JsonBody(input): JsonBody<ScheduleInput>,
) -> ApiResult<Json<ScheduleSaved>> {
    let (org, group, schedule) = (
        parse_id(&org_id)?,
        parse_id(&group_id)?,
        parse_id(&schedule_id)?,
    );
    Ok(Json(
        schedules::update_schedule(
            state.store(),
            &auth.actor,
            org,
            group,
            schedule,
            &input,
            state.now(),
        )
        .await?,
    ))
}

/// Ends a schedule: its future untouched sessions go.
#[utoipa::path(post, path = "/api/v1/orgs/{org_id}/groups/{group_id}/schedules/{schedule_id}/archive", tag = "schedules",
    params(("org_id" = String, Path), ("group_id" = String, Path), ("schedule_id" = String, Path)),
    responses((status = 200, body = ScheduleSaved), (status = 404, body = ApiErrorBody)))]
pub async fn archive(
    State(state): State<AppState>,
    auth: Auth,
    _write: ApiWrite,
    Path((org_id, group_id, schedule_id)): Path<(String, String, String)>,
) -> ApiResult<Json<ScheduleSaved>> {
    let (org, group, schedule) = (
        parse_id(&org_id)?,
        parse_id(&group_id)?,
        parse_id(&schedule_id)?,
    );
    Ok(Json(
        schedules::archive_schedule(
            state.store(),
            &auth.actor,
            org,
            group,
            schedule,
            state.now(),
        )
        .await?,
    ))
}

/// The group's sessions from four weeks ago on.
#[utoipa::path(get, path = "/api/v1/orgs/{org_id}/groups/{group_id}/sessions", tag = "schedules",
    params(("org_id" = String, Path), ("group_id" = String, Path)),
    responses((status = 200, body = Vec<GroupSession>), (status = 404, body = ApiErrorBody)))]
pub async fn sessions(
    State(state): State<AppState>,
    auth: Auth,
    Path((org_id, group_id)): Path<(String, String)>,
) -> ApiResult<Json<Vec<GroupSession>>> {
    let (org, group) = (parse_id(&org_id)?, parse_id(&group_id)?);
    Ok(Json(
        sessions::sessions_of_group(state.store(), &auth.actor, org, group, state.now()).await?,
    ))
}

/// Double bookings among the group's upcoming sessions.
#[utoipa::path(get, path = "/api/v1/orgs/{org_id}/groups/{group_id}/warnings", tag = "schedules",
    params(("org_id" = String, Path), ("group_id" = String, Path)),
    responses((status = 200, body = Vec<OverlapWarning>), (status = 404, body = ApiErrorBody)))]
pub async fn warnings(
    State(state): State<AppState>,
    auth: Auth,
    Path((org_id, group_id)): Path<(String, String)>,
) -> ApiResult<Json<Vec<OverlapWarning>>> {
    let (org, group) = (parse_id(&org_id)?, parse_id(&group_id)?);
    Ok(Json(
        schedules::upcoming_warnings(state.store(), &auth.actor, org, group, state.now()).await?,
    ))
}

#[derive(Debug, Default, serde::Deserialize, utoipa::ToSchema)]
pub struct CancelSessionInput {
    /// Shown to members.
    #[serde(default)]
    pub reason: String,
}

/// Cancels one session with a reason members see.
#[utoipa::path(post, path = "/api/v1/orgs/{org_id}/sessions/{session_id}/cancel", tag = "schedules",
    params(("org_id" = String, Path), ("session_id" = String, Path)), request_body = CancelSessionInput,
    responses((status = 200, body = GroupSession), (status = 404, body = ApiErrorBody),
        (status = 409, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub async fn cancel(
    State(state): State<AppState>,
    auth: Auth,
    Path((org_id, session_id)): Path<(String, String)>,
    JsonBody(input): JsonBody<CancelSessionInput>,
) -> ApiResult<Json<GroupSession>> {
    let (org, session) = (parse_id(&org_id)?, parse_id(&session_id)?);
    Ok(Json(
        schedules::cancel_session(
            state.store(),
            &auth.actor,
            org,
            session,
            &input.reason,
            state.now(),
        )
        .await?,
    ))
}

/// Brings a cancelled session back.
#[utoipa::path(post, path = "/api/v1/orgs/{org_id}/sessions/{session_id}/restore", tag = "schedules",
    params(("org_id" = String, Path), ("session_id" = String, Path)),
    responses((status = 200, body = SessionSaved), (status = 404, body = ApiErrorBody),
        (status = 409, body = ApiErrorBody)))]
pub async fn restore(
    State(state): State<AppState>,
    auth: Auth,
    _write: ApiWrite,
    Path((org_id, session_id)): Path<(String, String)>,
) -> ApiResult<Json<SessionSaved>> {
    let (org, session) = (parse_id(&org_id)?, parse_id(&session_id)?);
    Ok(Json(
        schedules::restore_session(state.store(), &auth.actor, org, session, state.now()).await?,
    ))
}

/// Moves one session (same identity) to a new local date, time, length or room.
#[utoipa::path(post, path = "/api/v1/orgs/{org_id}/sessions/{session_id}/move", tag = "schedules",
    params(("org_id" = String, Path), ("session_id" = String, Path)), request_body = MoveSessionInput,
    responses((status = 200, body = SessionSaved), (status = 404, body = ApiErrorBody),
        (status = 409, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub async fn move_session(
    State(state): State<AppState>,
    auth: Auth,
    Path((org_id, session_id)): Path<(String, String)>,
    JsonBody(input): JsonBody<MoveSessionInput>,
) -> ApiResult<Json<SessionSaved>> {
    let (org, session) = (parse_id(&org_id)?, parse_id(&session_id)?);
    Ok(Json(
        schedules::move_session(
            state.store(),
            &auth.actor,
            org,
            session,
            &input,
            state.now(),
        )
        .await?,
    ))
}
