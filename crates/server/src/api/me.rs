use axum::extract::State;
use axum::Json;
use kindred_domain::accounts::{Account, Me};
use kindred_domain::enrollments::{self, MyGroup};
use kindred_domain::orgs::OrgRole;

use super::{ApiErrorBody, ApiResult};
use crate::app::AppState;
use crate::http::Auth;

pub(super) fn me_of(account: &Account, roles: Vec<OrgRole>) -> Me {
    Me {
        id: account.id,
        email: account.email.clone(),
        display_name: account.display_name.clone(),
        roles,
    }
}

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
    let signed_in = auth.signed_in()?;
    let account = state
        .store()
        .account_by_id(signed_in.account_id)
        .await
        .map_err(kindred_domain::Error::from)?
        .ok_or(kindred_domain::Error::Unauthenticated)?;
    let me = me_of(&account, signed_in.roles.clone());
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
