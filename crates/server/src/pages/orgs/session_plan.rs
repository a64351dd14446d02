//! The "Session plan" part of a session's page, for those who run its group: the attached
//! plans in full (in `<details>`, to read during the session), removing and reordering them,
//! and attaching one from the library.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use kindred_domain::ids::{OrgId, SessionId, SessionPlanItemId};
use kindred_domain::sessions::SessionStatus;
use kindred_domain::techniques::{self, AttachInput, MoveInput, SessionPlanItem};
use kindred_domain::{Error, FieldErrors};

use super::attendance;
use super::id;
use super::techniques::{by_kind, KindGroup};
use crate::app::AppState;
use crate::http::{Auth, Form};
use crate::pages::auth::NoFields;
use crate::pages::PageResult;

/// What went wrong with the last change of the plan, shown at the plan's form.
#[derive(Debug, Default)]
pub(super) struct PlanProblem {
    pub errors: FieldErrors,
    /// A refusal by the rules (a cancelled session).
    pub notice: Option<String>,
}

impl PlanProblem {
    pub fn status(&self) -> Option<StatusCode> {
        if self.notice.is_some() {
            Some(StatusCode::CONFLICT)
        } else if !self.errors.is_empty() {
            Some(StatusCode::UNPROCESSABLE_ENTITY)
        } else {
            None
        }
    }
}

/// The plan part of the session page.
pub(super) struct PlanPanel {
    pub items: Vec<SessionPlanItem>,
    /// The library's plans (not archived) to attach, by kind.
    pub choices: Vec<KindGroup>,
    pub cancelled: bool,
    pub problem: PlanProblem,
}

impl PlanPanel {
    pub fn is_last(&self, index: &usize) -> bool {
        index + 1 == self.items.len()
    }

    pub fn error(&self) -> Option<&str> {
        self.problem.errors.get("technique_id")
    }
}

/// The panel when the viewer runs the session's group; `None` for other staff.
pub(super) async fn panel(
    state: &AppState,
    auth: &Auth,
    org: OrgId,
    session: SessionId,
    status: SessionStatus,
    problem: PlanProblem,
) -> Result<Option<PlanPanel>, Error> {
    let items = match techniques::session_plan(state.store(), &auth.actor, org, session).await {
        Ok(items) => items,
        Err(Error::NotFound) => return Ok(None),
        Err(other) => return Err(other),
    };
    let library = techniques::library(state.store(), &auth.actor, org, false).await?;
    Ok(Some(PlanPanel {
        items,
        choices: by_kind(library),
        cancelled: status == SessionStatus::Cancelled,
        problem,
    }))
}

fn back(org: OrgId, session: SessionId) -> String {
    format!("/orgs/{org}/sessions/{session}#session-plan")
}

/// After a change: back to the plan, or the session page again with what went wrong.
async fn after_change<T>(
    state: &AppState,
    auth: &Auth,
    org: OrgId,
    session: SessionId,
    result: Result<T, Error>,
) -> PageResult {
    let problem = match result {
        Ok(_) => return Ok(Redirect::to(&back(org, session)).into_response()),
        Err(Error::Invalid(errors)) => PlanProblem {
            errors,
            notice: None,
        },
        Err(Error::Conflict(message)) => PlanProblem {
            errors: FieldErrors::new(),
            notice: Some(message),
        },
        Err(other) => return Err(other.into()),
    };
    attendance::page(
        state,
        auth,
        org,
        session,
        FieldErrors::new(),
        false,
        problem,
    )
    .await
}

pub async fn attach(
    State(state): State<AppState>,
    auth: Auth,
    Path((org_id, session_id)): Path<(String, String)>,
    Form(input): Form<AttachInput>,
) -> PageResult {
    let (org, session): (OrgId, SessionId) = (id(&org_id)?, id(&session_id)?);
    let result = techniques::attach_technique(
        state.store(),
        &auth.actor,
        state.now(),
        org,
        session,
        &input,
    )
    .await;
    after_change(&state, &auth, org, session, result).await
}

pub async fn remove(
    State(state): State<AppState>,
    auth: Auth,
    Path((org_id, session_id, item_id)): Path<(String, String, String)>,
    Form(_): Form<NoFields>,
) -> PageResult {
    let (org, session): (OrgId, SessionId) = (id(&org_id)?, id(&session_id)?);
    let item: SessionPlanItemId = id(&item_id)?;
    let result = techniques::detach_technique(state.store(), &auth.actor, org, session, item).await;
    after_change(&state, &auth, org, session, result).await
}

pub async fn move_item(
    State(state): State<AppState>,
    auth: Auth,
    Path((org_id, session_id, item_id)): Path<(String, String, String)>,
    Form(input): Form<MoveInput>,
) -> PageResult {
    let (org, session): (OrgId, SessionId) = (id(&org_id)?, id(&session_id)?);
    let item: SessionPlanItemId = id(&item_id)?;
    let result =
        techniques::move_plan_item(state.store(), &auth.actor, org, session, item, &input).await;
    after_change(&state, &auth, org, session, result).await
}
