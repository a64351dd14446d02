//! The group agreement page: the text in effect, the signed-in person's signature or the
//! form to sign, the staff's list of signatures, and the administrators' form for a new
//! version.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect};
use kindred_domain::agreements::{
    self, Agreement, AgreementStatus, PublishInput, SignInput, Signature,
};
use kindred_domain::auth::Actor;
use kindred_domain::ids::OrgId;
use kindred_domain::policy::{authorize, Access};
use kindred_domain::{Error, FieldErrors};

use super::id;
use crate::app::AppState;
use crate::http::{Auth, Form};
use crate::pages::{form_status, render_with, Layout, PageResult};

/// A form shown again: 409 when the agreement changed meanwhile (`notice`), else as its
/// field errors say.
fn page_status(notice: Option<&String>, errors: &FieldErrors) -> axum::http::StatusCode {
    if notice.is_some() {
        axum::http::StatusCode::CONFLICT
    } else {
        form_status(errors)
    }
}

fn page_url(org: OrgId) -> String {
    format!("/orgs/{org}/agreement")
}

/// Dates on this page: the day is what a member needs to recognise their signature.
fn day(at: &chrono::DateTime<chrono::Utc>) -> String {
    at.format("%-d %B %Y").to_string()
}

#[derive(Template)]
#[template(path = "orgs/agreement.html")]
struct AgreementPage {
    layout: Layout,
    org_id: OrgId,
    agreement: Agreement,
    /// `None` for a visitor.
    status: Option<AgreementStatus>,
    input: SignInput,
    errors: FieldErrors,
    /// Why the form is shown again, other than a field.
    notice: Option<String>,
    /// For its staff: who signed which version.
    signatures: Option<Vec<Signature>>,
    can_publish: bool,
}

async fn agreement_page(
    state: &AppState,
    auth: &Auth,
    org: OrgId,
    input: SignInput,
    errors: FieldErrors,
    notice: Option<String>,
) -> PageResult {
    let store = state.store();
    let (agreement, status) = match auth.actor {
        Actor::Visitor => (agreements::current(store, &auth.actor, org).await?, None),
        Actor::SignedIn(_) => {
            let status = agreements::status(store, &auth.actor, org).await?;
            (status.agreement.clone(), Some(status))
        }
    };
    let signatures = if authorize(&auth.actor, Access::ViewOrg(org)).is_ok() {
        Some(agreements::signatures(store, &auth.actor, org).await?)
    } else {
        None
    };
    render_with(
        page_status(notice.as_ref(), &errors),
        AgreementPage {
            layout: Layout::new(auth, "Group agreement"),
            org_id: org,
            agreement,
            status,
            input,
            errors,
            notice,
            signatures,
            can_publish: authorize(&auth.actor, Access::ManageOrg(org)).is_ok(),
        },
    )
}

pub async fn show(
    State(state): State<AppState>,
    auth: Auth,
    Path(org_id): Path<String>,
) -> PageResult {
    let org = id(&org_id)?;
    let input = SignInput::default();
    agreement_page(&state, &auth, org, input, FieldErrors::new(), None).await
}

pub async fn sign(
    State(state): State<AppState>,
    auth: Auth,
    Path(org_id): Path<String>,
    Form(input): Form<SignInput>,
) -> PageResult {
    let org = id(&org_id)?;
    match agreements::sign(state.store(), &auth.actor, org, &input, state.now()).await {
        Ok(_) => Ok(Redirect::to(&page_url(org)).into_response()),
        Err(Error::Invalid(errors)) => {
            agreement_page(&state, &auth, org, input, errors, None).await
        }
        Err(Error::Conflict(why)) => {
            let input = SignInput {
                typed_name: input.typed_name,
                ..SignInput::default()
            };
            agreement_page(&state, &auth, org, input, FieldErrors::new(), Some(why)).await
        }
        Err(other) => Err(other.into()),
    }
}

#[derive(Template)]
#[template(path = "orgs/agreement_form.html")]
struct PublishPage {
    layout: Layout,
    org_id: OrgId,
    input: PublishInput,
    errors: FieldErrors,
    notice: Option<String>,
}

async fn publish_page(
    state: &AppState,
    auth: &Auth,
    org: OrgId,
    input: Option<PublishInput>,
    errors: FieldErrors,
    notice: Option<String>,
) -> PageResult {
    authorize(&auth.actor, Access::ManageOrg(org))?;
    let input = match input {
        Some(input) => input,
        None => {
            let current = agreements::current(state.store(), &auth.actor, org).await?;
            PublishInput {
                replaces: current.version,
                title: current.title,
                body: current.body,
            }
        }
    };
    render_with(
        page_status(notice.as_ref(), &errors),
        PublishPage {
            layout: Layout::new(auth, "New version of the group agreement"),
            org_id: org,
            input,
            errors,
            notice,
        },
    )
}

pub async fn publish_form(
    State(state): State<AppState>,
    auth: Auth,
    Path(org_id): Path<String>,
) -> PageResult {
    publish_page(&state, &auth, id(&org_id)?, None, FieldErrors::new(), None).await
}

pub async fn publish(
    State(state): State<AppState>,
    auth: Auth,
    Path(org_id): Path<String>,
    Form(input): Form<PublishInput>,
) -> PageResult {
    let org = id(&org_id)?;
    match agreements::publish(state.store(), &auth.actor, org, &input, state.now()).await {
        Ok(_) => Ok(Redirect::to(&page_url(org)).into_response()),
        Err(Error::Invalid(errors)) => {
            publish_page(&state, &auth, org, Some(input), errors, None).await
        }
        Err(Error::Conflict(why)) => {
            publish_page(
                &state,
                &auth,
                org,
                Some(input),
                FieldErrors::new(),
                Some(why),
            )
            .await
        }
        Err(other) => Err(other.into()),
    }
}
