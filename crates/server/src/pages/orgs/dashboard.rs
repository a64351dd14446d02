use askama::Template;
use axum::extract::{Path, State};
use kindred_domain::notes::{self, UndocumentedSession};
use kindred_domain::orgs::{self, OrgDashboard};
use kindred_domain::policy::{authorize, Access};

use super::{can_manage, id};
use crate::app::AppState;
use crate::http::Auth;
use crate::pages::{render, Layout, PageResult};

#[derive(Template)]
#[template(path = "orgs/dashboard.html")]
struct DashboardPage {
    layout: Layout,
    org: kindred_domain::orgs::Organization,
    dashboard: OrgDashboard,
    can_manage: bool,
    /// New requests in the intake queue, for those who work it.
    new_requests: Option<i64>,
    /// Notes waiting for a co-signature, for the organization's clinicians.
    to_cosign: Option<usize>,
    /// Sessions held over a day ago without a signed note, for administrators.
    undocumented: Vec<UndocumentedSession>,
}

impl DashboardPage {
    fn new_count(&self) -> i64 {
        self.new_requests.unwrap_or(0)
    }
}

pub async fn show(
    State(state): State<AppState>,
    auth: Auth,
    Path(org_id): Path<String>,
) -> PageResult {
    let org_id = id(&org_id)?;
    let dashboard = orgs::org_dashboard(state.store(), &auth.actor, org_id).await?;
    let new_requests =
        kindred_domain::intake::new_request_count(state.store(), &auth.actor, org_id).await?;
    let can_manage = can_manage(&auth.actor, org_id);
    let clinical = authorize(&auth.actor, Access::ClinicalOrg(org_id)).is_ok();
    let to_cosign = if clinical {
        Some(
            notes::cosign_queue(state.store(), &auth.actor, org_id)
                .await?
                .len(),
        )
    } else {
        None
    };
    let undocumented = if can_manage {
        notes::undocumented_in_org(state.store(), &auth.actor, org_id, state.now()).await?
    } else {
        Vec::new()
    };
    render(DashboardPage {
        layout: Layout::new(&auth, dashboard.organization.name.clone()),
        org: dashboard.organization.clone(),
        can_manage,
        new_requests,
        to_cosign,
        undocumented,
        dashboard,
    })
}
