//! A session's live room over plain HTTP: whether one may enter, the messages, posting and
//! hiding, the room's commands. The websocket (`…/room/socket`) carries the same steps
//! live; both go through `rooms::service`.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::Json;
use chrono::{DateTime, Utc};
use kindred_domain::ids::SessionPlanItemId;
use kindred_domain::rooms::{ChatMessage, Command, MessageInput, Refusal, RoomRefused, Seat};

use super::{parse_id, ApiErrorBody, ApiResult};
use crate::app::AppState;
use crate::http::{Auth, JsonBody};
use crate::rooms::service::{self, Inside};
use crate::rooms::socket::SocketQuery;

/// Whether the caller may enter the session's room now, and if not, why and when.
#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
pub struct RoomEntry {
    /// `true`: connect to `…/room/socket`.
    pub open: bool,
    pub seat: Option<Seat>,
    /// The name the caller has in the room.
    pub name: Option<String>,
    pub opens_at: DateTime<Utc>,
    pub closes_at: DateTime<Utc>,
    /// Why not, in plain words, when `open` is false.
    pub refusal: Option<String>,
    /// A code for the reason: not_in_group, cancelled, agreement_unsigned, not_yet_open,
    /// closed, removed.
    pub refusal_code: Option<String>,
}

impl RoomEntry {
    fn refused(refused: &RoomRefused) -> Self {
        let window = kindred_domain::rooms::RoomWindow::of(&refused.session, None);
        let code = match refused.refusal {
            Refusal::NotInGroup => "not_in_group",
            Refusal::Cancelled { .. } => "cancelled",
            Refusal::AgreementUnsigned { .. } => "agreement_unsigned",
            Refusal::NotYetOpen { .. } => "not_yet_open",
            Refusal::Closed { .. } => "closed",
            Refusal::Removed => "removed",
        };
        RoomEntry {
            open: false,
            seat: None,
            name: None,
            opens_at: window.opens_at,
            closes_at: match refused.refusal {
                Refusal::Closed { closed_at } => closed_at,
                _ => window.closes_at,
            },
            refusal: Some(refused.refusal.message().to_owned()),
            refusal_code: Some(code.to_owned()),
        }
    }
}

/// Lets the caller in, or refuses with the reason (409).
async fn inside(state: &AppState, auth: &Auth, session_id: &str) -> ApiResult<Inside> {
    Ok(service::inside(state, &auth.actor, parse_id(session_id)?).await?)
}

#[utoipa::path(get, path = "/api/v1/sessions/{session_id}/room", tag = "rooms",
    params(("session_id" = String, Path)),
    responses((status = 200, body = RoomEntry), (status = 401, body = ApiErrorBody),
        (status = 404, body = ApiErrorBody)))]
pub async fn entry(
    State(state): State<AppState>,
    auth: Auth,
    Path(session_id): Path<String>,
) -> ApiResult<Json<RoomEntry>> {
    let session = parse_id(&session_id)?;
    Ok(Json(
        match service::enter(&state, &auth.actor, session).await? {
            Ok(inside) => RoomEntry {
                open: true,
                seat: Some(inside.seat),
                name: Some(inside.name.clone()),
                opens_at: inside.window.opens_at,
                closes_at: inside.window.closes_at,
                refusal: None,
                refusal_code: None,
            },
            Err(refused) => RoomEntry::refused(&refused),
        },
    ))
}

/// The room's messages after `after` (a sequence number), in order, at most 500 at once.
#[utoipa::path(get, path = "/api/v1/sessions/{session_id}/room/messages", tag = "rooms",
    params(("session_id" = String, Path), SocketQuery),
    responses((status = 200, body = Vec<ChatMessage>), (status = 401, body = ApiErrorBody),
        (status = 404, body = ApiErrorBody), (status = 409, body = ApiErrorBody)))]
pub async fn messages(
    State(state): State<AppState>,
    auth: Auth,
    Path(session_id): Path<String>,
    Query(query): Query<SocketQuery>,
) -> ApiResult<Json<Vec<ChatMessage>>> {
    let inside = inside(&state, &auth, &session_id).await?;
    Ok(Json(
        service::messages_after(&state, &inside, query.after).await?,
    ))
}

/// Posts a message: stored with the room's next number, then sent to everyone in the room.
/// Sending the same `client_id` again returns the stored message and stores nothing.
#[utoipa::path(post, path = "/api/v1/sessions/{session_id}/room/messages", tag = "rooms",
    params(("session_id" = String, Path)), request_body = MessageInput,
    responses((status = 201, body = ChatMessage), (status = 401, body = ApiErrorBody),
        (status = 404, body = ApiErrorBody),
        (status = 409, body = ApiErrorBody, description = "Muted, not your turn, or the room is closed"),
        (status = 422, body = ApiErrorBody), (status = 429, body = ApiErrorBody)))]
pub async fn post_message(
    State(state): State<AppState>,
    auth: Auth,
    Path(session_id): Path<String>,
    JsonBody(input): JsonBody<MessageInput>,
) -> ApiResult<(StatusCode, Json<ChatMessage>)> {
    let inside = inside(&state, &auth, &session_id).await?;
    let message = service::say(&state, &inside, &input).await?;
    Ok((StatusCode::CREATED, Json(message)))
}

#[derive(Debug, serde::Deserialize, utoipa::ToSchema)]
pub struct HideInput {
    pub reason: String,
}

/// A facilitator hides a message; the room sees the reason instead of the text.
#[utoipa::path(post, path = "/api/v1/sessions/{session_id}/room/messages/{seq}/hide", tag = "rooms",
    params(("session_id" = String, Path), ("seq" = i64, Path)), request_body = HideInput,
    responses((status = 200, body = ChatMessage), (status = 401, body = ApiErrorBody),
        (status = 404, body = ApiErrorBody), (status = 409, body = ApiErrorBody),
        (status = 422, body = ApiErrorBody)))]
pub async fn hide(
    State(state): State<AppState>,
    auth: Auth,
    Path((session_id, seq)): Path<(String, i64)>,
    JsonBody(input): JsonBody<HideInput>,
) -> ApiResult<Json<ChatMessage>> {
    let inside = inside(&state, &auth, &session_id).await?;
    Ok(Json(
        service::hide(&state, &inside, seq, &input.reason).await?,
    ))
}

/// One of the room's commands (raise a hand, give the floor, mute, remove, end, …), as
/// the websocket takes it.
#[utoipa::path(post, path = "/api/v1/sessions/{session_id}/room/commands", tag = "rooms",
    params(("session_id" = String, Path)), request_body = Command,
    responses((status = 204, description = "Done; the room was told"),
        (status = 401, body = ApiErrorBody), (status = 404, body = ApiErrorBody),
        (status = 409, body = ApiErrorBody)))]
pub async fn command(
    State(state): State<AppState>,
    auth: Auth,
    Path(session_id): Path<String>,
    JsonBody(command): JsonBody<Command>,
) -> ApiResult<StatusCode> {
    let inside = inside(&state, &auth, &session_id).await?;
    service::command(&state, &inside, command).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Debug, serde::Deserialize, utoipa::ToSchema)]
pub struct ExerciseInput {
    #[schema(value_type = String)]
    pub item_id: SessionPlanItemId,
}

/// A facilitator starts a guided exercise of the session plan; every client counts down.
#[utoipa::path(post, path = "/api/v1/sessions/{session_id}/room/exercise", tag = "rooms",
    params(("session_id" = String, Path)), request_body = ExerciseInput,
    responses((status = 204, description = "Started"), (status = 401, body = ApiErrorBody),
        (status = 404, body = ApiErrorBody), (status = 409, body = ApiErrorBody),
        (status = 422, body = ApiErrorBody)))]
pub async fn start_exercise(
    State(state): State<AppState>,
    auth: Auth,
    Path(session_id): Path<String>,
    JsonBody(input): JsonBody<ExerciseInput>,
) -> ApiResult<StatusCode> {
    let inside = inside(&state, &auth, &session_id).await?;
    service::start_exercise(&state, &inside, input.item_id).await?;
    Ok(StatusCode::NO_CONTENT)
}
