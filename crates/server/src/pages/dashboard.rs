use askama::Template;
use axum::extract::State;
use kindred_domain::enrollments::{self, MyGroup};
use kindred_domain::fields::Choice as _;
use kindred_domain::intake::{self, JoinRequest};
use kindred_domain::notes::{self, UndocumentedSession};
use kindred_domain::notifications::{self, Notification};
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
    /// The person's requests to join, newest first.
    requests: Vec<JoinRequest>,
    /// Unread notifications, newest first.
    notifications: Vec<Notification>,
    now: chrono::DateTime<chrono::Utc>,
    /// Sessions of the groups they facilitate still missing a signed note (staff only).
    undocumented: Vec<UndocumentedSession>,
}

/// "My groups" for everyone, the person's requests and unread notifications, plus the
/// organizations a staff member works in.
pub async fn show(State(state): State<AppState>, auth: Auth) -> PageResult {
    let now = state.now();
    let groups = enrollments::my_groups(state.store(), &auth.actor, now).await?;
    let requests = intake::my_requests(state.store(), &auth.actor).await?;
    let notifications = notifications::my_notifications(state.store(), &auth.actor, true).await?;
    let roles = auth.signed_in()?.roles.clone();
    let undocumented = if roles.is_empty() {
        Vec::new()
    } else {
        notes::undocumented_for_facilitator(state.store(), &auth.actor, now).await?
    };
    render(DashboardPage {
        layout: Layout::new(&auth, "My groups"),
        groups,
        roles,
        requests,
        notifications,
        now,
        undocumented,
    })
}
