//! The organization's intake queue and one request, for its clinicians and administrators:
//! mark contacted, accept (through the enrollment rules), refer or decline.

use askama::Template;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use kindred_domain::audit::Trail;
use kindred_domain::fields::Choice as _;
use kindred_domain::ids::{OrgId, RequestId};
use kindred_domain::intake::{self, JoinRequest, RequestStatus, RequestView, TransitionInput};
use kindred_domain::orgs::{self, Organization};
use kindred_domain::{Error, FieldErrors};

use super::id;
use crate::app::AppState;
use crate::http::{AuditTrail, Auth, Form};
use crate::pages::{render_with, Layout, PageResult};

#[derive(Template)]
#[template(path = "orgs/intake.html")]
struct QueuePage {
    layout: Layout,
    org: Organization,
    requests: Vec<JoinRequest>,
    /// The status filter as given ("" for all).
    status: String,
    errors: FieldErrors,
}

impl QueuePage {
    fn statuses(&self) -> Vec<(&'static str, &'static str)> {
        RequestStatus::ALL
            .iter()
            .map(|s| (s.code(), s.label()))
            .collect()
    }
}

#[derive(serde::Deserialize)]
pub struct QueueQuery {
    #[serde(default)]
    status: String,
}

pub async fn queue(
    State(state): State<AppState>,
    auth: Auth,
    Path(org_id): Path<String>,
    query: Result<Query<QueueQuery>, QueryRejection>,
) -> PageResult {
    let org: OrgId = id(&org_id)?;
    let status = query.map(|Query(q)| q.status).unwrap_or_default();
    let (requests, errors) =
        match intake::intake_queue(state.store(), &auth.actor, org, &status).await {
            Ok(requests) => (requests, FieldErrors::new()),
            Err(Error::Invalid(errors)) => (Vec::new(), errors),
            Err(other) => return Err(other.into()),
        };
    let org_view = orgs::organization(state.store(), &auth.actor, org).await?;
    let code = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    render_with(
        code,
        QueuePage {
            layout: Layout::new(&auth, format!("Intake: {}", org_view.name)),
            org: org_view,
            requests,
            status,
            errors,
        },
    )
}

#[derive(Template)]
#[template(path = "orgs/intake_request.html")]
struct RequestPage {
    layout: Layout,
    org: Organization,
    view: RequestView,
    input: TransitionInput,
    errors: FieldErrors,
    notice: Option<String>,
}

async fn page(
    state: &AppState,
    (auth, trail): (&Auth, &Trail),
    (org, request): (OrgId, RequestId),
    input: TransitionInput,
    errors: FieldErrors,
    notice: Option<String>,
) -> PageResult {
    let view = intake::intake_request(state.store(), &auth.actor, org, request, trail, state.now())
        .await?;
    let org_view = orgs::organization(state.store(), &auth.actor, org).await?;
    let status = if notice.is_some() {
        StatusCode::CONFLICT
    } else if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    render_with(
        status,
        RequestPage {
            layout: Layout::new(auth, format!("Request to join {}", view.request.group_name)),
            org: org_view,
            view,
            input,
            errors,
            notice,
        },
    )
}

pub async fn show(
    State(state): State<AppState>,
    auth: Auth,
    AuditTrail(trail): AuditTrail,
    Path((org_id, request_id)): Path<(String, String)>,
) -> PageResult {
    let (org, request) = (id(&org_id)?, id(&request_id)?);
    let input = TransitionInput::default();
    page(
        &state,
        (&auth, &trail),
        (org, request),
        input,
        FieldErrors::new(),
        None,
    )
    .await
}

pub async fn transition(
    State(state): State<AppState>,
    auth: Auth,
    AuditTrail(trail): AuditTrail,
    Path((org_id, request_id)): Path<(String, String)>,
    Form(input): Form<TransitionInput>,
) -> PageResult {
    let (org, request): (OrgId, RequestId) = (id(&org_id)?, id(&request_id)?);
    let result = intake::transition_request(
        state.store(),
        &auth.actor,
        org,
        request,
        &input,
        state.now(),
    )
    .await;
    match result {
        Ok(_) => Ok(Redirect::to(&format!("/orgs/{org}/intake/{request}")).into_response()),
        Err(Error::Invalid(errors)) => {
            page(&state, (&auth, &trail), (org, request), input, errors, None).await
        }
        Err(Error::Conflict(message)) => {
            let errors = FieldErrors::new();
            page(
                &state,
                (&auth, &trail),
                (org, request),
                input,
                errors,
                Some(message),
            )
            .await
        }
        Err(other) => Err(other.into()),
    }
}
