use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use kindred_domain::groups::{
    self, Audience, EnrollmentMode, FocusArea, Format, Group, GroupCard, GroupInput,
};
use kindred_domain::groups::{GroupFormOptions, GroupKind, Language, PaymentOption};
use kindred_domain::ids::{GroupId, OrgId};
use kindred_domain::orgs::{self, Organization};
use kindred_domain::FieldErrors;

use super::options::{records, strs, vocabulary, SelectOption};
use super::{after_save, can_manage, id};
use crate::app::AppState;
use crate::http::{Auth, Form};
use crate::pages::auth::NoFields;
use crate::pages::{render, render_with, Layout, PageResult};

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

#[derive(Template)]
#[template(path = "orgs/group_form.html")]
struct FormPage {
    layout: Layout,
    org: Organization,
    group: Option<GroupId>,
    input: GroupInput,
    errors: FieldErrors,
    choices: Choices,
}

/// Every select and checkbox list of the group form, with the person's picks marked.
struct Choices {
    programs: Vec<SelectOption>,
    locations: Vec<SelectOption>,
    leads: Vec<SelectOption>,
    co_facilitators: Vec<SelectOption>,
    kinds: Vec<SelectOption>,
    enrollments: Vec<SelectOption>,
    formats: Vec<SelectOption>,
    languages: Vec<SelectOption>,
    focus_areas: Vec<SelectOption>,
    payment_options: Vec<SelectOption>,
    audiences: Vec<SelectOption>,
}

impl Choices {
    fn new(options: &GroupFormOptions, input: &GroupInput) -> Self {
        let clinical = || {
            options
                .staff
                .iter()
                .filter(|s| s.role != kindred_domain::orgs::Role::OrgAdmin)
        };
        let staff_label =
            |s: &kindred_domain::orgs::StaffMember| format!("{} ({})", s.display_name, s.role);
        Self {
            programs: records(
                options
                    .programs
                    .iter()
                    .map(|p| (p.id.to_string(), p.name.clone())),
                std::slice::from_ref(&input.program_id),
            ),
            locations: records(
                options
                    .locations
                    .iter()
                    .map(|l| (l.id.to_string(), format!("{} ({})", l.name, l.kind))),
                std::slice::from_ref(&input.location_id),
            ),
            leads: records(
                clinical().map(|s| (s.account_id.to_string(), staff_label(s))),
                std::slice::from_ref(&input.lead_facilitator_id),
            ),
            co_facilitators: records(
                clinical().map(|s| (s.account_id.to_string(), staff_label(s))),
                &input.co_facilitator_ids,
            ),
            kinds: vocabulary::<GroupKind>(&[input.kind.as_str()]),
            enrollments: vocabulary::<EnrollmentMode>(&[input.enrollment.as_str()]),
            formats: vocabulary::<Format>(&[input.format.as_str()]),
            languages: vocabulary::<Language>(&[input.language.as_str()]),
            focus_areas: vocabulary::<FocusArea>(&strs(&input.focus_areas)),
            payment_options: vocabulary::<PaymentOption>(&strs(&input.payment_options)),
            audiences: vocabulary::<Audience>(&strs(&input.audiences)),
        }
    }
}

async fn form_page(
    state: &AppState,
    auth: &Auth,
    org_id: OrgId,
    group: Option<GroupId>,
    input: GroupInput,
    errors: FieldErrors,
) -> PageResult {
    let org = orgs::organization_to_manage(state.store(), &auth.actor, org_id).await?;
    let options = groups::group_form_options(state.store(), &auth.actor, org_id).await?;
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let title = if group.is_some() {
        "Edit group"
    } else {
        "New group"
    };
    let choices = Choices::new(&options, &input);
    render_with(
        status,
        FormPage {
            layout: Layout::new(auth, title),
            org,
            group,
            input,
            errors,
            choices,
        },
    )
}

/// New groups start with what most groups use, so the form asks less.
fn new_group_defaults() -> GroupInput {
    GroupInput {
        capacity: "12".into(),
        min_size: "3".into(),
        language: "en".into(),
        time_zone: "America/New_York".into(),
        ..GroupInput::default()
    }
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
    let result = groups::update_group(state.store(), &auth.actor, org_id, group_id, &input).await;
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
