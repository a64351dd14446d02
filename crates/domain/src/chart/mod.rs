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
use crate::policy::{self, authorize, Access};
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

impl ChartRecord {
    /// Only what happened in the given groups: a facilitator's view of their members.
    fn only_groups(mut self, groups: &[GroupId]) -> Self {
        self.enrollments.retain(|e| groups.contains(&e.group_id));
        self.attendance.retain(|m| groups.contains(&m.group_id));
        self.notes.retain(|n| groups.contains(&n.group_id));
        self
    }
}

/// Opens one member's chart in the organization. Clinicians and administrators see the
/// whole record there, requests to join included (as in the intake queue); a facilitator
/// who is neither sees only the groups they run, and no requests.
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
    // A refusal names no member: the id came from the caller and may name anyone.
    let view = AuditEvent::new(
        now,
        actor.signed_in().map(|me| me.account_id),
        AuditAction::ChartView,
        object,
        trail,
    )
    .in_org(org);
    let allowed = async {
        let me = authorize(actor, Access::ViewOrg(org))?.ok_or(Error::Unauthenticated)?;
        let mut groups = Vec::new();
        for id in store.member_group_ids(org, member).await? {
            if let Some(group) = store.group(id).await? {
                groups.push(group);
            }
        }
        authorize(actor, Access::MemberChart(org, &groups))?;
        let clinical = me.role_in(org).is_some_and(policy::clinical);
        let runs: Vec<GroupId> = groups
            .iter()
            .filter(|g| authorize(actor, Access::RunGroup(g)).is_ok())
            .map(|g| g.id)
            .collect();
        Ok::<_, Error>((clinical, runs))
    }
    .await;
    let (clinical, runs) = match allowed {
        Ok(found) => found,
        Err(error) => return Err(crate::notes::refused(store, view, error).await),
    };
    let record = store
        .member_chart(org, member, view.about(member))
        .await?
        .ok_or(Error::NotFound)?;
    if !clinical {
        return Ok(Chart {
            record: record.only_groups(&runs),
            requests: Vec::new(),
        });
    }
    let requests = store
        .requests_of_account(member)
        .await?
        .into_iter()
        .filter(|r| r.org_id == org)
        .collect();
    Ok(Chart { record, requests })
}
