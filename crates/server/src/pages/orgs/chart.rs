//! A member's chart: enrollments, signed notes with addenda, attendance and requests to
//! join, across the organization's groups. Opening it is audited.

use askama::Template;
use axum::extract::{Path, State};
use kindred_domain::chart::{self, Chart};
use kindred_domain::fields::Choice as _;
use kindred_domain::ids::{AccountId, OrgId};
use kindred_domain::orgs::{self, Organization};

use super::id;
use crate::app::AppState;
use crate::http::{AuditTrail, Auth};
use crate::pages::{render, Layout, PageResult};

#[derive(Template)]
#[template(path = "orgs/chart.html")]
struct ChartPage {
    layout: Layout,
    org: Organization,
    chart: Chart,
}

pub async fn show(
    State(state): State<AppState>,
    auth: Auth,
    AuditTrail(trail): AuditTrail,
    Path((org_id, member_id)): Path<(String, String)>,
) -> PageResult {
    let (org, member): (OrgId, AccountId) = (id(&org_id)?, id(&member_id)?);
    let chart =
        chart::member_chart(state.store(), &auth.actor, org, member, &trail, state.now()).await?;
    render(ChartPage {
        layout: Layout::new(&auth, format!("Chart: {}", chart.record.display_name)),
        org: orgs::organization(state.store(), &auth.actor, org).await?,
        chart,
    })
}
