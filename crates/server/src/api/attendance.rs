//! Attendance: a session's sheet for its staff, self check-in, drop-in registrations, and a
//! member's own marks.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use kindred_domain::attendance::{
    self, AttendanceChange, AttendanceSheetInput, AttendanceView, CheckIn, MyMark,
    RegistrationOutcome,
};

use super::{parse_id, ApiErrorBody, ApiResult};
use crate::app::AppState;
use crate::http::{ApiWrite, Auth, JsonBody};

/// The session's roster with marks, whether it is locked for the caller, and the log.
#[utoipa::path(get, path = "/api/v1/orgs/{org_id}/sessions/{session_id}/attendance", tag = "attendance",
    params(("org_id" = String, Path), ("session_id" = String, Path)),
    responses((status = 200, body = AttendanceView), (status = 404, body = ApiErrorBody)))]
pub async fn sheet(
    State(state): State<AppState>,
    auth: Auth,
    Path((org_id, session_id)): Path<(String, String)>,
) -> ApiResult<Json<AttendanceView>> {
    let (org, session) = (parse_id(&org_id)?, parse_id(&session_id)?);
    Ok(Json(
        attendance::session_attendance(state.store(), &auth.actor, org, session, state.now())
            .await?,
    ))
}

/// Marks the session in one step: `everyone`, then the exceptions in `marks`. Returns the
/// log entries written (none for unchanged marks).
#[utoipa::path(post, path = "/api/v1/orgs/{org_id}/sessions/{session_id}/attendance", tag = "attendance",
    params(("org_id" = String, Path), ("session_id" = String, Path)),
    request_body = AttendanceSheetInput,
    responses((status = 200, body = Vec<AttendanceChange>), (status = 404, body = ApiErrorBody),
        (status = 409, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub async fn mark(
    State(state): State<AppState>,
    auth: Auth,
    Path((org_id, session_id)): Path<(String, String)>,
    JsonBody(input): JsonBody<AttendanceSheetInput>,
) -> ApiResult<Json<Vec<AttendanceChange>>> {
    let (org, session) = (parse_id(&org_id)?, parse_id(&session_id)?);
    Ok(Json(
        attendance::mark_session(state.store(), &auth.actor, org, session, input, state.now())
            .await?,
    ))
}

/// A member checks in to an online or hybrid session, from 15 minutes before its start.
#[utoipa::path(post, path = "/api/v1/sessions/{session_id}/check-in", tag = "attendance",
    params(("session_id" = String, Path)),
    responses((status = 200, body = CheckIn), (status = 404, body = ApiErrorBody),
        (status = 409, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub async fn check_in(
    State(state): State<AppState>,
    auth: Auth,
    _write: ApiWrite,
    Path(session_id): Path<String>,
) -> ApiResult<Json<CheckIn>> {
    let session = parse_id(&session_id)?;
    Ok(Json(
        attendance::check_in(state.store(), &auth.actor, session, state.now()).await?,
    ))
}

/// Registers for one session of a drop-in group.
#[utoipa::path(post, path = "/api/v1/sessions/{session_id}/registration", tag = "attendance",
    params(("session_id" = String, Path)),
    responses((status = 200, body = RegistrationOutcome), (status = 404, body = ApiErrorBody),
        (status = 409, body = ApiErrorBody)))]
pub async fn register(
    State(state): State<AppState>,
    auth: Auth,
    _write: ApiWrite,
    Path(session_id): Path<String>,
) -> ApiResult<Json<RegistrationOutcome>> {
    let session = parse_id(&session_id)?;
    Ok(Json(
        attendance::register_for_session(state.store(), &auth.actor, session, state.now()).await?,
    ))
}

/// Lets the place go; harmless when there was none.
#[utoipa::path(delete, path = "/api/v1/sessions/{session_id}/registration", tag = "attendance",
    params(("session_id" = String, Path)),
    responses((status = 204), (status = 404, body = ApiErrorBody),
        (status = 409, body = ApiErrorBody)))]
pub async fn unregister(
    State(state): State<AppState>,
    auth: Auth,
    _write: ApiWrite,
    Path(session_id): Path<String>,
) -> ApiResult<StatusCode> {
    let session = parse_id(&session_id)?;
    attendance::cancel_registration(state.store(), &auth.actor, session, state.now()).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The signed-in person's own marks, newest first.
#[utoipa::path(get, path = "/api/v1/me/attendance", tag = "attendance",
    responses((status = 200, body = Vec<MyMark>), (status = 401, body = ApiErrorBody)))]
pub async fn mine(State(state): State<AppState>, auth: Auth) -> ApiResult<Json<Vec<MyMark>>> {
    Ok(Json(
        attendance::my_attendance(state.store(), &auth.actor).await?,
    ))
}
