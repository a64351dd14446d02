use askama::Template;
use axum::extract::State;
use kindred_domain::enrollments::{self, MyGroup};
use kindred_domain::fields::Choice as _;
use kindred_domain::orgs::OrgRole;

use super::{render, Layout, PageResult};
use crate::app::AppState;
use crate::http::Auth;

#[derive(Template)]
#[template(path = "dashboard.html")]
struct DashboardPage {
    layout: Layout,
    groups: Vec<MyGroup>,
    roles: Vec<OrgRole>,
    now: chrono::DateTime<chrono::Utc>,
}

/// "My groups" for everyone, plus the organizations a staff member works in.
pub async fn show(State(state): State<AppState>, auth: Auth) -> PageResult {
    let now = state.now();
    let groups = enrollments::my_groups(state.store(), &auth.actor, now).await?;
    let roles = auth.signed_in()?.roles.clone();
    render(DashboardPage {
        layout: Layout::new(&auth, "My groups"),
        groups,
        roles,
        now,
    })
}
