use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use kindred_domain::ids::{LocationId, OrgId};
use kindred_domain::locations::{self, Location, LocationInput, LocationKind};
use kindred_domain::orgs::{self, Organization};
use kindred_domain::{Error, FieldErrors};

use super::options::{vocabulary, SelectOption};
use super::{can_manage, id};
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

fn form_page(
    auth: &Auth,
    org: Organization,
    location: Option<LocationId>,
    input: LocationInput,
    errors: FieldErrors,
) -> FormPage {
    let title = if location.is_some() {
        "Edit location"
    } else {
        "New location"
    };
    FormPage {
        layout: Layout::new(auth, title),
        org,
        location,
        kinds: vocabulary::<LocationKind>(&[input.kind.as_str()]),
        input,
        errors,
    }
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
    let org = orgs::organization_to_manage(state.store(), &auth.actor, id(&org_id)?).await?;
    render(form_page(
        &auth,
        org,
        None,
        LocationInput::default(),
        FieldErrors::new(),
    ))
}

pub async fn create(
    State(state): State<AppState>,
    auth: Auth,
    Path(org_id): Path<String>,
    Form(input): Form<LocationInput>,
) -> PageResult {
    let org_id: OrgId = id(&org_id)?;
    match locations::create_location(state.store(), &auth.actor, state.now(), org_id, &input).await
    {
        Ok(_) => Ok(Redirect::to(&format!("/orgs/{org_id}/locations")).into_response()),
        Err(Error::Invalid(errors)) => {
            let org = orgs::organization_to_manage(state.store(), &auth.actor, org_id).await?;
            render_with(
                StatusCode::UNPROCESSABLE_ENTITY,
                form_page(&auth, org, None, input, errors),
            )
        }
        Err(other) => Err(other.into()),
    }
}

pub async fn edit_form(
    State(state): State<AppState>,
    auth: Auth,
    Path((org_id, location_id)): Path<(String, String)>,
) -> PageResult {
    let org = orgs::organization_to_manage(state.store(), &auth.actor, id(&org_id)?).await?;
    let location =
        locations::location(state.store(), &auth.actor, org.id, id(&location_id)?).await?;
    let input = LocationInput::from(&location);
    render(form_page(
        &auth,
        org,
        Some(location.id),
        input,
        FieldErrors::new(),
    ))
}

pub async fn update(
    State(state): State<AppState>,
    auth: Auth,
    Path((org_id, location_id)): Path<(String, String)>,
    Form(input): Form<LocationInput>,
) -> PageResult {
    let (org_id, location_id): (OrgId, LocationId) = (id(&org_id)?, id(&location_id)?);
    match locations::update_location(state.store(), &auth.actor, org_id, location_id, &input).await
    {
        Ok(_) => Ok(Redirect::to(&format!("/orgs/{org_id}/locations")).into_response()),
        Err(Error::Invalid(errors)) => {
            let org = orgs::organization_to_manage(state.store(), &auth.actor, org_id).await?;
            render_with(
                StatusCode::UNPROCESSABLE_ENTITY,
                form_page(&auth, org, Some(location_id), input, errors),
            )
        }
        Err(other) => Err(other.into()),
    }
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
