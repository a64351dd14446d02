//! Technique plans and session plans on SQLite. A plan change runs in one `BEGIN IMMEDIATE`
//! transaction on the single writer, so the rule sees the plan exactly as it writes it.

use chrono::{DateTime, Utc};
use kindred_domain::fields::Choice;
use kindred_domain::ids::{AccountId, OrgId, SessionId, TechniqueId};
use kindred_domain::store::TechniqueStore;
use kindred_domain::techniques::{PlanDecision, SessionPlanItem, Technique};
use kindred_domain::{Error, StoreError};
use rusqlite::Connection;

use super::exec::{all, execute, optional};
use super::values::ts;
use super::{sessions, SqliteStore, R};
use crate::rows::{snapshot_json, technique_content, PlanItemRow, TechniqueRow};
use crate::sql::techniques as sql;

fn org_of(t: &Technique) -> R<OrgId> {
    t.org_id
        .ok_or_else(|| StoreError::Backend("a built-in plan is not stored".into()))
}

fn plan(c: &Connection, session: SessionId) -> R<Vec<SessionPlanItem>> {
    all::<PlanItemRow>(c, sql::PLAN, &[&session.to_string()])?
        .into_iter()
        .map(SessionPlanItem::try_from)
        .collect()
}

/// Makes the stored plan `next`: removes what it no longer lists, inserts what is new and
/// sets every position to its place in the list.
fn write_plan(
    c: &Connection,
    session: SessionId,
    current: &[SessionPlanItem],
    next: &[SessionPlanItem],
) -> R<()> {
    let session_id = session.to_string();
    for old in current {
        if !next.iter().any(|n| n.id == old.id) {
            execute(c, sql::DELETE_ITEM, &[&old.id.to_string(), &session_id])?;
        }
    }
    for (place, item) in next.iter().enumerate() {
        let position = i32::try_from(place).unwrap_or(i32::MAX);
        match current.iter().find(|o| o.id == item.id) {
            Some(old) if old.position == position => {}
            Some(_) => {
                execute(
                    c,
                    sql::SET_POSITION,
                    &[&item.id.to_string(), &session_id, &position],
                )?;
            }
            None => {
                execute(
                    c,
                    sql::INSERT_ITEM,
                    &[
                        &item.id.to_string(),
                        &session_id,
                        &position,
                        &item.technique_id.map(|t| t.to_string()),
                        &snapshot_json(&item.snapshot)?,
                        &item.added_by.map(|a| a.to_string()),
                        &ts(item.added_at),
                    ],
                )?;
            }
        }
    }
    Ok(())
}

#[async_trait::async_trait]
impl TechniqueStore for SqliteStore {
    async fn insert_technique(
        &self,
        technique: Technique,
        by: AccountId,
        now: DateTime<Utc>,
    ) -> R<()> {
        let org = org_of(&technique)?;
        let content = technique_content(&technique)?;
        self.write(move |c| {
            execute(
                c,
                sql::INSERT,
                &[
                    &technique.id.to_string(),
                    &org.to_string(),
                    &technique.kind.code(),
                    &technique.title,
                    &content,
                    &technique.archived,
                    &by.to_string(),
                    &ts(now),
                    &ts(now),
                ],
            )
        })
        .await?;
        Ok(())
    }

    async fn update_technique(&self, technique: Technique, now: DateTime<Utc>) -> R<()> {
        let org = org_of(&technique)?;
        let content = technique_content(&technique)?;
        let changed = self
            .write(move |c| {
                execute(
                    c,
                    sql::UPDATE,
                    &[
                        &technique.id.to_string(),
                        &org.to_string(),
                        &technique.kind.code(),
                        &technique.title,
                        &content,
                        &technique.archived,
                        &ts(now),
                    ],
                )
            })
            .await?;
        if changed == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }

    async fn technique(&self, org: OrgId, id: TechniqueId) -> R<Option<Technique>> {
        self.read(|c| {
            optional::<TechniqueRow>(c, sql::BY_ID, &[&org.to_string(), &id.to_string()])?
                .map(Technique::try_from)
                .transpose()
        })
    }

    async fn techniques_of(&self, org: OrgId) -> R<Vec<Technique>> {
        self.read(|c| {
            all::<TechniqueRow>(c, sql::OF_ORG, &[&org.to_string()])?
                .into_iter()
                .map(Technique::try_from)
                .collect()
        })
    }

    async fn session_plan(&self, session: SessionId) -> R<Vec<SessionPlanItem>> {
        self.read(|c| plan(c, session))
    }

    async fn change_session_plan(
        &self,
        session: SessionId,
        decide: PlanDecision,
    ) -> R<Result<Vec<SessionPlanItem>, Error>> {
        let result = self
            .write_tx(move |c| {
                let current_session = sessions::session(c, session)?.ok_or(StoreError::NotFound)?;
                let current = plan(c, session)?;
                let next = match decide(&current_session, &current) {
                    Ok(next) => next,
                    Err(refused) => return Ok(Err(refused)),
                };
                write_plan(c, session, &current, &next)?;
                Ok(Ok(plan(c, session)?))
            })
            .await?;
        if result.is_ok() {
            tracing::debug!(session_id = %session, "session plan changed");
        }
        Ok(result)
    }
}
