//! A member's chart: a clinician's view of one member across the organization's groups:
//! enrollments, attendance, signed notes with their addenda, and requests to join.

use chrono::{DateTime, Utc};

use crate::attendance::MyMark;
use crate::audit::{AuditAction, AuditEvent, AuditObject, Trail};
use crate::auth::Actor;
use crate::enrollments::EnrollmentStatus;
use crate::groups::Group;
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

impl ChartRecord {
    /// Only what happened in the given groups: a facilitator's view of their members.
    fn only_groups(mut self, groups: &[GroupId]) -> Self {
        self.enrollments.retain(|e| groups.contains(&e.group_id));
        self.attendance.retain(|m| groups.contains(&m.group_id));
        self.notes.retain(|n| groups.contains(&n.group_id));
        self
    }
}

/// Which part of a member's chart the reader may see.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChartScope {
    /// The whole record in the organization, requests to join included.
    Whole,
    /// Only what happened in these groups, and no requests.
    Groups(Vec<GroupId>),
}

/// Decides the reader's scope from the organization's groups the member belongs to, inside
/// the store's transaction: the groups the policy sees are the ones the chart is read with.
pub type ChartDecision = Box<dyn FnOnce(&[Group]) -> Result<ChartScope, Error> + Send>;

/// What the store must know to read a chart for this reader.
pub enum ChartGate {
    /// The whole chart, whatever the member's groups: the reader works clinically in the
    /// organization, so the store need not read the groups at all.
    Whole,
    /// Decided from the member's groups.
    ByGroups(ChartDecision),
}

/// A chart as the store reads it, before the scope is applied.
#[derive(Debug, Clone)]
pub struct ChartRead {
    pub scope: ChartScope,
    pub record: ChartRecord,
    /// The member's requests to join the organization, newest first.
    pub requests: Vec<JoinRequest>,
}

impl ChartRead {
    fn visible(self, org: OrgId) -> Chart {
        match self.scope {
            ChartScope::Whole => Chart {
                record: self.record,
                requests: self
                    .requests
                    .into_iter()
                    .filter(|r| r.org_id == org)
                    .collect(),
            },
            ChartScope::Groups(groups) => Chart {
                record: self.record.only_groups(&groups),
                requests: Vec::new(),
            },
        }
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
    // A refusal names no member: the id came from the caller and may name anyone. The
    // store names the member once the chart is shown.
    let view = AuditEvent::by(actor, org, AuditAction::ChartView, object, trail, now);
    if let Err(error) = authorize(actor, Access::ViewOrg(org)) {
        return Err(crate::audit::refused(store, view, error).await);
    }
    // Granted without any group: the reader works clinically in the organization.
    let gate = if authorize(actor, Access::MemberChart(org, &[])).is_ok() {
        ChartGate::Whole
    } else {
        let reader = actor.clone();
        ChartGate::ByGroups(Box::new(move |groups| chart_scope(&reader, org, groups)))
    };
    match store.member_chart(org, member, gate, view).await? {
        Ok(Some(read)) => Ok(read.visible(org)),
        Ok(None) => Err(Error::NotFound),
        Err(refused) => Err(refused),
    }
}

/// The policy's answer, for a reader who does not work clinically in the organization, from
/// the member's groups there: the groups they run, if any.
fn chart_scope(actor: &Actor, org: OrgId, groups: &[Group]) -> Result<ChartScope, Error> {
    authorize(actor, Access::MemberChart(org, groups))?;
    Ok(ChartScope::Groups(
        groups
            .iter()
            .filter(|g| authorize(actor, Access::RunGroup(g)).is_ok())
            .map(|g| g.id)
            .collect(),
    ))
}
