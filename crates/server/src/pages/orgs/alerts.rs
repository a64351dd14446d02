//! The organization's safety alerts: open ones first, each with a form to acknowledge it
//! and say what was done; acknowledged ones below, with who, when and what.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect};
use kindred_domain::alerts::{self, AcknowledgeInput, Alert};
use kindred_domain::ids::{AlertId, OrgId};
use kindred_domain::orgs::{self, Organization};
use kindred_domain::{Error, FieldErrors};

use super::id;
use crate::app::AppState;
use crate::http::{Auth, Form};
use crate::pages::{render_with, when, Layout, PageResult};

#[derive(Template)]
#[template(path = "orgs/alerts.html")]
struct AlertsPage {
    layout: Layout,
    org: Organization,
    open: Vec<Alert>,
    done: Vec<Alert>,
    /// The alert whose form is shown again, with its problem.
    failed: Option<AlertId>,
    input: AcknowledgeInput,
    errors: FieldErrors,
    notice: Option<String>,
}

impl AlertsPage {
    /// Times in the group's own zone, as its sessions are.
    fn at(&self, alert: &Alert, at: &chrono::DateTime<chrono::Utc>) -> String {
        when(at, &alert.time_zone)
    }

    fn failed_here(&self, alert: &Alert) -> bool {
        self.failed == Some(alert.id)
    }
}

async fn page(
    state: &AppState,
    auth: &Auth,
    org: OrgId,
    failed: Option<AlertId>,
    input: AcknowledgeInput,
    errors: FieldErrors,
    notice: Option<String>,
) -> PageResult {
    let (open, done) = alerts::alerts_of_org(state.store(), &auth.actor, org)
        .await?
        .into_iter()
        .partition(|a| a.acknowledged.is_none());
    let org = orgs::organization(state.store(), &auth.actor, org).await?;
    let status = if notice.is_some() {
        axum::http::StatusCode::CONFLICT
    } else {
        crate::pages::form_status(&errors)
    };
    render_with(
        status,
        AlertsPage {
            layout: Layout::new(auth, format!("Safety alerts: {}", org.name)),
            org,
            open,
            done,
            failed,
            input,
            errors,
            notice,
        },
    )
}

pub async fn list(
    State(state): State<AppState>,
    auth: Auth,
    Path(org_id): Path<String>,
) -> PageResult {
    let org = id(&org_id)?;
    page(
        &state,
        &auth,
        org,
        None,
        AcknowledgeInput::default(),
        FieldErrors::new(),
        None,
    )
    .await
}

pub async fn acknowledge(
    State(state): State<AppState>,
    auth: Auth,
    Path((org_id, alert_id)): Path<(String, String)>,
    Form(input): Form<AcknowledgeInput>,
) -> PageResult {
    let (org, alert): (OrgId, AlertId) = (id(&org_id)?, id(&alert_id)?);
    match alerts::acknowledge(state.store(), &auth.actor, org, alert, &input, state.now()).await {
        Ok(_) => Ok(Redirect::to(&format!("/orgs/{org}/alerts")).into_response()),
        Err(Error::Invalid(errors)) => {
            page(&state, &auth, org, Some(alert), input, errors, None).await
        }
        Err(Error::Conflict(message)) => {
            let errors = FieldErrors::new();
            page(
                &state,
                &auth,
                org,
                Some(alert),
                input,
                errors,
                Some(message),
            )
            .await
        }
        Err(other) => Err(other.into()),
    }
}
