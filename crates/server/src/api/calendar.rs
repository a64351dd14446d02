//! The signed-in person's calendar feeds.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use kindred_domain::calendar::{self, CalendarFeed, NewFeedInput};

use super::{parse_id, ApiErrorBody, ApiResult};
use crate::app::AppState;
use crate::http::{ApiWrite, Auth, JsonBody};

/// A new feed with its address, shown once.
#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct CreatedFeedResponse {
    pub feed: CalendarFeed,
    /// `…/calendar/{token}.ics`: the only way to read the feed. Not shown again.
    pub url: String,
}

#[utoipa::path(get, path = "/api/v1/me/calendar-feeds", tag = "calendar",
    responses((status = 200, body = Vec<CalendarFeed>), (status = 401, body = ApiErrorBody)))]
pub async fn list(State(state): State<AppState>, auth: Auth) -> ApiResult<Json<Vec<CalendarFeed>>> {
    Ok(Json(calendar::my_feeds(state.store(), &auth.actor).await?))
}

/// Makes a feed of this kind, revoking the one the person had.
#[utoipa::path(post, path = "/api/v1/me/calendar-feeds", tag = "calendar",
    request_body = NewFeedInput,
    responses((status = 201, body = CreatedFeedResponse), (status = 401, body = ApiErrorBody),
        (status = 422, body = ApiErrorBody)))]
pub async fn create(
    State(state): State<AppState>,
    auth: Auth,
    JsonBody(input): JsonBody<NewFeedInput>,
) -> ApiResult<(StatusCode, Json<CreatedFeedResponse>)> {
    let created = calendar::create_feed(state.store(), &auth.actor, state.now(), &input).await?;
    let url = format!(
        "{}/calendar/{}.ics",
        state.config.public_url,
        created.token.expose()
    );
    Ok((
        StatusCode::CREATED,
        Json(CreatedFeedResponse {
            feed: created.feed,
            url,
        }),
    ))
}

#[utoipa::path(delete, path = "/api/v1/me/calendar-feeds/{feed_id}", tag = "calendar",
    params(("feed_id" = String, Path)),
    responses((status = 204), (status = 404, body = ApiErrorBody)))]
pub async fn revoke(
    State(state): State<AppState>,
    auth: Auth,
    _write: ApiWrite,
    Path(feed_id): Path<String>,
) -> ApiResult<StatusCode> {
    let id = parse_id(&feed_id)?;
    calendar::revoke_feed(state.store(), &auth.actor, state.now(), id).await?;
    Ok(StatusCode::NO_CONTENT)
}
