use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use kindred_domain::locations::{self, Location, LocationInput};

use super::{parse_id, ApiErrorBody, ApiResult};
use crate::app::AppState;
use crate::http::{ApiWrite, Auth, JsonBody};

#[utoipa::path(get, path = "/api/v1/orgs/{org_id}/locations", tag = "locations",
    params(("org_id" = String, Path)),
    responses((status = 200, body = Vec<Location>), (status = 404, body = ApiErrorBody)))]
pub async fn list(
    State(state): State<AppState>,
    auth: Auth,
    Path(org_id): Path<String>,
) -> ApiResult<Json<Vec<Location>>> {
    Ok(Json(
        locations::locations(state.store(), &auth.actor, parse_id(&org_id)?).await?,
    ))
}

#[utoipa::path(post, path = "/api/v1/orgs/{org_id}/locations", tag = "locations",
    params(("org_id" = String, Path)), request_body = LocationInput,
    responses((status = 201, body = Location), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub async fn create(
    State(state): State<AppState>,
    auth: Auth,
    Path(org_id): Path<String>,
    JsonBody(input): JsonBody<LocationInput>,
) -> ApiResult<(StatusCode, Json<Location>)> {
    let location = locations::create_location(
        state.store(),
        &auth.actor,
        state.now(),
        parse_id(&org_id)?,
        &input,
    )
    .await?;
    Ok((StatusCode::CREATED, Json(location)))
}

#[utoipa::path(get, path = "/api/v1/orgs/{org_id}/locations/{location_id}", tag = "locations",
    params(("org_id" = String, Path), ("location_id" = String, Path)),
    responses((status = 200, body = Location), (status = 404, body = ApiErrorBody)))]
pub async fn show(
    State(state): State<AppState>,
    auth: Auth,
    Path((org_id, id)): Path<(String, String)>,
) -> ApiResult<Json<Location>> {
    Ok(Json(
        locations::location(
            state.store(),
            &auth.actor,
            parse_id(&org_id)?,
            parse_id(&id)?,
        )
        .await?,
    ))
}

#[utoipa::path(put, path = "/api/v1/orgs/{org_id}/locations/{location_id}", tag = "locations",
    params(("org_id" = String, Path), ("location_id" = String, Path)), request_body = LocationInput,
    responses((status = 200, body = Location), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub async fn update(
    State(state): State<AppState>,
    auth: Auth,
    Path((org_id, id)): Path<(String, String)>,
    JsonBody(input): JsonBody<LocationInput>,
) -> ApiResult<Json<Location>> {
    let org = parse_id(&org_id)?;
    Ok(Json(
        locations::update_location(state.store(), &auth.actor, org, parse_id(&id)?, &input).await?,
    ))
}

#[utoipa::path(post, path = "/api/v1/orgs/{org_id}/locations/{location_id}/archive", tag = "locations",
    params(("org_id" = String, Path), ("location_id" = String, Path)),
    responses((status = 200, body = Location), (status = 404, body = ApiErrorBody)))]
pub async fn archive(
    State(state): State<AppState>,
    auth: Auth,
    _write: ApiWrite,
    Path((org_id, id)): Path<(String, String)>,
) -> ApiResult<Json<Location>> {
    let org = parse_id(&org_id)?;
    Ok(Json(
        locations::archive_location(state.store(), &auth.actor, state.now(), org, parse_id(&id)?)
            .await?,
    ))
}
