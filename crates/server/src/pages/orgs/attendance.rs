//! One session's attendance sheet for staff: everyone present in one step, then the
//! exceptions; the log of every mark below.

use askama::Template;
use axum::extract::{Path, State};
use kindred_domain::attendance::{self, AttendanceSheetInput, AttendanceStatus, AttendanceView};
use kindred_domain::fields::Choice as _;
use kindred_domain::groups::{self, Group};
use kindred_domain::ids::{OrgId, SessionId};
use kindred_domain::orgs::{self, Organization};
use kindred_domain::FieldErrors;

use super::session_plan::{self, PlanPanel, PlanProblem};
use super::{after_save, id};
use crate::app::AppState;
use crate::http::{Auth, Form};
use crate::pages::{form_status, render_with, Layout, PageResult};

#[derive(Template)]
#[template(path = "orgs/attendance.html")]
struct AttendancePage {
    layout: Layout,
    org: Organization,
    group: Group,
    view: AttendanceView,
    errors: FieldErrors,
    saved: bool,
    /// The session plan, for those who run the group.
    plan: Option<PlanPanel>,
}

impl AttendancePage {
    fn statuses(&self) -> Vec<(&'static str, &'static str)> {
        AttendanceStatus::ALL
            .iter()
            .map(|s| (s.code(), s.label()))
            .collect()
    }

    fn error_at(&self, field: &str, account: &kindred_domain::ids::AccountId) -> Option<&str> {
        self.errors.get(&format!("{field}.{account}"))
    }
}

/// The session's page: its plan (for those who run the group) above the attendance sheet.
pub(super) async fn page(
    state: &AppState,
    auth: &Auth,
    org: OrgId,
    session: SessionId,
    errors: FieldErrors,
    saved: bool,
    plan_problem: PlanProblem,
) -> PageResult {
    let view =
        attendance::session_attendance(state.store(), &auth.actor, org, session, state.now())
            .await?;
    let group = groups::group(state.store(), &auth.actor, org, view.group_id).await?;
    let status = plan_problem
        .status()
        .unwrap_or_else(|| form_status(&errors));
    let plan =
        session_plan::panel(state, auth, org, session, view.session.status, plan_problem).await?;
    render_with(
        status,
        AttendancePage {
            layout: Layout::new(auth, format!("Attendance: {}", group.name)),
            org: orgs::organization(state.store(), &auth.actor, org).await?,
            group,
            view,
            errors,
            saved,
            plan,
        },
    )
}

#[derive(Debug, Default, serde::Deserialize)]
pub struct SavedQuery {
    #[serde(default)]
    saved: String,
}

pub async fn show(
    State(state): State<AppState>,
    auth: Auth,
    Path((org_id, session_id)): Path<(String, String)>,
    axum::extract::Query(q): axum::extract::Query<SavedQuery>,
) -> PageResult {
    let saved = q.saved == "1";
    page(
        &state,
        &auth,
        id(&org_id)?,
        id(&session_id)?,
        FieldErrors::new(),
        saved,
        PlanProblem::default(),
    )
    .await
}

pub async fn mark(
    State(state): State<AppState>,
    auth: Auth,
    Path((org_id, session_id)): Path<(String, String)>,
    Form(input): Form<AttendanceSheetInput>,
) -> PageResult {
    let (org, session): (OrgId, SessionId) = (id(&org_id)?, id(&session_id)?);
    let result =
        attendance::mark_session(state.store(), &auth.actor, org, session, input, state.now())
            .await;
    after_save(
        result,
        |_| format!("/orgs/{org}/sessions/{session}?saved=1"),
        |errors| {
            page(
                &state,
                &auth,
                org,
                session,
                errors,
                false,
                PlanProblem::default(),
            )
        },
    )
    .await
}
