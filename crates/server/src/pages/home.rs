use askama::Template;
use axum::extract::State;
use kindred_domain::groups::{self, GroupCard};

use super::{render, Layout, PageResult};
use crate::app::AppState;
use crate::http::Auth;

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage {
    layout: Layout,
    groups: Vec<GroupCard>,
}

pub async fn show(State(state): State<AppState>, auth: Auth) -> PageResult {
    let groups = groups::public_groups(state.store(), &auth.actor).await?;
    render(HomePage {
        layout: Layout::new(&auth, "Find a group"),
        groups,
    })
}
