use askama::Template;
use axum::extract::{Path, State};
use kindred_domain::fields::Choice as _;
use kindred_domain::groups::{self, PublicGroup};
use kindred_domain::Error;

use super::{render, Layout, PageResult};
use crate::app::AppState;
use crate::http::Auth;

#[derive(Template)]
#[template(path = "group.html")]
struct GroupPage {
    layout: Layout,
    view: PublicGroup,
}

/// The public page of one group: who leads it, how and where it meets, and whether there is room.
pub async fn show(
    State(state): State<AppState>,
    auth: Auth,
    Path(group_id): Path<String>,
) -> PageResult {
    let id = group_id.parse().map_err(|_| Error::NotFound)?;
    let view = groups::public_group(state.store(), &auth.actor, state.now(), id).await?;
    render(GroupPage {
        layout: Layout::new(&auth, view.group.name.clone()),
        view,
    })
}
