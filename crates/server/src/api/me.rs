use axum::extract::State;
use axum::Json;
use kindred_domain::accounts::{self, Me};
use kindred_domain::enrollments::{self, MyGroup};

use super::{ApiErrorBody, ApiResult};
use crate::app::AppState;
use crate::http::Auth;

/// The signed-in account, its roles per organization, and (for cookie sessions) the CSRF token.
#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct MeResponse {
    #[serde(flatten)]
    pub me: Me,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub csrf_token: Option<String>,
}

#[utoipa::path(get, path = "/api/v1/me", tag = "account",
    responses((status = 200, body = MeResponse), (status = 401, body = ApiErrorBody)))]
pub async fn me(State(state): State<AppState>, auth: Auth) -> ApiResult<Json<MeResponse>> {
    let me = accounts::me(state.store(), &auth.actor).await?;
    Ok(Json(MeResponse {
        me,
        csrf_token: auth.session.as_ref().map(|s| s.csrf_token.clone()),
    }))
}

/// The groups the signed-in person belongs to or asked to join, with each one's next session.
#[utoipa::path(get, path = "/api/v1/me/groups", tag = "account",
    responses((status = 200, body = Vec<MyGroup>), (status = 401, body = ApiErrorBody)))]
pub async fn my_groups(State(state): State<AppState>, auth: Auth) -> ApiResult<Json<Vec<MyGroup>>> {
    Ok(Json(
        enrollments::my_groups(state.store(), &auth.actor, state.now()).await?,
    ))
}
