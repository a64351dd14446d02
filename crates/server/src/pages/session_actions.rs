//! A member's actions on one session from the group's page: register for a drop-in
//! session (or let the place go), and check in to an online or hybrid session.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect};
use kindred_domain::attendance;
use kindred_domain::ids::{GroupId, SessionId};
use kindred_domain::Error;

use super::public_group::page_with_notice;
use super::PageResult;
use crate::app::AppState;
use crate::http::{Auth, Form};
use crate::pages::auth::NoFields;

fn ids(group: &str, session: &str) -> Result<(GroupId, SessionId), Error> {
    match (group.parse(), session.parse()) {
        (Ok(group), Ok(session)) => Ok((group, session)),
        _ => Err(Error::NotFound),
    }
}

/// Back to the group's page; a refusal (full, closed, too early) is shown there.
async fn done(
    state: &AppState,
    auth: &Auth,
    group: GroupId,
    result: Result<(), Error>,
) -> PageResult {
    match result {
        Ok(()) => Ok(Redirect::to(&format!("/groups/{group}")).into_response()),
        Err(Error::Conflict(message)) => page_with_notice(state, auth, group, Some(message)).await,
        Err(Error::Invalid(fields)) => {
            let message = fields.0.into_values().next().unwrap_or_default();
            page_with_notice(state, auth, group, Some(message)).await
        }
        Err(other) => Err(other.into()),
    }
}

pub async fn register(
    State(state): State<AppState>,
    auth: Auth,
    Path((group, session)): Path<(String, String)>,
    Form(_): Form<NoFields>,
) -> PageResult {
    let (group, session) = ids(&group, &session)?;
    let result = attendance::register_for_session(state.store(), &auth.actor, session, state.now())
        .await
        .map(|_| ());
    done(&state, &auth, group, result).await
}

pub async fn unregister(
    State(state): State<AppState>,
    auth: Auth,
    Path((group, session)): Path<(String, String)>,
    Form(_): Form<NoFields>,
) -> PageResult {
    let (group, session) = ids(&group, &session)?;
    let result =
        attendance::cancel_registration(state.store(), &auth.actor, session, state.now()).await;
    done(&state, &auth, group, result).await
}

pub async fn check_in(
    State(state): State<AppState>,
    auth: Auth,
    Path((group, session)): Path<(String, String)>,
    Form(_): Form<NoFields>,
) -> PageResult {
    let (group, session) = ids(&group, &session)?;
    let result = attendance::check_in(state.store(), &auth.actor, session, state.now())
        .await
        .map(|_| ());
    done(&state, &auth, group, result).await
}
