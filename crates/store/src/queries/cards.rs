//! Group cards: a group in a list, with its organization, program, location, lead role and
//! number of active members, all from one query.

use kindred_domain::groups::GroupCard;
use kindred_domain::ids::{GroupId, OrgId};

use super::{Db, SqlStore, R};
use crate::errors::db;
use crate::rows::CardRow;

/// The card's columns over `groups g` joined by `card_joins!`. The status and lead codes are
/// `EnrollmentStatus::Active` and the one lead facilitator (a unique index keeps it one).
macro_rules! card_columns {
    () => {
        "g.id, g.org_id, o.name AS org_name, p.name AS program_name, \
         l.name AS location_name, g.name, g.kind, g.enrollment, g.format, g.capacity, \
         (SELECT COUNT(*) FROM enrollments ae WHERE ae.group_id = g.id AND ae.status = 'active') \
           AS active_members, \
         (SELECT f.role FROM group_facilitators f WHERE f.group_id = g.id AND f.lead LIMIT 1) \
           AS lead_role, \
         g.time_zone, g.archived_at"
    };
}

macro_rules! card_joins {
    () => {
        " JOIN organizations o ON o.id = g.org_id \
          JOIN programs p ON p.id = g.program_id \
          JOIN locations l ON l.id = g.location_id "
    };
}

pub(super) use {card_columns, card_joins};

/// Name order that reads naturally and is the same on both backends for plain names.
pub(super) const BY_NAME: &str = " ORDER BY LOWER(g.name), g.name, g.id";

pub(super) async fn group_cards_of_org(s: &SqlStore, org: OrgId) -> R<Vec<GroupCard>> {
    let sql = concat!(
        "SELECT ",
        card_columns!(),
        " FROM groups g",
        card_joins!(),
        "WHERE g.org_id = $1"
    );
    sqlx::query_as::<Db, CardRow>(&format!("{sql}{BY_NAME}"))
        .bind(org.to_string())
        .fetch_all(&s.read)
        .await
        .map_err(db)?
        .into_iter()
        .map(GroupCard::try_from)
        .collect()
}

/// Every organization's open groups: not archived, nor their program or organization.
pub(super) async fn public_group_cards(s: &SqlStore) -> R<Vec<GroupCard>> {
    let sql = concat!(
        "SELECT ",
        card_columns!(),
        " FROM groups g",
        card_joins!(),
        "WHERE g.archived_at IS NULL AND p.archived_at IS NULL AND o.archived_at IS NULL"
    );
    sqlx::query_as::<Db, CardRow>(&format!("{sql}{BY_NAME}"))
        .fetch_all(&s.read)
        .await
        .map_err(db)?
        .into_iter()
        .map(GroupCard::try_from)
        .collect()
}

pub(super) async fn active_member_count(s: &SqlStore, group: GroupId) -> R<i32> {
    let (count,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM enrollments WHERE group_id = $1 AND status = 'active'",
    )
    .bind(group.to_string())
    .fetch_one(&s.read)
    .await
    .map_err(db)?;
    i32::try_from(count)
        .map_err(|_| kindred_domain::StoreError::Backend("active member count out of range".into()))
}
