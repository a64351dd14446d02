//! `GET /calendar/{token}.ics`: a person's feed, for calendar apps that cannot sign in. The
//! token in the URL is the only credential; an unknown or revoked one is not found.

use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use kindred_domain::auth::SecretToken;
use kindred_domain::calendar::{self, FeedContent, FeedWhere};
use kindred_domain::groups::Format;
use kindred_domain::sessions::SessionStatus;
use kindred_domain::Error;

use super::{render, Feed, FeedEvent};
use crate::app::AppState;
use crate::pages::PageError;

/// What a lock screen shows for a member who has not chosen to see group names.
pub const NEUTRAL_TITLE: &str = "Group session";

pub async fn feed(
    State(state): State<AppState>,
    Path(file): Path<String>,
) -> Result<Response, PageError> {
    let token = file.strip_suffix(".ics").ok_or(Error::NotFound)?;
    let now = state.now();
    let content =
        calendar::feed_sessions(state.store(), &SecretToken::presented(token), now).await?;
    tracing::debug!(feed_id = %content.feed.id, "calendar feed read");
    let body = render(&to_feed(&content, &state.config.public_url), now);
    Ok((
        [(header::CONTENT_TYPE, "text/calendar; charset=utf-8")],
        body,
    )
        .into_response())
}

fn to_feed(content: &FeedContent, public_url: &str) -> Feed {
    let events = content
        .sessions
        .iter()
        .map(|s| {
            let cancelled = s.status == SessionStatus::Cancelled;
            let joins_online = s.online || s.format == Format::Hybrid;
            FeedEvent {
                uid: format!("{}@kindred", s.session_id),
                starts_at: s.starts_at,
                ends_at: s.ends_at,
                zone: s.time_zone,
                summary: if content.feed.show_group_names {
                    s.group_name.clone()
                } else {
                    NEUTRAL_TITLE.to_owned()
                },
                location: match s.place() {
                    FeedWhere::Site { address } => Some(address),
                    FeedWhere::Online => None,
                },
                url: joins_online.then(|| format!("{public_url}/groups/{}", s.group_id)),
                description: (cancelled && !s.cancel_reason.is_empty())
                    .then(|| format!("Cancelled: {}", s.cancel_reason)),
                cancelled,
                sequence: u32::from(s.moved) + u32::from(cancelled),
                last_modified: None,
            }
        })
        .collect();
    Feed {
        name: "Kindred".into(),
        events,
    }
}
