use axum::extract::{Path, State};
use axum::Json;
use kindred_domain::groups::{self, GroupCard, PublicGroup};

use super::{parse_id, ApiErrorBody, ApiResult};
use crate::app::AppState;
use crate::http::Auth;

/// Every open group, for anyone. (Search and filters come with the directory.)
#[utoipa::path(get, path = "/api/v1/groups", tag = "public", responses((status = 200, body = Vec<GroupCard>)))]
pub async fn groups(State(state): State<AppState>, auth: Auth) -> ApiResult<Json<Vec<GroupCard>>> {
    Ok(Json(
        groups::public_groups(state.store(), &auth.actor).await?,
    ))
}

/// One open group as visitors see it: who leads it, format, where, upcoming sessions, seats.
#[utoipa::path(get, path = "/api/v1/groups/{group_id}", tag = "public",
    params(("group_id" = String, Path)),
    responses((status = 200, body = PublicGroup), (status = 404, body = ApiErrorBody)))]
pub async fn group(
    State(state): State<AppState>,
    auth: Auth,
    Path(group_id): Path<String>,
) -> ApiResult<Json<PublicGroup>> {
    let id = parse_id(&group_id)?;
    Ok(Json(
        groups::public_group(state.store(), &auth.actor, state.now(), id).await?,
    ))
}
