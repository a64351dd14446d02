use chrono::{DateTime, Utc};

use crate::audit::AuditEvent;
use crate::ids::{AccountId, GroupId, OrgId};
use crate::reports::{AttendanceFact, EnrollmentSpan};
use crate::StoreError;

type R<T> = Result<T, StoreError>;

/// Which attendance marks a report reads: always one organization, sessions starting in
/// `[from, to)`, optionally one group or one member.
#[derive(Debug, Clone, Copy)]
pub struct FactQuery {
    pub org: OrgId,
    pub scope: FactScope,
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
}

#[derive(Debug, Clone, Copy)]
pub enum FactScope {
    Organization,
    Group(GroupId),
    Member(AccountId),
}

/// The rows reports are computed from.
#[async_trait::async_trait]
pub trait ReportStore: Send + Sync {
    /// Ordered by session start, then member; read with `event` in one transaction.
    async fn attendance_facts(&self, query: FactQuery, event: AuditEvent)
        -> R<Vec<AttendanceFact>>;
    /// Whether the account has ever been on the list of one of the organization's groups.
    async fn ever_enrolled_in_org(&self, account: AccountId, org: OrgId) -> R<bool>;
    /// Every period a member was active in the group (completed and withdrawn included).
    async fn enrollment_spans(&self, group: GroupId) -> R<Vec<EnrollmentSpan>>;
}
