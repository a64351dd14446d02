use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use kindred_domain::programs::{self, Program, ProgramInput};

use super::{parse_id, ApiErrorBody, ApiResult};
use crate::app::AppState;
use crate::http::{ApiWrite, Auth, JsonBody};

#[utoipa::path(get, path = "/api/v1/orgs/{org_id}/programs", tag = "programs",
    params(("org_id" = String, Path)),
    responses((status = 200, body = Vec<Program>), (status = 404, body = ApiErrorBody)))]
pub async fn list(
    State(state): State<AppState>,
    auth: Auth,
    Path(org_id): Path<String>,
) -> ApiResult<Json<Vec<Program>>> {
    Ok(Json(
        programs::programs(state.store(), &auth.actor, parse_id(&org_id)?).await?,
    ))
}

#[utoipa::path(post, path = "/api/v1/orgs/{org_id}/programs", tag = "programs",
    params(("org_id" = String, Path)), request_body = ProgramInput,
    responses((status = 201, body = Program), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub async fn create(
    State(state): State<AppState>,
    auth: Auth,
    Path(org_id): Path<String>,
    JsonBody(input): JsonBody<ProgramInput>,
) -> ApiResult<(StatusCode, Json<Program>)> {
    let program = programs::create_program(
        state.store(),
        &auth.actor,
        state.now(),
        parse_id(&org_id)?,
        &input,
    )
    .await?;
    Ok((StatusCode::CREATED, Json(program)))
}

#[utoipa::path(get, path = "/api/v1/orgs/{org_id}/programs/{program_id}", tag = "programs",
    params(("org_id" = String, Path), ("program_id" = String, Path)),
    responses((status = 200, body = Program), (status = 404, body = ApiErrorBody)))]
pub async fn show(
    State(state): State<AppState>,
    auth: Auth,
    Path((org_id, id)): Path<(String, String)>,
) -> ApiResult<Json<Program>> {
    Ok(Json(
        programs::program(
            state.store(),
            &auth.actor,
            parse_id(&org_id)?,
            parse_id(&id)?,
        )
        .await?,
    ))
}

#[utoipa::path(put, path = "/api/v1/orgs/{org_id}/programs/{program_id}", tag = "programs",
    params(("org_id" = String, Path), ("program_id" = String, Path)), request_body = ProgramInput,
    responses((status = 200, body = Program), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub async fn update(
    State(state): State<AppState>,
    auth: Auth,
    Path((org_id, id)): Path<(String, String)>,
    JsonBody(input): JsonBody<ProgramInput>,
) -> ApiResult<Json<Program>> {
    let org = parse_id(&org_id)?;
    Ok(Json(
        programs::update_program(state.store(), &auth.actor, org, parse_id(&id)?, &input).await?,
    ))
}

#[utoipa::path(post, path = "/api/v1/orgs/{org_id}/programs/{program_id}/archive", tag = "programs",
    params(("org_id" = String, Path), ("program_id" = String, Path)),
    responses((status = 200, body = Program), (status = 404, body = ApiErrorBody)))]
pub async fn archive(
    State(state): State<AppState>,
    auth: Auth,
    _write: ApiWrite,
    Path((org_id, id)): Path<(String, String)>,
) -> ApiResult<Json<Program>> {
    let org = parse_id(&org_id)?;
    Ok(Json(
        programs::archive_program(state.store(), &auth.actor, state.now(), org, parse_id(&id)?)
            .await?,
    ))
}
