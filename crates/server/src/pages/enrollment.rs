//! Joining and leaving a group, and answering a seat offer, from the group's public page.

use axum::extract::{Path, State};
use kindred_domain::enrollments;
use kindred_domain::ids::GroupId;
use kindred_domain::Error;

use super::public_group::back_to_group;
use super::PageResult;
use crate::app::AppState;
use crate::http::{Auth, Form};
use crate::pages::auth::NoFields;

fn group_id(raw: &str) -> Result<GroupId, Error> {
    raw.parse().map_err(|_| Error::NotFound)
}

pub async fn join(
    State(state): State<AppState>,
    auth: Auth,
    Path(group): Path<String>,
    Form(_): Form<NoFields>,
) -> PageResult {
    let group = group_id(&group)?;
    let result = enrollments::join_group(state.store(), &auth.actor, group, state.now())
        .await
        .map(|_| ());
    back_to_group(&state, &auth, group, result).await
}

pub async fn leave(
    State(state): State<AppState>,
    auth: Auth,
    Path(group): Path<String>,
    Form(_): Form<NoFields>,
) -> PageResult {
    let group = group_id(&group)?;
    let result = enrollments::leave_group(state.store(), &auth.actor, group, state.now()).await;
    back_to_group(&state, &auth, group, result).await
}

pub async fn accept_offer(
    State(state): State<AppState>,
    auth: Auth,
    Path(group): Path<String>,
    Form(_): Form<NoFields>,
) -> PageResult {
    let group = group_id(&group)?;
    let result = enrollments::accept_offer(state.store(), &auth.actor, group, state.now()).await;
    back_to_group(&state, &auth, group, result).await
}

pub async fn decline_offer(
    State(state): State<AppState>,
    auth: Auth,
    Path(group): Path<String>,
    Form(_): Form<NoFields>,
) -> PageResult {
    let group = group_id(&group)?;
    let result = enrollments::decline_offer(state.store(), &auth.actor, group, state.now()).await;
    back_to_group(&state, &auth, group, result).await
}
