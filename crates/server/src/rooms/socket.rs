//! A person's websocket to a room. On connecting the client says the last message it has
//! (`?after=N`); it gets a `welcome` with the room as it is, every message after N in
//! order, then everything live. A chat message is delivered only when it is the next one
//! this connection has not sent: a gap (after falling behind) is filled from the store, a
//! repeat is dropped, so no message is missed or sent twice.

use std::time::Duration;

use axum::extract::ws::rejection::WebSocketUpgradeRejection;
use axum::extract::ws::{CloseFrame, Message, WebSocket, WebSocketUpgrade};
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::Response;
use kindred_domain::attendance;
use kindred_domain::rooms::{Audience, MessageInput, Present, Seat};
use tokio::sync::broadcast::error::RecvError;

use super::frames::{parse, Action, ClientFrame, ServerFrame};
use super::service::{self, Inside};
use super::{Closes, Outbound};
use crate::api::{parse_id, ApiError, ApiResult};
use crate::app::AppState;
use crate::http::{rate_limited_message, AppError, Auth};

/// Largest frame (and message) a client may send; larger ones close the connection.
pub const MAX_FRAME: usize = 16 * 1024;
/// What the websocket layer reads at most. A frame between this and [`MAX_FRAME`] is read
/// whole and refused by us, so the client gets the reason and a clean close; a larger one
/// is cut off by the layer itself.
const MAX_READ: usize = 64 * 1024;
/// The read buffer each connection starts with: chat frames are small, and a larger frame
/// grows it. Most of an idle connection's memory is buffers, so this is kept small.
const READ_BUFFER: usize = 1024;
/// Most bytes waiting to be written to a slow client before its connection is dropped.
const MAX_WRITE_BUFFER: usize = 256 * 1024;
/// A ping this often keeps idle connections alive through proxies and finds dead ones.
const PING_EVERY: Duration = Duration::from_secs(30);

/// Close codes (RFC 6455): normal, too big, and "the server restarts, try again".
const CLOSE_NORMAL: u16 = 1000;
const CLOSE_TOO_BIG: u16 = 1009;
const CLOSE_RESTART: u16 = 1012;

const RESTARTING: &str = "The server is restarting. Reconnecting…";

#[derive(serde::Deserialize, utoipa::IntoParams)]
pub struct SocketQuery {
    /// The last message sequence number the client has; 0 (the default) for all.
    #[serde(default)]
    pub after: i64,
}

/// Opens the live connection to a session's room (a websocket). The `Origin` header must
/// be this server's; the person must be let in (as `GET …/room` says). Frames are JSON
/// text of at most 16 KiB.
#[utoipa::path(get, path = "/api/v1/sessions/{session_id}/room/socket", tag = "rooms",
    params(("session_id" = String, Path), SocketQuery),
    responses((status = 101, description = "Switching to the websocket protocol"),
        (status = 401, body = crate::api::ApiErrorBody),
        (status = 403, body = crate::api::ApiErrorBody, description = "Another origin"),
        (status = 404, body = crate::api::ApiErrorBody),
        (status = 409, body = crate::api::ApiErrorBody, description = "Not let in now: the message says why")))]
pub async fn upgrade(
    State(state): State<AppState>,
    auth: Auth,
    Path(session_id): Path<String>,
    Query(query): Query<SocketQuery>,
    headers: HeaderMap,
    ws: Result<WebSocketUpgrade, WebSocketUpgradeRejection>,
) -> ApiResult<Response> {
    let session = parse_id(&session_id)?;
    // Who may enter is decided first, so a request of any kind learns no more than that.
    let inside = service::inside(&state, &auth.actor, session).await?;
    if !same_origin(&headers, &state.config.public_url) {
        return Err(ApiError(AppError::CrossSite));
    }
    let ws = ws.map_err(|_| {
        ApiError(AppError::BadRequest(
            "Open this address as a websocket (Upgrade: websocket).".into(),
        ))
    })?;
    let after = query.after.max(0);
    Ok(ws
        .read_buffer_size(READ_BUFFER)
        .write_buffer_size(0)
        .max_write_buffer_size(MAX_WRITE_BUFFER)
        .max_message_size(MAX_READ)
        .max_frame_size(MAX_READ)
        .on_upgrade(move |socket| Connection::new(socket, state, inside, after).run()))
}

/// A browser always sends `Origin` with a websocket; it must be the server's own, so no
/// other site can open a room with a member's cookie.
fn same_origin(headers: &HeaderMap, public_url: &str) -> bool {
    headers
        .get(header::ORIGIN)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|origin| origin.eq_ignore_ascii_case(public_url))
}

/// Whether the connection goes on after a step.
enum Flow {
    Continue,
    Close,
}

struct Connection {
    socket: WebSocket,
    state: AppState,
    inside: Inside,
    me: Present,
    /// The last chat message this connection sent.
    last_seq: i64,
}

type Sent = Result<Flow, axum::Error>;

impl Connection {
    fn new(socket: WebSocket, state: AppState, inside: Inside, after: i64) -> Self {
        let me = inside.present();
        Connection {
            socket,
            state,
            inside,
            me,
            last_seq: after,
        }
    }

    async fn run(self) {
        let rooms = std::sync::Arc::clone(&self.state.rooms);
        let _open = rooms.connection_opened();
        self.serve().await;
    }

    async fn serve(mut self) {
        let room = std::sync::Arc::clone(&self.inside.room);
        let mut updates = room.subscribe();
        let mut stopping = self.state.rooms.stopping();
        let snapshot = room.connect(&self.me, self.state.now());
        tracing::debug!(session = %room.session_id, account = %self.me.account_id, "room connection opened");
        let mut ping = tokio::time::interval(PING_EVERY);
        ping.tick().await;
        let welcome = ServerFrame::Welcome {
            you: &self.me,
            room: &snapshot,
            server_time: self.state.now(),
        }
        .to_text();
        let mut flow = match self.send_text(welcome).await {
            Ok(_) => self.catch_up().await,
            Err(e) => Err(e),
        };
        if *stopping.borrow_and_update() {
            flow = self.close(CLOSE_RESTART, RESTARTING, true).await;
        }
        while let Ok(Flow::Continue) = flow {
            flow = tokio::select! {
                incoming = self.socket.recv() => match incoming {
                    Some(Ok(Message::Text(text))) if text.len() > MAX_FRAME => self.too_big().await,
                    Some(Ok(Message::Binary(_))) => {
                        self.error("bad_frame", "Frames are JSON text, not binary.", None).await
                    }
                    Some(Ok(Message::Text(text))) => self.handle(text.as_str()).await,
                    Some(Ok(Message::Close(_))) | None => Ok(Flow::Close),
                    Some(Ok(_)) => Ok(Flow::Continue),
                    Some(Err(e)) => {
                        // Over what the layer reads (say so if the socket still takes it),
                        // not the websocket protocol, or a connection gone: close.
                        tracing::debug!(error = %e, "room connection failed");
                        if e.to_string().contains("too long") {
                            let _ = self.too_big().await;
                        }
                        Ok(Flow::Close)
                    }
                },
                update = updates.recv() => match update {
                    Ok(out) => self.deliver(&out).await,
                    Err(RecvError::Lagged(_)) => self.caught_up_after_lag().await,
                    Err(RecvError::Closed) => Ok(Flow::Close),
                },
                _ = stopping.changed() => self.close(CLOSE_RESTART, RESTARTING, true).await,
                _ = ping.tick() => self.socket.send(Message::Ping(Default::default())).await
                    .map(|()| Flow::Continue),
            };
        }
        let visit = room.disconnect(self.me.account_id, self.state.now());
        tracing::debug!(session = %room.session_id, account = %self.me.account_id, "room connection closed");
        if let (Some(visit), Seat::Member) = (visit, self.me.seat) {
            let recorded = attendance::record_room_visit(
                self.state.store(),
                room.session_id,
                self.me.account_id,
                visit,
                self.state.now(),
            )
            .await;
            if let Err(e) = recorded {
                tracing::warn!(session = %room.session_id, account = %self.me.account_id,
                    error = %e, "a stay in the room was not recorded");
            }
        }
    }

    async fn send_text(&mut self, text: String) -> Sent {
        self.socket
            .send(Message::Text(text.into()))
            .await
            .map(|()| Flow::Continue)
    }

    async fn error(&mut self, code: &str, message: &str, field: Option<&str>) -> Sent {
        self.send_text(
            ServerFrame::Error {
                code,
                message,
                field,
            }
            .to_text(),
        )
        .await
    }

    /// Says why, then closes.
    async fn close(&mut self, code: u16, reason: &str, reconnect: bool) -> Sent {
        self.send_text(ServerFrame::Closing { reason, reconnect }.to_text())
            .await?;
        self.socket
            .send(Message::Close(Some(CloseFrame {
                code,
                reason: "".into(),
            })))
            .await?;
        Ok(Flow::Close)
    }

    async fn too_big(&mut self) -> Sent {
        self.close(CLOSE_TOO_BIG, "Frames over 16 KiB are refused.", false)
            .await
    }

    /// Sends every stored message after the last one sent.
    async fn catch_up(&mut self) -> Sent {
        loop {
            let missed =
                match service::messages_after(&self.state, &self.inside, self.last_seq).await {
                    Ok(missed) => missed,
                    Err(e) => return self.app_error(&e).await,
                };
            let full = missed.len() as i64 >= service::CATCH_UP_LIMIT;
            for message in &missed {
                self.send_text(ServerFrame::Message { message }.to_text())
                    .await?;
                self.last_seq = message.seq;
            }
            if !full {
                return Ok(Flow::Continue);
            }
        }
    }

    /// The broadcast went on without this connection: messages come from the store, and
    /// the room's state anew.
    async fn caught_up_after_lag(&mut self) -> Sent {
        self.catch_up().await?;
        let snapshot = self
            .inside
            .room
            .snapshot(self.me.account_id, self.state.now());
        let welcome = ServerFrame::Welcome {
            you: &self.me,
            room: &snapshot,
            server_time: self.state.now(),
        }
        .to_text();
        self.send_text(welcome).await
    }

    async fn deliver(&mut self, out: &Outbound) -> Sent {
        let for_me = match out.to {
            Audience::Everyone => true,
            Audience::Facilitators => self.me.seat == Seat::Facilitator,
            Audience::One(account) => account == self.me.account_id,
        };
        if !for_me {
            return Ok(Flow::Continue);
        }
        if let Some(seq) = out.seq {
            if seq > self.last_seq + 1 {
                self.catch_up().await?;
            }
            if seq <= self.last_seq {
                return Ok(Flow::Continue);
            }
            self.last_seq = seq;
        }
        if let Some(text) = &out.text {
            self.socket.send(Message::Text(text.clone())).await?;
        }
        match out.closes {
            Closes::One(account, reason) if account == self.me.account_id => {
                self.close(CLOSE_NORMAL, reason, false).await
            }
            Closes::Everyone(reason) => self.close(CLOSE_NORMAL, reason, false).await,
            _ => Ok(Flow::Continue),
        }
    }

    async fn handle(&mut self, text: &str) -> Sent {
        let frame = match parse(text) {
            Ok(frame) => frame,
            Err(message) => return self.error("bad_frame", &message, None).await,
        };
        let done = match frame {
            ClientFrame::Action(Action::Say { client_id, body }) => {
                let input = MessageInput { client_id, body };
                service::say(&self.state, &self.inside, &input)
                    .await
                    .map(drop)
            }
            ClientFrame::Action(Action::Hide { seq, reason }) => {
                service::hide(&self.state, &self.inside, seq, &reason)
                    .await
                    .map(drop)
            }
            ClientFrame::Action(Action::StartExercise { item_id }) => {
                service::start_exercise(&self.state, &self.inside, item_id).await
            }
            ClientFrame::Action(Action::AcknowledgeAlert { alert_id, note }) => {
                service::acknowledge_alert(&self.state, &self.inside, alert_id, note).await
            }
            ClientFrame::Command(command) => {
                service::command(&self.state, &self.inside, command).await
            }
        };
        match done {
            Ok(()) => Ok(Flow::Continue),
            Err(e) => self.app_error(&e).await,
        }
    }

    async fn app_error(&mut self, e: &AppError) -> Sent {
        if let AppError::RateLimited(wait) = e {
            let frame = ServerFrame::RateLimited {
                retry_after_ms: (wait * 1000.0).ceil() as i64,
                message: &rate_limited_message(*wait),
            };
            return self.send_text(frame.to_text()).await;
        }
        let problem = e.problem();
        let code = match problem.status {
            StatusCode::UNPROCESSABLE_ENTITY => "invalid",
            StatusCode::CONFLICT => "refused",
            StatusCode::NOT_FOUND => "not_found",
            _ => "internal",
        };
        let first = problem.fields.0.iter().next();
        let (message, field) = match first {
            Some((field, message)) => (message.as_str(), Some(field.as_str())),
            None => (problem.message.as_str(), None),
        };
        self.error(code, message, field).await
    }
}
