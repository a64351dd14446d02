use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use kindred_domain::ids::{OrgId, ProgramId};
use kindred_domain::orgs::{self, Organization};
use kindred_domain::programs::{self, LevelOfCare, Program, ProgramInput};
use kindred_domain::FieldErrors;

use super::options::{vocabulary, SelectOption};
use super::{after_save, can_manage, id};
use crate::app::AppState;
use crate::http::{Auth, Form};
use crate::pages::auth::NoFields;
use crate::pages::{render, render_with, Layout, PageResult};

#[derive(Template)]
#[template(path = "orgs/programs.html")]
struct ListPage {
    layout: Layout,
    org: Organization,
    programs: Vec<Program>,
    can_manage: bool,
}

#[derive(Template)]
#[template(path = "orgs/program_form.html")]
struct FormPage {
    layout: Layout,
    org: Organization,
    /// `None` when creating.
    program: Option<ProgramId>,
    input: ProgramInput,
    levels: Vec<SelectOption>,
    errors: FieldErrors,
}

async fn form_page(
    state: &AppState,
    auth: &Auth,
    org_id: OrgId,
    program: Option<ProgramId>,
    input: ProgramInput,
    errors: FieldErrors,
) -> PageResult {
    let org = orgs::organization_to_manage(state.store(), &auth.actor, org_id).await?;
    let title = if program.is_some() {
        "Edit program"
    } else {
        "New program"
    };
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let levels = vocabulary::<LevelOfCare>(&[input.level_of_care.as_str()]);
    let layout = Layout::new(auth, title);
    render_with(
        status,
        FormPage {
            layout,
            org,
            program,
            input,
            levels,
            errors,
        },
    )
}

pub async fn list(
    State(state): State<AppState>,
    auth: Auth,
    Path(org_id): Path<String>,
) -> PageResult {
    let org_id: OrgId = id(&org_id)?;
    let org = orgs::organization(state.store(), &auth.actor, org_id).await?;
    let programs = programs::programs(state.store(), &auth.actor, org_id).await?;
    let can_manage = can_manage(&auth.actor, org_id);
    render(ListPage {
        layout: Layout::new(&auth, "Programs"),
        org,
        programs,
        can_manage,
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
        ProgramInput::default(),
        FieldErrors::new(),
    )
    .await
}

pub async fn create(
    State(state): State<AppState>,
    auth: Auth,
    Path(org_id): Path<String>,
    Form(input): Form<ProgramInput>,
) -> PageResult {
    let org_id: OrgId = id(&org_id)?;
    let result =
        programs::create_program(state.store(), &auth.actor, state.now(), org_id, &input).await;
    after_save(
        result,
        |_| format!("/orgs/{org_id}/programs"),
        |errors| form_page(&state, &auth, org_id, None, input, errors),
    )
    .await
}

pub async fn edit_form(
    State(state): State<AppState>,
    auth: Auth,
    Path((org_id, program_id)): Path<(String, String)>,
) -> PageResult {
    let org_id: OrgId = id(&org_id)?;
    orgs::organization_to_manage(state.store(), &auth.actor, org_id).await?;
    let program = programs::program(state.store(), &auth.actor, org_id, id(&program_id)?).await?;
    let input = ProgramInput::from(&program);
    form_page(
        &state,
        &auth,
        org_id,
        Some(program.id),
        input,
        FieldErrors::new(),
    )
    .await
}

pub async fn update(
    State(state): State<AppState>,
    auth: Auth,
    Path((org_id, program_id)): Path<(String, String)>,
    Form(input): Form<ProgramInput>,
) -> PageResult {
    let (org_id, program_id): (OrgId, ProgramId) = (id(&org_id)?, id(&program_id)?);
    let result =
        programs::update_program(state.store(), &auth.actor, org_id, program_id, &input).await;
    after_save(
        result,
        |_| format!("/orgs/{org_id}/programs"),
        |errors| form_page(&state, &auth, org_id, Some(program_id), input, errors),
    )
    .await
}

pub async fn archive(
    State(state): State<AppState>,
    auth: Auth,
    Path((org_id, program_id)): Path<(String, String)>,
    Form(_): Form<NoFields>,
) -> PageResult {
    let org_id: OrgId = id(&org_id)?;
    programs::archive_program(
        state.store(),
        &auth.actor,
        state.now(),
        org_id,
        id(&program_id)?,
    )
    .await?;
    Ok(Redirect::to(&format!("/orgs/{org_id}/programs")).into_response())
}
