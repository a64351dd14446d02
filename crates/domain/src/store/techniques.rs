use chrono::{DateTime, Utc};

use crate::ids::{AccountId, OrgId, SessionId, TechniqueId};
use crate::techniques::{PlanDecision, SessionPlanItem, Technique};
use crate::{Error, StoreError};

type R<T> = Result<T, StoreError>;

/// The organizations' own plans of the technique library, and session plans. Built-in
/// plans live in the code, not here.
#[async_trait::async_trait]
pub trait TechniqueStore: Send + Sync {
    /// A new plan of `technique.org_id`. `by` is who wrote it.
    async fn insert_technique(
        &self,
        technique: Technique,
        by: AccountId,
        now: DateTime<Utc>,
    ) -> R<()>;
    /// Writes the plan's content and archiving; `NotFound` when there is no such plan of its
    /// organization.
    async fn update_technique(&self, technique: Technique, now: DateTime<Utc>) -> R<()>;
    /// The organization's own plan (archived too).
    async fn technique(&self, org: OrgId, id: TechniqueId) -> R<Option<Technique>>;
    /// The organization's own plans, archived ones included, by title.
    async fn techniques_of(&self, org: OrgId) -> R<Vec<Technique>>;
    /// The session's plan in order; empty when the session has none (or does not exist).
    async fn session_plan(&self, session: SessionId) -> R<Vec<SessionPlanItem>>;
    /// Locks the session (so changes of one plan happen one after another), reads it and its
    /// plan, runs `decide`, and makes the plan the list it returns, in one transaction:
    /// items no longer listed are removed, new ones inserted, and every position set to the
    /// list's order. When `decide` refuses, nothing is written and its error comes back
    /// inside `Ok`. `NotFound` when the session does not exist.
    async fn change_session_plan(
        &self,
        session: SessionId,
        decide: PlanDecision,
    ) -> R<Result<Vec<SessionPlanItem>, Error>>;
}
