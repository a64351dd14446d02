//! A group's roster for its staff: active members, the waitlist in order and open offers;
//! facilitators and administrators remove, complete and reorder from here.

use askama::Template;
use axum::extract::{Path, State};
use kindred_domain::enrollments::{self, ReorderInput, RosterView, StaffAction, StaffChangeInput};
use kindred_domain::fields::Choice as _;
use kindred_domain::groups::{self, Group};
use kindred_domain::ids::{GroupId, OrgId};
use kindred_domain::orgs::{self, Organization};
use kindred_domain::FieldErrors;

use super::{after_save, id};
use crate::app::AppState;
use crate::http::{Auth, Form};
use crate::pages::{form_status, render_with, Layout, PageResult};

#[derive(Template)]
#[template(path = "orgs/roster.html")]
struct RosterPage {
    layout: Layout,
    org: Organization,
    group: Group,
    view: RosterView,
    errors: FieldErrors,
    now: chrono::DateTime<chrono::Utc>,
}

impl RosterPage {
    fn actions(&self) -> [(&'static str, &'static str); 2] {
        [StaffAction::Complete, StaffAction::Remove].map(|a| (a.code(), a.label()))
    }
}

async fn page(
    state: &AppState,
    auth: &Auth,
    org: OrgId,
    group: GroupId,
    errors: FieldErrors,
) -> PageResult {
    let now = state.now();
    let org_view = orgs::organization(state.store(), &auth.actor, org).await?;
    let group_view = groups::group(state.store(), &auth.actor, org, group).await?;
    let view = enrollments::group_roster(state.store(), &auth.actor, org, group, now).await?;
    let status = form_status(&errors);
    render_with(
        status,
        RosterPage {
            layout: Layout::new(auth, format!("Roster: {}", group_view.name)),
            org: org_view,
            group: group_view,
            view,
            errors,
            now,
        },
    )
}

pub async fn show(
    State(state): State<AppState>,
    auth: Auth,
    Path((org_id, group_id)): Path<(String, String)>,
) -> PageResult {
    page(
        &state,
        &auth,
        id(&org_id)?,
        id(&group_id)?,
        FieldErrors::new(),
    )
    .await
}

pub async fn change(
    State(state): State<AppState>,
    auth: Auth,
    Path((org_id, group_id)): Path<(String, String)>,
    Form(input): Form<StaffChangeInput>,
) -> PageResult {
    let (org, group): (OrgId, GroupId) = (id(&org_id)?, id(&group_id)?);
    let result =
        enrollments::staff_change(state.store(), &auth.actor, org, group, input, state.now()).await;
    after_save(
        result,
        |_| format!("/orgs/{org}/groups/{group}/roster"),
        |errors| page(&state, &auth, org, group, errors),
    )
    .await
}

pub async fn reorder(
    State(state): State<AppState>,
    auth: Auth,
    Path((org_id, group_id)): Path<(String, String)>,
    Form(input): Form<ReorderInput>,
) -> PageResult {
    let (org, group): (OrgId, GroupId) = (id(&org_id)?, id(&group_id)?);
    let result =
        enrollments::reorder_waitlist(state.store(), &auth.actor, org, group, input, state.now())
            .await;
    after_save(
        result,
        |_| format!("/orgs/{org}/groups/{group}/roster"),
        |errors| page(&state, &auth, org, group, errors),
    )
    .await
}
