//! The technique library and session plans: the same use cases as the pages.

use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::Json;
use kindred_domain::techniques::{
    self, AttachInput, MoveInput, SessionPlanItem, Technique, TechniqueInput,
};

use super::{parse_id, ApiErrorBody, ApiResult};
use crate::app::AppState;
use crate::http::{ApiWrite, Auth, JsonBody};

#[derive(Debug, Default, serde::Deserialize, utoipa::IntoParams)]
pub struct LibraryQuery {
    /// `true` to list archived plans too.
    #[serde(default)]
    archived: String,
}

/// Built-in plans and the organization's own, by kind and then title.
#[utoipa::path(get, path = "/api/v1/orgs/{org_id}/techniques", tag = "techniques",
    params(("org_id" = String, Path), LibraryQuery),
    responses((status = 200, body = Vec<Technique>), (status = 404, body = ApiErrorBody)))]
pub async fn list(
    State(state): State<AppState>,
    auth: Auth,
    Path(org_id): Path<String>,
    query: Result<Query<LibraryQuery>, QueryRejection>,
) -> ApiResult<Json<Vec<Technique>>> {
    let archived = query.is_ok_and(|Query(q)| matches!(q.archived.as_str(), "true" | "1"));
    let org = parse_id(&org_id)?;
    Ok(Json(
        techniques::library(state.store(), &auth.actor, org, archived).await?,
    ))
}

/// A new plan of the organization (clinicians and administrators).
#[utoipa::path(post, path = "/api/v1/orgs/{org_id}/techniques", tag = "techniques",
    params(("org_id" = String, Path)), request_body = TechniqueInput,
    responses((status = 201, body = Technique), (status = 404, body = ApiErrorBody),
        (status = 422, body = ApiErrorBody)))]
pub async fn create(
    State(state): State<AppState>,
    auth: Auth,
    Path(org_id): Path<String>,
    JsonBody(input): JsonBody<TechniqueInput>,
) -> ApiResult<(StatusCode, Json<Technique>)> {
    let org = parse_id(&org_id)?;
    let created =
        techniques::create_technique(state.store(), &auth.actor, state.now(), org, &input).await?;
    Ok((StatusCode::CREATED, Json(created)))
}

#[utoipa::path(get, path = "/api/v1/orgs/{org_id}/techniques/{technique_id}", tag = "techniques",
    params(("org_id" = String, Path), ("technique_id" = String, Path)),
    responses((status = 200, body = Technique), (status = 404, body = ApiErrorBody)))]
pub async fn show(
    State(state): State<AppState>,
    auth: Auth,
    Path((org_id, technique_id)): Path<(String, String)>,
) -> ApiResult<Json<Technique>> {
    let (org, technique) = (parse_id(&org_id)?, parse_id(&technique_id)?);
    Ok(Json(
        techniques::technique(state.store(), &auth.actor, org, technique).await?,
    ))
}

/// Changes one of the organization's own plans; built-in plans are read-only (409).
#[utoipa::path(put, path = "/api/v1/orgs/{org_id}/techniques/{technique_id}", tag = "techniques",
    params(("org_id" = String, Path), ("technique_id" = String, Path)),
    request_body = TechniqueInput,
    responses((status = 200, body = Technique), (status = 404, body = ApiErrorBody),
        (status = 409, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub async fn update(
    State(state): State<AppState>,
    auth: Auth,
    Path((org_id, technique_id)): Path<(String, String)>,
    JsonBody(input): JsonBody<TechniqueInput>,
) -> ApiResult<Json<Technique>> {
    let (org, technique) = (parse_id(&org_id)?, parse_id(&technique_id)?);
    Ok(Json(
        techniques::update_technique(
            state.store(),
            &auth.actor,
            state.now(),
            org,
            technique,
            &input,
        )
        .await?,
    ))
}

/// Copies a built-in plan or one of the organization's own into a new, editable plan.
#[utoipa::path(post, path = "/api/v1/orgs/{org_id}/techniques/{technique_id}/copy", tag = "techniques",
    params(("org_id" = String, Path), ("technique_id" = String, Path)),
    responses((status = 201, body = Technique), (status = 404, body = ApiErrorBody)))]
pub async fn copy(
    State(state): State<AppState>,
    auth: Auth,
    _write: ApiWrite,
    Path((org_id, technique_id)): Path<(String, String)>,
) -> ApiResult<(StatusCode, Json<Technique>)> {
    let (org, technique) = (parse_id(&org_id)?, parse_id(&technique_id)?);
    let copy =
        techniques::copy_technique(state.store(), &auth.actor, state.now(), org, technique).await?;
    Ok((StatusCode::CREATED, Json(copy)))
}

/// Archived plans leave the library's list and the session plan's choices.
#[utoipa::path(post, path = "/api/v1/orgs/{org_id}/techniques/{technique_id}/archive", tag = "techniques",
    params(("org_id" = String, Path), ("technique_id" = String, Path)),
    responses((status = 200, body = Technique), (status = 404, body = ApiErrorBody),
        (status = 409, body = ApiErrorBody)))]
pub async fn archive(
    State(state): State<AppState>,
    auth: Auth,
    _write: ApiWrite,
    Path((org_id, technique_id)): Path<(String, String)>,
) -> ApiResult<Json<Technique>> {
    let (org, technique) = (parse_id(&org_id)?, parse_id(&technique_id)?);
    Ok(Json(
        techniques::archive_technique(state.store(), &auth.actor, state.now(), org, technique)
            .await?,
    ))
}

/// The session's plan in order (the group's facilitators and the administrators).
#[utoipa::path(get, path = "/api/v1/orgs/{org_id}/sessions/{session_id}/plan", tag = "techniques",
    params(("org_id" = String, Path), ("session_id" = String, Path)),
    responses((status = 200, body = Vec<SessionPlanItem>), (status = 404, body = ApiErrorBody)))]
pub async fn plan(
    State(state): State<AppState>,
    auth: Auth,
    Path((org_id, session_id)): Path<(String, String)>,
) -> ApiResult<Json<Vec<SessionPlanItem>>> {
    let (org, session) = (parse_id(&org_id)?, parse_id(&session_id)?);
    Ok(Json(
        techniques::session_plan(state.store(), &auth.actor, org, session).await?,
    ))
}

/// Attaches a plan of the library at the end of the session's plan, as a snapshot.
/// A cancelled session takes no plan (409).
#[utoipa::path(post, path = "/api/v1/orgs/{org_id}/sessions/{session_id}/plan", tag = "techniques",
    params(("org_id" = String, Path), ("session_id" = String, Path)),
    request_body = AttachInput,
    responses((status = 201, body = SessionPlanItem), (status = 404, body = ApiErrorBody),
        (status = 409, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub async fn attach(
    State(state): State<AppState>,
    auth: Auth,
    Path((org_id, session_id)): Path<(String, String)>,
    JsonBody(input): JsonBody<AttachInput>,
) -> ApiResult<(StatusCode, Json<SessionPlanItem>)> {
    let (org, session) = (parse_id(&org_id)?, parse_id(&session_id)?);
    let item = techniques::attach_technique(
        state.store(),
        &auth.actor,
        state.now(),
        org,
        session,
        &input,
    )
    .await?;
    Ok((StatusCode::CREATED, Json(item)))
}

/// Removes one plan from the session's plan.
#[utoipa::path(delete, path = "/api/v1/orgs/{org_id}/sessions/{session_id}/plan/{item_id}", tag = "techniques",
    params(("org_id" = String, Path), ("session_id" = String, Path), ("item_id" = String, Path)),
    responses((status = 204, description = "Removed"), (status = 404, body = ApiErrorBody)))]
pub async fn detach(
    State(state): State<AppState>,
    auth: Auth,
    _write: ApiWrite,
    Path((org_id, session_id, item_id)): Path<(String, String, String)>,
) -> ApiResult<StatusCode> {
    let (org, session, item) = (
        parse_id(&org_id)?,
        parse_id(&session_id)?,
        parse_id(&item_id)?,
    );
    techniques::detach_technique(state.store(), &auth.actor, org, session, item).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Moves one plan a place `up` or `down`; returns the plan in its new order.
#[utoipa::path(post, path = "/api/v1/orgs/{org_id}/sessions/{session_id}/plan/{item_id}/move", tag = "techniques",
    params(("org_id" = String, Path), ("session_id" = String, Path), ("item_id" = String, Path)),
    request_body = MoveInput,
    responses((status = 200, body = Vec<SessionPlanItem>), (status = 404, body = ApiErrorBody),
        (status = 422, body = ApiErrorBody)))]
pub async fn move_item(
    State(state): State<AppState>,
    auth: Auth,
    Path((org_id, session_id, item_id)): Path<(String, String, String)>,
    JsonBody(input): JsonBody<MoveInput>,
) -> ApiResult<Json<Vec<SessionPlanItem>>> {
    let (org, session, item) = (
        parse_id(&org_id)?,
        parse_id(&session_id)?,
        parse_id(&item_id)?,
    );
    Ok(Json(
        techniques::move_plan_item(state.store(), &auth.actor, org, session, item, &input).await?,
    ))
}
