//! Groups: the row, its three vocabularies and its facilitators, always written together.

use kindred_domain::fields::Choice;
use kindred_domain::groups::Group;
use kindred_domain::ids::GroupId;
use kindred_domain::StoreError;
use rusqlite::{Connection, ToSql};

use super::exec::{all, execute, optional};
use super::values::{opt_ts, ts, Ts};
use super::R;
use crate::rows::{group_tags, FacilitatorRow, GroupRow, TagRow};
use crate::sql::groups as sql;

/// Writes the row's columns insert and update share, in their placeholder order; `created`
/// is bound last, for an insert only. Returns the rows changed.
fn write_row(c: &Connection, sql: &str, g: &Group, created: Option<Ts>) -> R<usize> {
    let (id, org) = (g.id.to_string(), g.org_id.to_string());
    let (program, location) = (g.program_id.to_string(), g.location_id.to_string());
    let (kind, enrollment, format) = (g.kind.code(), g.enrollment.code(), g.format.code());
    let (language, zone, archived) = (g.language.code(), g.time_zone.name(), opt_ts(g.archived_at));
    let mut params: Vec<&dyn ToSql> = vec![
        &id,
        &org,
        &program,
        &location,
        &g.name,
        &g.description,
        &kind,
        &enrollment,
        &format,
        &g.capacity,
        &g.min_size,
        &language,
        &zone,
        &archived,
        &g.offer_hours,
        &g.billing_code,
        &g.billing_modifier,
    ];
    params.extend(created.as_ref().map(|t| t as &dyn ToSql));
    execute(c, sql, &params)
}

/// In the caller's write transaction.
pub(super) fn insert_group(c: &Connection, g: &Group) -> R<()> {
    write_row(c, sql::INSERT, g, Some(ts(g.created_at)))?;
    write_children(c, g)
}

/// In the caller's write transaction. `NotFound` when the group is not in the organization.
/// Tags and facilitators are replaced wholesale.
pub(super) fn update_group(c: &Connection, g: &Group) -> R<()> {
    if write_row(c, sql::UPDATE, g, None)? == 0 {
        return Err(StoreError::NotFound);
    }
    let id = g.id.to_string();
    execute(c, sql::DELETE_TAGS, &[&id])?;
    execute(c, sql::DELETE_FACILITATORS, &[&id])?;
    write_children(c, g)
}

fn write_children(c: &Connection, g: &Group) -> R<()> {
    let id = g.id.to_string();
    for (kind, value) in group_tags(g) {
        execute(c, sql::INSERT_TAG, &[&id, &kind, &value])?;
    }
    for f in &g.facilitators {
        execute(
            c,
            sql::INSERT_FACILITATOR,
            &[&id, &f.account_id.to_string(), &f.role.code(), &f.lead],
        )?;
    }
    Ok(())
}

/// The group with its vocabularies in vocabulary order and facilitators lead first, then
/// by display name. The caller gives one snapshot.
pub(super) fn group(c: &Connection, id: GroupId) -> R<Option<Group>> {
    let id = id.to_string();
    let Some(row) = optional::<GroupRow>(c, sql::BY_ID, &[&id])? else {
        return Ok(None);
    };
    let tags = all::<TagRow>(c, sql::TAGS, &[&id])?;
    let facilitators = all::<FacilitatorRow>(c, sql::FACILITATORS, &[&id])?;
    row.into_group(&tags, facilitators).map(Some)
}
