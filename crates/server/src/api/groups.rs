use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use kindred_domain::groups::{self, Group, GroupCard, GroupInput};

use super::{parse_id, ApiErrorBody, ApiResult};
use crate::app::AppState;
use crate::http::{ApiWrite, Auth, JsonBody};

#[utoipa::path(get, path = "/api/v1/orgs/{org_id}/groups", tag = "groups",
    params(("org_id" = String, Path)),
    responses((status = 200, body = Vec<GroupCard>), (status = 404, body = ApiErrorBody)))]
pub async fn list(
    State(state): State<AppState>,
    auth: Auth,
    Path(org_id): Path<String>,
) -> ApiResult<Json<Vec<GroupCard>>> {
    Ok(Json(
        groups::groups_of_org(state.store(), &auth.actor, parse_id(&org_id)?).await?,
    ))
}

#[utoipa::path(post, path = "/api/v1/orgs/{org_id}/groups", tag = "groups",
    params(("org_id" = String, Path)), request_body = GroupInput,
    responses((status = 201, body = Group), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub async fn create(
    State(state): State<AppState>,
    auth: Auth,
    Path(org_id): Path<String>,
    JsonBody(input): JsonBody<GroupInput>,
) -> ApiResult<(StatusCode, Json<Group>)> {
    let group = groups::create_group(
        state.store(),
        &auth.actor,
        state.now(),
        parse_id(&org_id)?,
        &input,
    )
    .await?;
    Ok((StatusCode::CREATED, Json(group)))
}

#[utoipa::path(get, path = "/api/v1/orgs/{org_id}/groups/{group_id}", tag = "groups",
    params(("org_id" = String, Path), ("group_id" = String, Path)),
    responses((status = 200, body = Group), (status = 404, body = ApiErrorBody)))]
pub async fn show(
    State(state): State<AppState>,
    auth: Auth,
    Path((org_id, id)): Path<(String, String)>,
) -> ApiResult<Json<Group>> {
    Ok(Json(
        groups::group(
            state.store(),
            &auth.actor,
            parse_id(&org_id)?,
            parse_id(&id)?,
        )
        .await?,
    ))
}

#[utoipa::path(put, path = "/api/v1/orgs/{org_id}/groups/{group_id}", tag = "groups",
    params(("org_id" = String, Path), ("group_id" = String, Path)), request_body = GroupInput,
    responses((status = 200, body = Group), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub async fn update(
    State(state): State<AppState>,
    auth: Auth,
    Path((org_id, id)): Path<(String, String)>,
    JsonBody(input): JsonBody<GroupInput>,
) -> ApiResult<Json<Group>> {
    let org = parse_id(&org_id)?;
    Ok(Json(
        groups::update_group(state.store(), &auth.actor, org, parse_id(&id)?, &input).await?,
    ))
}

#[utoipa::path(post, path = "/api/v1/orgs/{org_id}/groups/{group_id}/archive", tag = "groups",
    params(("org_id" = String, Path), ("group_id" = String, Path)),
    responses((status = 200, body = Group), (status = 404, body = ApiErrorBody)))]
pub async fn archive(
    State(state): State<AppState>,
    auth: Auth,
    _write: ApiWrite,
    Path((org_id, id)): Path<(String, String)>,
) -> ApiResult<Json<Group>> {
    let org = parse_id(&org_id)?;
    Ok(Json(
        groups::archive_group(state.store(), &auth.actor, state.now(), org, parse_id(&id)?).await?,
    ))
}
