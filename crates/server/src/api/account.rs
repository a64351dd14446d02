use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use kindred_domain::accounts::{
    self, ApiToken, ChangePasswordInput, CreatedApiToken, NewApiTokenInput,
};

use super::{parse_id, ApiErrorBody, ApiResult};
use crate::app::AppState;
use crate::http::{ApiWrite, Auth, JsonBody};

/// Change the password; every other session of the account ends.
#[utoipa::path(post, path = "/api/v1/me/password", tag = "account", request_body = ChangePasswordInput,
    responses((status = 204, description = "Changed"), (status = 422, body = ApiErrorBody)))]
pub async fn change_password(
    State(state): State<AppState>,
    auth: Auth,
    JsonBody(input): JsonBody<ChangePasswordInput>,
) -> ApiResult<StatusCode> {
    accounts::change_password(state.store(), state.hasher(), auth.signed_in()?, &input).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(get, path = "/api/v1/me/tokens", tag = "account",
    responses((status = 200, body = Vec<ApiToken>), (status = 401, body = ApiErrorBody)))]
pub async fn list_tokens(
    State(state): State<AppState>,
    auth: Auth,
) -> ApiResult<Json<Vec<ApiToken>>> {
    Ok(Json(
        accounts::list_api_tokens(state.store(), auth.signed_in()?).await?,
    ))
}

/// Create a personal access token. `secret` is shown in this response only.
#[utoipa::path(post, path = "/api/v1/me/tokens", tag = "account", request_body = NewApiTokenInput,
    responses((status = 201, body = CreatedApiToken), (status = 422, body = ApiErrorBody)))]
pub async fn create_token(
    State(state): State<AppState>,
    auth: Auth,
    JsonBody(input): JsonBody<NewApiTokenInput>,
) -> ApiResult<(StatusCode, Json<CreatedApiToken>)> {
    let created =
        accounts::create_api_token(state.store(), state.now(), auth.signed_in()?, &input).await?;
    Ok((StatusCode::CREATED, Json(created)))
}

#[utoipa::path(delete, path = "/api/v1/me/tokens/{token_id}", tag = "account",
    params(("token_id" = String, Path)),
    responses((status = 204, description = "Revoked"), (status = 404, body = ApiErrorBody)))]
pub async fn revoke_token(
    State(state): State<AppState>,
    auth: Auth,
    _write: ApiWrite,
    Path(token_id): Path<String>,
) -> ApiResult<StatusCode> {
    let id = parse_id(&token_id)?;
    accounts::revoke_api_token(state.store(), state.now(), auth.signed_in()?, id).await?;
    Ok(StatusCode::NO_CONTENT)
}
