//! The group agreement: the same use cases as the agreement page.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use kindred_domain::agreements::{
    self, Agreement, AgreementStatus, PublishInput, SignInput, Signature,
};

use super::{parse_id, ApiErrorBody, ApiResult};
use crate::app::AppState;
use crate::http::{Auth, JsonBody};

/// The organization's agreement in effect (anyone may read it).
#[utoipa::path(get, path = "/api/v1/orgs/{org_id}/agreement", tag = "agreements",
    params(("org_id" = String, Path)),
    responses((status = 200, body = Agreement), (status = 404, body = ApiErrorBody)))]
pub async fn current(
    State(state): State<AppState>,
    auth: Auth,
    Path(org_id): Path<String>,
) -> ApiResult<Json<Agreement>> {
    let org = parse_id(&org_id)?;
    Ok(Json(
        agreements::current(state.store(), &auth.actor, org).await?,
    ))
}

/// The agreement in effect and whether the caller signed it.
#[utoipa::path(get, path = "/api/v1/orgs/{org_id}/agreement/status", tag = "agreements",
    params(("org_id" = String, Path)),
    responses((status = 200, body = AgreementStatus), (status = 401, body = ApiErrorBody),
        (status = 404, body = ApiErrorBody)))]
pub async fn status(
    State(state): State<AppState>,
    auth: Auth,
    Path(org_id): Path<String>,
) -> ApiResult<Json<AgreementStatus>> {
    let org = parse_id(&org_id)?;
    Ok(Json(
        agreements::status(state.store(), &auth.actor, org).await?,
    ))
}

/// Signs the version the caller read: their typed name and confirmation. Signing the same
/// version again returns the first signature; a version no longer current is refused (409).
#[utoipa::path(post, path = "/api/v1/orgs/{org_id}/agreement/signatures", tag = "agreements",
    params(("org_id" = String, Path)), request_body = SignInput,
    responses((status = 201, body = Signature), (status = 401, body = ApiErrorBody),
        (status = 404, body = ApiErrorBody), (status = 409, body = ApiErrorBody),
        (status = 422, body = ApiErrorBody)))]
pub async fn sign(
    State(state): State<AppState>,
    auth: Auth,
    Path(org_id): Path<String>,
    JsonBody(input): JsonBody<SignInput>,
) -> ApiResult<(StatusCode, Json<Signature>)> {
    let org = parse_id(&org_id)?;
    let signed = agreements::sign(state.store(), &auth.actor, org, &input, state.now()).await?;
    Ok((StatusCode::CREATED, Json(signed)))
}

/// Every signature in the organization, newest first (its staff).
#[utoipa::path(get, path = "/api/v1/orgs/{org_id}/agreement/signatures", tag = "agreements",
    params(("org_id" = String, Path)),
    responses((status = 200, body = Vec<Signature>), (status = 404, body = ApiErrorBody)))]
pub async fn signatures(
    State(state): State<AppState>,
    auth: Auth,
    Path(org_id): Path<String>,
) -> ApiResult<Json<Vec<Signature>>> {
    let org = parse_id(&org_id)?;
    Ok(Json(
        agreements::signatures(state.store(), &auth.actor, org).await?,
    ))
}

/// Publishes a new version (administrators): everyone signs again before their next room.
/// `replaces` must be the version in effect, or the answer is 409.
#[utoipa::path(post, path = "/api/v1/orgs/{org_id}/agreement/versions", tag = "agreements",
    params(("org_id" = String, Path)), request_body = PublishInput,
    responses((status = 201, body = Agreement), (status = 404, body = ApiErrorBody),
        (status = 409, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub async fn publish(
    State(state): State<AppState>,
    auth: Auth,
    Path(org_id): Path<String>,
    JsonBody(input): JsonBody<PublishInput>,
) -> ApiResult<(StatusCode, Json<Agreement>)> {
    let org = parse_id(&org_id)?;
    let published =
        agreements::publish(state.store(), &auth.actor, org, &input, state.now()).await?;
    Ok((StatusCode::CREATED, Json(published)))
}
