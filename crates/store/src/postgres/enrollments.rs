//! Enrollments and a member's "my groups".

use chrono::{DateTime, Utc};
use kindred_domain::enrollments::{Enrollment, MyGroup};
use kindred_domain::fields::Choice;
use kindred_domain::ids::AccountId;

use super::{Db, PgStore, R};
use crate::errors::db;
use crate::rows::MyGroupRow;
use crate::sql::cards as sql;

pub(super) async fn insert_enrollment(s: &PgStore, e: Enrollment) -> R<()> {
    sqlx::query(sql::INSERT_ENROLLMENT)
        .bind(e.id.to_string())
        .bind(e.group_id.to_string())
        .bind(e.account_id.to_string())
        .bind(e.status.code())
        .bind(e.created_at)
        .execute(&s.pool)
        .await
        .map_err(db)?;
    tracing::debug!(enrollment_id = %e.id, group_id = %e.group_id, "enrollment recorded");
    Ok(())
}

pub(super) async fn groups_of_member(
    s: &PgStore,
    account: AccountId,
    now: DateTime<Utc>,
) -> R<Vec<MyGroup>> {
    sqlx::query_as::<Db, MyGroupRow>(sql::OF_MEMBER)
        .bind(account.to_string())
        .bind(now)
        .fetch_all(&s.pool)
        .await
        .map_err(db)?
        .into_iter()
        .map(MyGroup::try_from)
        .collect()
}
