use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use kindred_domain::ids::{LocationId, OrgId};
use kindred_domain::locations::{self, Location, LocationInput, LocationKind};
use kindred_domain::orgs::{self, Organization};
use kindred_domain::FieldErrors;

use super::options::{vocabulary, SelectOption};
use super::{after_save, can_manage, id};
use crate::app::AppState;
use crate::http::{Auth, Form};
use crate::pages::auth::NoFields;
use crate::pages::{render, render_with, Layout, PageResult};

#[derive(Template)]
#[template(path = "orgs/locations.html")]
struct ListPage {
    layout: Layout,
    org: Organization,
    locations: Vec<Location>,
    can_manage: bool,
}

#[derive(Template)]
#[template(path = "orgs/location_form.html")]
struct FormPage {
    layout: Layout,
    org: Organization,
    /// `None` when creating.
    location: Option<LocationId>,
    input: LocationInput,
    kinds: Vec<SelectOption>,
    errors: FieldErrors,
}

async fn form_page(
    state: &AppState,
    auth: &Auth,
    org_id: OrgId,
    location: Option<LocationId>,
    input: LocationInput,
    errors: FieldErrors,
) -> PageResult {
    let org = orgs::organization_to_manage(state.store(), &auth.actor, org_id).await?;
    let title = if location.is_some() {
        "Edit location"
    } else {
        "New location"
    };
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let kinds = vocabulary::<LocationKind>(&[input.kind.as_str()]);
    let layout = Layout::new(auth, title);
    render_with(
        status,
        FormPage {
            layout,
            org,
            location,
            input,
            kinds,
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
    let locations = locations::locations(state.store(), &auth.actor, org_id).await?;
    let can_manage = can_manage(&auth.actor, org_id);
    render(ListPage {
        layout: Layout::new(&auth, "Locations"),
        org,
        locations,
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
        LocationInput::default(),
        FieldErrors::new(),
    )
    .await
}

pub async fn create(
    State(state): State<AppState>,
    auth: Auth,
    Path(org_id): Path<String>,
    Form(input): Form<LocationInput>,
) -> PageResult {
    let org_id: OrgId = id(&org_id)?;
    let result =
        locations::create_location(state.store(), &auth.actor, state.now(), org_id, &input).await;
    after_save(
        result,
        |_| format!("/orgs/{org_id}/locations"),
        |errors| form_page(&state, &auth, org_id, None, input, errors),
    )
    .await
}

pub async fn edit_form(
    State(state): State<AppState>,
    auth: Auth,
    Path((org_id, location_id)): Path<(String, String)>,
) -> PageResult {
    let org_id: OrgId = id(&org_id)?;
    orgs::organization_to_manage(state.store(), &auth.actor, org_id).await?;
    let location =
        locations::location(state.store(), &auth.actor, org_id, id(&location_id)?).await?;
    let input = LocationInput::from(&location);
    form_page(
        &state,
        &auth,
        org_id,
        Some(location.id),
        input,
        FieldErrors::new(),
    )
    .await
}

pub async fn update(
    State(state): State<AppState>,
    auth: Auth,
    Path((org_id, location_id)): Path<(String, String)>,
    Form(input): Form<LocationInput>,
) -> PageResult {
    let (org_id, location_id): (OrgId, LocationId) = (id(&org_id)?, id(&location_id)?);
    let result =
        locations::update_location(state.store(), &auth.actor, org_id, location_id, &input).await;
    after_save(
        result,
        |_| format!("/orgs/{org_id}/locations"),
        |errors| form_page(&state, &auth, org_id, Some(location_id), input, errors),
    )
    .await
}

pub async fn archive(
    State(state): State<AppState>,
    auth: Auth,
    Path((org_id, location_id)): Path<(String, String)>,
    Form(_): Form<NoFields>,
) -> PageResult {
    let org_id: OrgId = id(&org_id)?;
    locations::archive_location(
        state.store(),
        &auth.actor,
        state.now(),
        org_id,
        id(&location_id)?,
    )
    .await?;
    Ok(Redirect::to(&format!("/orgs/{org_id}/locations")).into_response())
}
