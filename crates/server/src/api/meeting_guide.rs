//! The Meeting Guide feed: peer support groups in the open JSON format that recovery
//! meeting-finder apps read.

use axum::extract::State;
use axum::Json;
use kindred_domain::meeting_guide::{self, Meeting};

use super::ApiResult;
use crate::app::AppState;
use crate::http::Auth;

/// Every open peer support group, one entry per weekly meeting day of each active schedule,
/// in the group's time zone (`day` 0 = Sunday; `time` and `end_time` `HH:MM`). Online and
/// hybrid groups carry `conference_url` (the group's page) and the `ONL` type; in-person and
/// hybrid groups carry their address.
#[utoipa::path(get, path = "/api/v1/meeting-guide.json", tag = "public",
    responses((status = 200, body = Vec<Meeting>)))]
pub async fn feed(State(state): State<AppState>, auth: Auth) -> ApiResult<Json<Vec<Meeting>>> {
    Ok(Json(
        meeting_guide::meeting_guide(
            state.store(),
            &auth.actor,
            state.now(),
            &state.config.public_url,
        )
        .await?,
    ))
}
