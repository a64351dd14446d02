//! Report rows on PostgreSQL.

use kindred_domain::audit::AuditEvent;
use kindred_domain::ids::{AccountId, GroupId, OrgId};
use kindred_domain::reports::{AttendanceFact, EnrollmentSpan};
use kindred_domain::store::{FactQuery, FactScope, ReportStore};

use super::{Db, PgStore, R};
use crate::errors::db;
use crate::rows::{FactRow, SpanRow};
use crate::sql::reports as sql;

#[async_trait::async_trait]
impl ReportStore for PgStore {
    async fn attendance_facts(&self, q: FactQuery, event: AuditEvent) -> R<Vec<AttendanceFact>> {
        let (text, scope) = match q.scope {
            FactScope::Organization => (sql::FACTS_OF_ORG, None),
            FactScope::Group(g) => (sql::FACTS_OF_GROUP, Some(g.to_string())),
            FactScope::Member(m) => (sql::FACTS_OF_MEMBER, Some(m.to_string())),
        };
        let mut query = sqlx::query_as::<Db, FactRow>(text)
            .bind(q.org.to_string())
            .bind(q.from)
            .bind(q.to);
        if let Some(scope) = scope {
            query = query.bind(scope);
        }
        let mut tx = self.begin_write().await?;
        let rows = query.fetch_all(&mut *tx).await.map_err(db)?;
        super::audit::append(&mut tx, &event).await?;
        super::commit(tx).await?;
        rows.into_iter().map(AttendanceFact::try_from).collect()
    }

    async fn ever_enrolled_in_org(&self, account: AccountId, org: OrgId) -> R<bool> {
        let found = sqlx::query(sql::EVER_ENROLLED_IN_ORG)
            .bind(account.to_string())
            .bind(org.to_string())
            .fetch_optional(&self.pool)
            .await
            .map_err(db)?;
        Ok(found.is_some())
    }

    async fn enrollment_spans(&self, group: GroupId) -> R<Vec<EnrollmentSpan>> {
        sqlx::query_as::<Db, SpanRow>(sql::SPANS)
            .bind(group.to_string())
            .fetch_all(&self.pool)
            .await
            .map_err(db)?
            .into_iter()
            .map(EnrollmentSpan::try_from)
            .collect()
    }
}
