//! The person's calendar feeds: make one (or a new one, which revokes the old), see which
//! are live, revoke them. A feed's address is shown once, when it is made.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use kindred_domain::calendar::{self, CalendarFeed, FeedKind, NewFeedInput};
use kindred_domain::fields::Choice as _;
use kindred_domain::{Error, FieldErrors};

use super::auth::NoFields;
use super::{render_with, Layout, PageResult};
use crate::app::AppState;
use crate::http::{Auth, Form};

#[derive(Template)]
#[template(path = "calendar.html")]
struct CalendarPage {
    layout: Layout,
    feeds: Vec<CalendarFeed>,
    is_staff: bool,
    errors: FieldErrors,
    /// The address of a feed just made: shown on this response only.
    new_url: Option<String>,
}

impl CalendarPage {
    fn live(&self, kind: &str) -> Option<&CalendarFeed> {
        self.feeds.iter().find(|f| f.kind.code() == kind)
    }
}

async fn page(
    state: &AppState,
    auth: &Auth,
    status: StatusCode,
    errors: FieldErrors,
    new_url: Option<String>,
) -> PageResult {
    let feeds = calendar::my_feeds(state.store(), &auth.actor).await?;
    render_with(
        status,
        CalendarPage {
            layout: Layout::new(auth, "Calendar"),
            feeds,
            is_staff: auth.actor.signed_in().is_some_and(|m| !m.roles.is_empty()),
            errors,
            new_url,
        },
    )
}

pub async fn show(State(state): State<AppState>, auth: Auth) -> PageResult {
    page(&state, &auth, StatusCode::OK, FieldErrors::new(), None).await
}

pub async fn create(
    State(state): State<AppState>,
    auth: Auth,
    Form(input): Form<NewFeedInput>,
) -> PageResult {
    match calendar::create_feed(state.store(), &auth.actor, state.now(), &input).await {
        Ok(created) => {
            let url = format!(
                "{}/calendar/{}.ics",
                state.config.public_url,
                created.token.expose()
            );
            page(&state, &auth, StatusCode::OK, FieldErrors::new(), Some(url)).await
        }
        Err(Error::Invalid(errors)) => {
            page(
                &state,
                &auth,
                StatusCode::UNPROCESSABLE_ENTITY,
                errors,
                None,
            )
            .await
        }
        Err(other) => Err(other.into()),
    }
}

pub async fn revoke(
    State(state): State<AppState>,
    auth: Auth,
    Path(feed_id): Path<String>,
    Form(_): Form<NoFields>,
) -> PageResult {
    let id = feed_id.parse().map_err(|_| Error::NotFound)?;
    calendar::revoke_feed(state.store(), &auth.actor, state.now(), id).await?;
    Ok(Redirect::to("/account/calendar").into_response())
}

/// For the template: the kinds a person may have.
pub fn kinds(is_staff: bool) -> Vec<FeedKind> {
    if is_staff {
        vec![FeedKind::Member, FeedKind::Facilitator]
    } else {
        vec![FeedKind::Member]
    }
}
