//! Technique plans and session plans on PostgreSQL. A plan change first locks the session's
//! row (`FOR UPDATE`, the lock attendance takes), so two changes of one plan queue up there
//! and the second reads what the first wrote.

use chrono::{DateTime, Utc};
use kindred_domain::fields::Choice;
use kindred_domain::ids::{AccountId, OrgId, SessionId, TechniqueId};
use kindred_domain::sessions::GroupSession;
use kindred_domain::store::TechniqueStore;
use kindred_domain::techniques::{PlanDecision, SessionPlanItem, Technique};
use kindred_domain::{Error, StoreError};
use sqlx::PgConnection;

use super::{commit, Db, PgStore, R};
use crate::errors::db;
use crate::rows::{snapshot_json, technique_content, PlanItemRow, SessionRow, TechniqueRow};
use crate::sql::{attendance as attendance_sql, sessions as sessions_sql, techniques as sql};

fn org_of(t: &Technique) -> R<OrgId> {
    t.org_id
        .ok_or_else(|| StoreError::Backend("a built-in plan is not stored".into()))
}

async fn plan(c: &mut PgConnection, session: SessionId) -> R<Vec<SessionPlanItem>> {
    sqlx::query_as::<Db, PlanItemRow>(sql::PLAN)
        .bind(session.to_string())
        .fetch_all(&mut *c)
        .await
        .map_err(db)?
        .into_iter()
        .map(SessionPlanItem::try_from)
        .collect()
}

/// Locks the session's row and reads it; `NotFound` when there is none.
async fn locked_session(c: &mut PgConnection, session: SessionId) -> R<GroupSession> {
    sqlx::query(attendance_sql::LOCK_SESSION)
        .bind(session.to_string())
        .fetch_optional(&mut *c)
        .await
        .map_err(db)?
        .ok_or(StoreError::NotFound)?;
    sqlx::query_as::<Db, SessionRow>(sessions_sql::BY_ID)
        .bind(session.to_string())
        .fetch_one(&mut *c)
        .await
        .map_err(db)?
        .try_into()
}

/// Makes the stored plan `next` (see the SQLite twin).
async fn write_plan(
    c: &mut PgConnection,
    session: SessionId,
    current: &[SessionPlanItem],
    next: &[SessionPlanItem],
) -> R<()> {
    let session_id = session.to_string();
    for old in current {
        if !next.iter().any(|n| n.id == old.id) {
            sqlx::query(sql::DELETE_ITEM)
                .bind(old.id.to_string())
                .bind(&session_id)
                .execute(&mut *c)
                .await
                .map_err(db)?;
        }
    }
    for (place, item) in next.iter().enumerate() {
        let position = i32::try_from(place).unwrap_or(i32::MAX);
        match current.iter().find(|o| o.id == item.id) {
            Some(old) if old.position == position => {}
            Some(_) => {
                sqlx::query(sql::SET_POSITION)
                    .bind(item.id.to_string())
                    .bind(&session_id)
                    .bind(position)
                    .execute(&mut *c)
                    .await
                    .map_err(db)?;
            }
            None => {
                sqlx::query(sql::INSERT_ITEM)
                    .bind(item.id.to_string())
                    .bind(&session_id)
                    .bind(position)
                    .bind(item.technique_id.map(|t| t.to_string()))
                    .bind(snapshot_json(&item.snapshot)?)
                    .bind(item.added_by.map(|a| a.to_string()))
                    .bind(item.added_at)
                    .execute(&mut *c)
                    .await
                    .map_err(db)?;
            }
        }
    }
    Ok(())
}

#[async_trait::async_trait]
impl TechniqueStore for PgStore {
    async fn insert_technique(
        &self,
        technique: Technique,
        by: AccountId,
        now: DateTime<Utc>,
    ) -> R<()> {
        sqlx::query(sql::INSERT)
            .bind(technique.id.to_string())
            .bind(org_of(&technique)?.to_string())
            .bind(technique.kind.code())
            .bind(&technique.title)
            .bind(technique_content(&technique)?)
            .bind(technique.archived)
            .bind(by.to_string())
            .bind(now)
            .bind(now)
            .execute(&self.pool)
            .await
            .map_err(db)?;
        Ok(())
    }

    async fn update_technique(&self, technique: Technique, now: DateTime<Utc>) -> R<()> {
        let done = sqlx::query(sql::UPDATE)
            .bind(technique.id.to_string())
            .bind(org_of(&technique)?.to_string())
            .bind(technique.kind.code())
            .bind(&technique.title)
            .bind(technique_content(&technique)?)
            .bind(technique.archived)
            .bind(now)
            .execute(&self.pool)
            .await
            .map_err(db)?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }

    async fn technique(&self, org: OrgId, id: TechniqueId) -> R<Option<Technique>> {
        sqlx::query_as::<Db, TechniqueRow>(sql::BY_ID)
            .bind(org.to_string())
            .bind(id.to_string())
            .fetch_optional(&self.pool)
            .await
            .map_err(db)?
            .map(Technique::try_from)
            .transpose()
    }

    async fn techniques_of(&self, org: OrgId) -> R<Vec<Technique>> {
        sqlx::query_as::<Db, TechniqueRow>(sql::OF_ORG)
            .bind(org.to_string())
            .fetch_all(&self.pool)
            .await
            .map_err(db)?
            .into_iter()
            .map(Technique::try_from)
            .collect()
    }

    async fn session_plan(&self, session: SessionId) -> R<Vec<SessionPlanItem>> {
        let mut c = self.pool.acquire().await.map_err(db)?;
        plan(&mut c, session).await
    }

    async fn change_session_plan(
        &self,
        session: SessionId,
        decide: PlanDecision,
    ) -> R<Result<Vec<SessionPlanItem>, Error>> {
        let mut tx = self.begin_write().await?;
        let current_session = locked_session(&mut tx, session).await?;
        let current = plan(&mut tx, session).await?;
        let next = match decide(&current_session, &current) {
            Ok(next) => next,
            // Dropping the transaction rolls it back; nothing was written.
            Err(refused) => return Ok(Err(refused)),
        };
        write_plan(&mut tx, session, &current, &next).await?;
        let written = plan(&mut tx, session).await?;
        commit(tx).await?;
        tracing::debug!(session_id = %session, "session plan changed");
        Ok(Ok(written))
    }
}
