use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use kindred_domain::accounts::{self, Me, SignInInput, SignUpInput};
use kindred_domain::auth;

use super::{ApiErrorBody, ApiResult};
use crate::app::AppState;
use crate::http::{
    clear_session_cookie, session_cookie, sign_in_throttled, ApiWrite, Auth, ClientAddr, PublicJson,
};

/// The session just opened. Send `csrf_token` as `X-CSRF-Token` with cookie-authenticated writes.
#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct LoginResponse {
    pub account: Me,
    pub csrf_token: String,
}

/// Create a member account.
#[utoipa::path(post, path = "/api/v1/auth/signup", tag = "auth", request_body = SignUpInput,
    responses((status = 201, body = Me), (status = 422, body = ApiErrorBody)))]
pub async fn sign_up(
    State(state): State<AppState>,
    PublicJson(input): PublicJson<SignUpInput>,
) -> ApiResult<Response> {
    let account = accounts::sign_up(state.store(), state.hasher(), state.now(), &input).await?;
    let me = Me::new(&account, Vec::new());
    Ok((StatusCode::CREATED, Json(me)).into_response())
}

/// Sign in with email and password; sets the session cookie.
#[utoipa::path(post, path = "/api/v1/auth/login", tag = "auth", request_body = SignInInput,
    responses((status = 200, body = LoginResponse), (status = 401, body = ApiErrorBody),
        (status = 429, body = ApiErrorBody, description = "Too many failed sign-ins; wait and retry")))]
pub async fn login(
    State(state): State<AppState>,
    auth: Auth,
    ClientAddr(client): ClientAddr,
    PublicJson(input): PublicJson<SignInInput>,
) -> ApiResult<Response> {
    let previous = auth.session.as_ref().map(|s| s.id);
    let signed_in = sign_in_throttled(&state, &input, previous, client).await?;
    let body = LoginResponse {
        account: Me::new(&signed_in.account, signed_in.roles.clone()),
        csrf_token: signed_in.session.csrf_token.clone(),
    };
    Ok((
        [session_cookie(&state.config, signed_in.token.expose())],
        Json(body),
    )
        .into_response())
}

/// Sign out this session.
#[utoipa::path(post, path = "/api/v1/auth/logout", tag = "auth",
    responses((status = 204, description = "Signed out; the cookie is cleared")))]
pub async fn logout(
    State(state): State<AppState>,
    auth: Auth,
    _write: ApiWrite,
) -> ApiResult<Response> {
    if let Some(session) = &auth.session {
        auth::end_session(state.store(), session.id).await?;
    }
    Ok((
        StatusCode::NO_CONTENT,
        [clear_session_cookie(&state.config)],
    )
        .into_response())
}

/// Sign out every session of this account, on every device.
#[utoipa::path(post, path = "/api/v1/auth/logout-everywhere", tag = "auth",
    responses((status = 204, description = "All sessions ended"), (status = 401, body = ApiErrorBody)))]
pub async fn logout_everywhere(
    State(state): State<AppState>,
    auth: Auth,
    _write: ApiWrite,
) -> ApiResult<Response> {
    auth::sign_out_everywhere(state.store(), &auth.actor).await?;
    Ok((
        StatusCode::NO_CONTENT,
        [clear_session_cookie(&state.config)],
    )
        .into_response())
}
