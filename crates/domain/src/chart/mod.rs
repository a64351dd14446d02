//! A member's chart: a clinician's view of one member across the organization's groups:
//! enrollments, attendance, signed notes with their addenda, and requests to join.

use chrono::{DateTime, Utc};

use crate::attendance::MyMark;
use crate::audit::{AuditAction, AuditEvent, AuditObject, Trail};
use crate::auth::Actor;
use crate::enrollments::EnrollmentStatus;
use crate::ids::{AccountId, GroupId, OrgId};
use crate::intake::JoinRequest;
use crate::notes::ChartNote;
use crate::policy::{authorize, Access};
use crate::{Error, Store};

/// One enrollment of the member in a group of the organization.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct ChartEnrollment {
    pub group_id: GroupId,
    pub group_name: String,
    pub status: EnrollmentStatus,
    pub created_at: DateTime<Utc>,
    /// When the enrollment became active, and when it ended.
    pub active_from: Option<DateTime<Utc>>,
    pub active_until: Option<DateTime<Utc>>,
}

/// What the store reads for a chart, in one audited transaction.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct ChartRecord {
    pub member_id: AccountId,
    pub display_name: String,
    pub enrollments: Vec<ChartEnrollment>,
    /// Newest first.
    pub attendance: Vec<MyMark>,
    /// Signed notes (and those waiting for co-signature), newest session first.
    pub notes: Vec<ChartNote>,
}

/// The chart as shown.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct Chart {
    #[serde(flatten)]
    pub record: ChartRecord,
    /// Requests to join the organization's groups, newest first.
    pub requests: Vec<JoinRequest>,
}

/// Opens one member's chart in the organization. Clinicians and administrators see every
/// member's; a facilitator sees the charts of their groups' members.
pub async fn member_chart(
    store: &dyn Store,
    actor: &Actor,
    org: OrgId,
    member: AccountId,
    trail: &Trail,
    now: DateTime<Utc>,
) -> Result<Chart, Error> {
    let object = AuditObject {
        kind: "chart",
        id: member.to_string(),
    };
    let view = AuditEvent::new(
        now,
        actor.signed_in().map(|me| me.account_id),
        AuditAction::ChartView,
        object,
        trail,
    )
    .in_org(org)
    .about(member);
    let allowed = async {
        authorize(actor, Access::ViewOrg(org))?;
        let mut groups = Vec::new();
        for id in store.member_group_ids(org, member).await? {
            if let Some(group) = store.group(id).await? {
                groups.push(group);
            }
        }
        authorize(actor, Access::MemberChart(org, &groups))?;
        Ok::<_, Error>(())
    }
    .await;
    if let Err(error) = allowed {
        return Err(crate::notes::refused(store, view, error).await);
    }
    let record = store
        .member_chart(org, member, view)
        .await?
        .ok_or(Error::NotFound)?;
    let requests = store
        .requests_of_account(member)
        .await?
        .into_iter()
        .filter(|r| r.org_id == org)
        .collect();
    Ok(Chart { record, requests })
}
