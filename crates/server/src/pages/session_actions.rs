//! A member's actions on one session from the group's page: register for a drop-in
//! session (or let the place go), and check in to an online or hybrid session.

use axum::extract::{Path, State};
use kindred_domain::attendance;
use kindred_domain::ids::{GroupId, SessionId};
use kindred_domain::Error;

use super::public_group::back_to_group;
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
    back_to_group(&state, &auth, group, result).await
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
    back_to_group(&state, &auth, group, result).await
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
    back_to_group(&state, &auth, group, result).await
}
