use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use kindred_domain::auth::SecretToken;
use kindred_domain::orgs::{self, Organization, SetupInput};

use super::{ApiErrorBody, ApiResult};
use crate::app::AppState;
use crate::http::PublicJson;

#[derive(serde::Deserialize, utoipa::ToSchema)]
pub struct SetupRequest {
    /// The token from the setup link the server printed.
    #[serde(default)]
    pub token: String,
    #[serde(flatten)]
    pub input: SetupInput,
}

/// Create the first organization and its administrator with the one-time setup token.
#[utoipa::path(post, path = "/api/v1/setup", tag = "setup", request_body = SetupRequest,
    responses((status = 201, body = Organization), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub async fn complete(
    State(state): State<AppState>,
    PublicJson(request): PublicJson<SetupRequest>,
) -> ApiResult<(StatusCode, Json<Organization>)> {
    let token = SecretToken::presented(&request.token);
    let (org, _admin) = orgs::complete_setup(
        state.store(),
        state.hasher(),
        state.now(),
        &token,
        &request.input,
    )
    .await?;
    Ok((StatusCode::CREATED, Json(org)))
}
