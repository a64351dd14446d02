//! The technique library of an organization: the list by kind, one plan in full, and the
//! form for the organization's own plans. Built-in plans are read-only; anyone who may add
//! plans can make an editable copy of one.

use askama::Template;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect};
use kindred_domain::auth::Actor;
use kindred_domain::fields::Choice as _;
use kindred_domain::ids::{OrgId, TechniqueId};
use kindred_domain::orgs::{self, Organization};
use kindred_domain::policy::{authorize, Access};
use kindred_domain::techniques::{self, Technique, TechniqueInput, TechniqueKind};
use kindred_domain::FieldErrors;

use super::options::{vocabulary, SelectOption};
use super::{after_save, id};
use crate::app::AppState;
use crate::http::{Auth, Form};
use crate::pages::auth::NoFields;
use crate::pages::{form_status, render, render_with, Layout, PageResult};

/// Whether to offer adding, editing, copying and archiving plans. The use cases check again.
fn can_write(actor: &Actor, org: OrgId) -> bool {
    authorize(actor, Access::ClinicalOrg(org)).is_ok()
}

fn plan_url(org: OrgId, technique: TechniqueId) -> String {
    format!("/orgs/{org}/techniques/{technique}")
}

/// The plans of one kind, for the library's list.
pub(super) struct KindGroup {
    pub kind: TechniqueKind,
    pub plans: Vec<Technique>,
}

/// Plans grouped by kind, in the vocabulary's order; kinds without plans are left out.
pub(super) fn by_kind(plans: Vec<Technique>) -> Vec<KindGroup> {
    TechniqueKind::ALL
        .iter()
        .map(|kind| KindGroup {
            kind: *kind,
            plans: plans.iter().filter(|t| t.kind == *kind).cloned().collect(),
        })
        .filter(|g| !g.plans.is_empty())
        .collect()
}

#[derive(Template)]
#[template(path = "orgs/techniques.html")]
struct LibraryPage {
    layout: Layout,
    org: Organization,
    groups: Vec<KindGroup>,
    can_write: bool,
    with_archived: bool,
}

#[derive(Debug, Default, serde::Deserialize)]
pub struct LibraryQuery {
    #[serde(default)]
    archived: String,
}

pub async fn list(
    State(state): State<AppState>,
    auth: Auth,
    Path(org_id): Path<String>,
    query: Result<Query<LibraryQuery>, QueryRejection>,
) -> PageResult {
    let org_id: OrgId = id(&org_id)?;
    let with_archived = query.is_ok_and(|Query(q)| q.archived == "1");
    let plans = techniques::library(state.store(), &auth.actor, org_id, with_archived).await?;
    let org = orgs::organization(state.store(), &auth.actor, org_id).await?;
    render(LibraryPage {
        layout: Layout::new(&auth, "Technique library"),
        org,
        groups: by_kind(plans),
        can_write: can_write(&auth.actor, org_id),
        with_archived,
    })
}

#[derive(Template)]
#[template(path = "orgs/technique.html")]
struct PlanPage {
    layout: Layout,
    org: Organization,
    plan: Technique,
    can_write: bool,
}

pub async fn show(
    State(state): State<AppState>,
    auth: Auth,
    Path((org_id, technique_id)): Path<(String, String)>,
) -> PageResult {
    let org_id: OrgId = id(&org_id)?;
    let plan =
        techniques::technique(state.store(), &auth.actor, org_id, id(&technique_id)?).await?;
    let org = orgs::organization(state.store(), &auth.actor, org_id).await?;
    render(PlanPage {
        layout: Layout::new(&auth, plan.title.clone()),
        org,
        can_write: can_write(&auth.actor, org_id),
        plan,
    })
}

#[derive(Template)]
#[template(path = "orgs/technique_form.html")]
struct FormPage {
    layout: Layout,
    org: Organization,
    /// `None` when creating.
    record: Option<TechniqueId>,
    input: TechniqueInput,
    kinds: Vec<SelectOption>,
    errors: FieldErrors,
}

async fn form_page(
    state: &AppState,
    auth: &Auth,
    org_id: OrgId,
    record: Option<TechniqueId>,
    input: TechniqueInput,
    errors: FieldErrors,
) -> PageResult {
    // Only those who may write plans see the form.
    authorize(&auth.actor, Access::ClinicalOrg(org_id))?;
    let org = orgs::organization(state.store(), &auth.actor, org_id).await?;
    let title = if record.is_some() {
        "Edit plan"
    } else {
        "New plan"
    };
    let kinds = vocabulary::<TechniqueKind>(&[input.kind.trim()]);
    render_with(
        form_status(&errors),
        FormPage {
            layout: Layout::new(auth, title),
            org,
            record,
            input,
            kinds,
            errors,
        },
    )
}

pub async fn new_form(
    State(state): State<AppState>,
    auth: Auth,
    Path(org_id): Path<String>,
) -> PageResult {
    let input = TechniqueInput {
        minutes: "30".into(),
        ..TechniqueInput::default()
    };
    form_page(&state, &auth, id(&org_id)?, None, input, FieldErrors::new()).await
}

pub async fn create(
    State(state): State<AppState>,
    auth: Auth,
    Path(org_id): Path<String>,
    Form(input): Form<TechniqueInput>,
) -> PageResult {
    let org_id: OrgId = id(&org_id)?;
    let result =
        techniques::create_technique(state.store(), &auth.actor, state.now(), org_id, &input).await;
    after_save(
        result,
        |plan| plan_url(org_id, plan.id),
        |errors| form_page(&state, &auth, org_id, None, input, errors),
    )
    .await
}

pub async fn edit_form(
    State(state): State<AppState>,
    auth: Auth,
    Path((org_id, technique_id)): Path<(String, String)>,
) -> PageResult {
    let org_id: OrgId = id(&org_id)?;
    let plan =
        techniques::technique_to_edit(state.store(), &auth.actor, org_id, id(&technique_id)?)
            .await?;
    let input = TechniqueInput::from(&plan);
    form_page(
        &state,
        &auth,
        org_id,
        Some(plan.id),
        input,
        FieldErrors::new(),
    )
    .await
}

pub async fn update(
    State(state): State<AppState>,
    auth: Auth,
    Path((org_id, technique_id)): Path<(String, String)>,
    Form(input): Form<TechniqueInput>,
) -> PageResult {
    let (org_id, technique): (OrgId, TechniqueId) = (id(&org_id)?, id(&technique_id)?);
    let result = techniques::update_technique(
        state.store(),
        &auth.actor,
        state.now(),
        org_id,
        technique,
        &input,
    )
    .await;
    after_save(
        result,
        |plan| plan_url(org_id, plan.id),
        |errors| form_page(&state, &auth, org_id, Some(technique), input, errors),
    )
    .await
}

/// Copies a plan into an editable plan of the organization and opens its form.
pub async fn copy(
    State(state): State<AppState>,
    auth: Auth,
    Path((org_id, technique_id)): Path<(String, String)>,
    Form(_): Form<NoFields>,
) -> PageResult {
    let org_id: OrgId = id(&org_id)?;
    let copy = techniques::copy_technique(
        state.store(),
        &auth.actor,
        state.now(),
        org_id,
        id(&technique_id)?,
    )
    .await?;
    Ok(Redirect::to(&format!("{}/edit", plan_url(org_id, copy.id))).into_response())
}

pub async fn archive(
    State(state): State<AppState>,
    auth: Auth,
    Path((org_id, technique_id)): Path<(String, String)>,
    Form(_): Form<NoFields>,
) -> PageResult {
    let org_id: OrgId = id(&org_id)?;
    techniques::archive_technique(
        state.store(),
        &auth.actor,
        state.now(),
        org_id,
        id(&technique_id)?,
    )
    .await?;
    Ok(Redirect::to(&format!("/orgs/{org_id}/techniques")).into_response())
}
