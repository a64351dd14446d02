//! Groups: the row, its three vocabularies and its facilitators, always written together.

use kindred_domain::fields::Choice;
use kindred_domain::groups::Group;
use kindred_domain::ids::GroupId;
use kindred_domain::StoreError;

use super::{commit, Db, PgStore, Query, Tx, R};
use crate::errors::db;
use crate::rows::{group_tags, FacilitatorRow, GroupRow, TagRow};
use crate::sql::groups as sql;

/// Binds the row's columns insert and update share, in their placeholder order.
fn bind_row<'q>(query: Query<'q>, g: &'q Group) -> Query<'q> {
    query
        .bind(g.id.to_string())
        .bind(g.org_id.to_string())
        .bind(g.program_id.to_string())
        .bind(g.location_id.to_string())
        .bind(g.name.as_str())
        .bind(g.description.as_str())
        .bind(g.kind.code())
        .bind(g.enrollment.code())
        .bind(g.format.code())
        .bind(g.capacity)
        .bind(g.min_size)
        .bind(g.language.code())
        .bind(g.time_zone.name())
        .bind(g.archived_at)
        .bind(g.offer_hours)
        .bind(g.billing_code.as_str())
        .bind(g.billing_modifier.as_str())
}

pub(super) async fn insert_group(s: &PgStore, g: Group) -> R<()> {
    let mut tx = s.begin_write().await?;
    bind_row(sqlx::query(sql::INSERT), &g)
        .bind(g.created_at)
        .execute(&mut *tx)
        .await
        .map_err(db)?;
    write_children(&mut tx, &g).await?;
    commit(tx).await?;
    tracing::debug!(group_id = %g.id, org_id = %g.org_id, "group created");
    Ok(())
}

/// `NotFound` when the group is not in the organization. Tags and facilitators are replaced
/// wholesale.
pub(super) async fn update_group(s: &PgStore, g: Group) -> R<()> {
    let mut tx = s.begin_write().await?;
    let done = bind_row(sqlx::query(sql::UPDATE), &g)
        .execute(&mut *tx)
        .await
        .map_err(db)?;
    if done.rows_affected() == 0 {
        return Err(StoreError::NotFound);
    }
    for delete in [sql::DELETE_TAGS, sql::DELETE_FACILITATORS] {
        sqlx::query(delete)
            .bind(g.id.to_string())
            .execute(&mut *tx)
            .await
            .map_err(db)?;
    }
    write_children(&mut tx, &g).await?;
    commit(tx).await?;
    tracing::debug!(group_id = %g.id, org_id = %g.org_id, "group updated");
    Ok(())
}

async fn write_children(tx: &mut Tx, g: &Group) -> R<()> {
    for (kind, value) in group_tags(g) {
        sqlx::query(sql::INSERT_TAG)
            .bind(g.id.to_string())
            .bind(kind)
            .bind(value)
            .execute(&mut **tx)
            .await
            .map_err(db)?;
    }
    for f in &g.facilitators {
        sqlx::query(sql::INSERT_FACILITATOR)
            .bind(g.id.to_string())
            .bind(f.account_id.to_string())
            .bind(f.role.code())
            .bind(f.lead)
            .execute(&mut **tx)
            .await
            .map_err(db)?;
    }
    Ok(())
}

/// The group with its vocabularies in vocabulary order and facilitators lead first, then
/// by display name, read in one snapshot.
pub(super) async fn group(s: &PgStore, id: GroupId) -> R<Option<Group>> {
    let mut tx = s.begin_read().await?;
    let group = group_in(&mut tx, id).await?;
    commit(tx).await?;
    Ok(group)
}

/// The group, read in the caller's transaction.
pub(super) async fn group_in(tx: &mut Tx, id: GroupId) -> R<Option<Group>> {
    let row = sqlx::query_as::<Db, GroupRow>(sql::BY_ID)
        .bind(id.to_string())
        .fetch_optional(&mut **tx)
        .await
        .map_err(db)?;
    let Some(row) = row else {
        return Ok(None);
    };
    let tags = sqlx::query_as::<Db, TagRow>(sql::TAGS)
        .bind(id.to_string())
        .fetch_all(&mut **tx)
        .await
        .map_err(db)?;
    let facilitators = sqlx::query_as::<Db, FacilitatorRow>(sql::FACILITATORS)
        .bind(id.to_string())
        .fetch_all(&mut **tx)
        .await
        .map_err(db)?;
    row.into_group(&tags, facilitators).map(Some)
}
