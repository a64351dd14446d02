use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect};
use kindred_domain::groups::{self, Group, GroupCard, GroupInput};
use kindred_domain::ids::{GroupId, OrgId};
use kindred_domain::orgs::{self, Organization};
use kindred_domain::FieldErrors;

use super::group_form::{form_page, new_group_defaults};
use super::{after_save, can_manage, id};
use crate::app::AppState;
use crate::http::{Auth, Form};
use crate::pages::auth::NoFields;
use crate::pages::{render, Layout, PageResult};

#[derive(Template)]
#[template(path = "orgs/groups.html")]
struct ListPage {
    layout: Layout,
    org: Organization,
    groups: Vec<GroupCard>,
    can_manage: bool,
}

#[derive(Template)]
#[template(path = "orgs/group.html")]
struct ShowPage {
    layout: Layout,
    org: Organization,
    group: Group,
    can_manage: bool,
}

pub async fn list(
    State(state): State<AppState>,
    auth: Auth,
    Path(org_id): Path<String>,
) -> PageResult {
    let org_id: OrgId = id(&org_id)?;
    let org = orgs::organization(state.store(), &auth.actor, org_id).await?;
    let groups = groups::groups_of_org(state.store(), &auth.actor, org_id).await?;
    render(ListPage {
        layout: Layout::new(&auth, "Groups"),
        org,
        groups,
        can_manage: can_manage(&auth.actor, org_id),
    })
}

pub async fn show(
    State(state): State<AppState>,
    auth: Auth,
    Path((org_id, group_id)): Path<(String, String)>,
) -> PageResult {
    let org_id: OrgId = id(&org_id)?;
    let group = groups::group(state.store(), &auth.actor, org_id, id(&group_id)?).await?;
    let org = orgs::organization(state.store(), &auth.actor, org_id).await?;
    let layout = Layout::new(&auth, group.name.clone());
    render(ShowPage {
        layout,
        org,
        group,
        can_manage: can_manage(&auth.actor, org_id),
    })
}

pub async fn new_form(
    State(state): State<AppState>,
    auth: Auth,
    Path(org_id): Path<String>,
) -> PageResult {
    form_page(
        &state,
        &auth,
        id(&org_id)?,
        None,
        new_group_defaults(),
        FieldErrors::new(),
    )
    .await
}

pub async fn create(
    State(state): State<AppState>,
    auth: Auth,
    Path(org_id): Path<String>,
    Form(input): Form<GroupInput>,
) -> PageResult {
    let org_id: OrgId = id(&org_id)?;
    let result =
        groups::create_group(state.store(), &auth.actor, state.now(), org_id, &input).await;
    after_save(
        result,
        |group| format!("/orgs/{org_id}/groups/{}", group.id),
        |errors| form_page(&state, &auth, org_id, None, input, errors),
    )
    .await
}

pub async fn edit_form(
    State(state): State<AppState>,
    auth: Auth,
    Path((org_id, group_id)): Path<(String, String)>,
) -> PageResult {
    let org_id: OrgId = id(&org_id)?;
    orgs::organization_to_manage(state.store(), &auth.actor, org_id).await?;
    let group = groups::group(state.store(), &auth.actor, org_id, id(&group_id)?).await?;
    form_page(
        &state,
        &auth,
        org_id,
        Some(group.id),
        GroupInput::from(&group),
        FieldErrors::new(),
    )
    .await
}

pub async fn update(
    State(state): State<AppState>,
    auth: Auth,
    Path((org_id, group_id)): Path<(String, String)>,
    Form(input): Form<GroupInput>,
) -> PageResult {
    let (org_id, group_id): (OrgId, GroupId) = (id(&org_id)?, id(&group_id)?);
    let result = groups::update_group(
        state.store(),
        &auth.actor,
        state.now(),
        org_id,
        group_id,
        &input,
    )
    .await;
    after_save(
        result,
        |_| format!("/orgs/{org_id}/groups/{group_id}"),
        |errors| form_page(&state, &auth, org_id, Some(group_id), input, errors),
    )
    .await
}

pub async fn archive(
    State(state): State<AppState>,
    auth: Auth,
    Path((org_id, group_id)): Path<(String, String)>,
    Form(_): Form<NoFields>,
) -> PageResult {
    let org_id: OrgId = id(&org_id)?;
    groups::archive_group(
        state.store(),
        &auth.actor,
        state.now(),
        org_id,
        id(&group_id)?,
    )
    .await?;
    Ok(Redirect::to(&format!("/orgs/{org_id}/groups")).into_response())
}
