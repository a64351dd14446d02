//! Groups: the row, its three vocabularies and its facilitators, always written together.

use kindred_domain::fields::Choice;
use kindred_domain::groups::Group;
use kindred_domain::ids::GroupId;
use kindred_domain::StoreError;

use super::{commit, Db, SqlStore, Tx, R};
use crate::errors::db;
use crate::rows::{FacilitatorRow, GroupRow, TagRow, AUDIENCE, FOCUS_AREA, PAYMENT_OPTION};

pub(super) async fn insert_group(s: &SqlStore, g: Group) -> R<()> {
    let mut tx = s.begin_write().await?;
    sqlx::query(
        "INSERT INTO groups (id, org_id, program_id, location_id, name, description, kind, \
         enrollment, format, capacity, min_size, language, time_zone, created_at, archived_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)",
    )
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
    .bind(g.created_at)
    .bind(g.archived_at)
    .execute(&mut *tx)
    .await
    .map_err(db)?;
    write_children(&mut tx, &g).await?;
    commit(tx).await?;
    tracing::debug!(group_id = %g.id, org_id = %g.org_id, "group created");
    Ok(())
}

/// The organization and creation time never change; `NotFound` when the group is not in
/// the organization. Tags and facilitators are replaced wholesale.
pub(super) async fn update_group(s: &SqlStore, g: Group) -> R<()> {
    let mut tx = s.begin_write().await?;
    let done = sqlx::query(
        "UPDATE groups SET program_id = $3, location_id = $4, name = $5, description = $6, \
         kind = $7, enrollment = $8, format = $9, capacity = $10, min_size = $11, \
         language = $12, time_zone = $13, archived_at = $14 WHERE id = $1 AND org_id = $2",
    )
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
    .execute(&mut *tx)
    .await
    .map_err(db)?;
    if done.rows_affected() == 0 {
        return Err(StoreError::NotFound);
    }
    for table in ["group_tags", "group_facilitators"] {
        sqlx::query(&format!("DELETE FROM {table} WHERE group_id = $1"))
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
    let tags = g.focus_areas.iter().map(|c| (FOCUS_AREA, c.code()));
    let tags = tags.chain(g.payment_options.iter().map(|c| (PAYMENT_OPTION, c.code())));
    let tags = tags.chain(g.audiences.iter().map(|c| (AUDIENCE, c.code())));
    for (kind, value) in tags {
        // A repeated code is the same fact twice, not an error.
        sqlx::query(
            "INSERT INTO group_tags (group_id, tag_kind, value) VALUES ($1, $2, $3) \
             ON CONFLICT DO NOTHING",
        )
        .bind(g.id.to_string())
        .bind(kind)
        .bind(value)
        .execute(&mut **tx)
        .await
        .map_err(db)?;
    }
    for f in &g.facilitators {
        sqlx::query(
            "INSERT INTO group_facilitators (group_id, account_id, role, lead) \
             VALUES ($1, $2, $3, $4)",
        )
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
pub(super) async fn group(s: &SqlStore, id: GroupId) -> R<Option<Group>> {
    let mut tx = s.begin_read().await?;
    let row = sqlx::query_as::<Db, GroupRow>(
        "SELECT id, org_id, program_id, location_id, name, description, kind, enrollment, \
         format, capacity, min_size, language, time_zone, created_at, archived_at \
         FROM groups WHERE id = $1",
    )
    .bind(id.to_string())
    .fetch_optional(&mut *tx)
    .await
    .map_err(db)?;
    let Some(row) = row else {
        return Ok(None);
    };
    let tags =
        sqlx::query_as::<Db, TagRow>("SELECT tag_kind, value FROM group_tags WHERE group_id = $1")
            .bind(id.to_string())
            .fetch_all(&mut *tx)
            .await
            .map_err(db)?;
    let facilitators = sqlx::query_as::<Db, FacilitatorRow>(
        "SELECT f.account_id, a.display_name, f.role, f.lead \
         FROM group_facilitators f JOIN accounts a ON a.id = f.account_id \
         WHERE f.group_id = $1 \
         ORDER BY f.lead DESC, LOWER(a.display_name), a.display_name, a.id",
    )
    .bind(id.to_string())
    .fetch_all(&mut *tx)
    .await
    .map_err(db)?;
    commit(tx).await?;
    row.into_group(&tags, facilitators).map(Some)
}
