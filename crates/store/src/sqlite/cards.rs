//! Group cards, enrollments and a member's "my groups", and group sessions.

use chrono::{DateTime, Utc};
use kindred_domain::enrollments::{Enrollment, MyGroup};
use kindred_domain::groups::GroupCard;
use kindred_domain::ids::{AccountId, GroupId, OrgId};
use kindred_domain::StoreError;
use rusqlite::Connection;

use super::exec::{all, scalar};
use super::values::ts;
use super::R;
use crate::rows::{CardRow, MyGroupRow};
use crate::sql::cards as sql;

pub(super) fn group_cards_of_org(c: &Connection, org: OrgId) -> R<Vec<GroupCard>> {
    all::<CardRow>(c, sql::OF_ORG, &[&org.to_string()])?
        .into_iter()
        .map(GroupCard::try_from)
        .collect()
}

pub(super) fn public_group_cards(c: &Connection) -> R<Vec<GroupCard>> {
    all::<CardRow>(c, sql::PUBLIC, &[])?
        .into_iter()
        .map(GroupCard::try_from)
        .collect()
}

pub(super) fn active_member_count(c: &Connection, group: GroupId) -> R<i32> {
    let count: i64 = scalar(c, sql::ACTIVE_MEMBER_COUNT, &[&group.to_string()])?;
    i32::try_from(count).map_err(|_| StoreError::Backend("active member count out of range".into()))
}

pub(super) fn insert_enrollment(c: &Connection, e: &Enrollment) -> R<()> {
    super::enrollments::upsert(c, e)?;
    tracing::debug!(enrollment_id = %e.id, group_id = %e.group_id, "enrollment recorded");
    Ok(())
}

pub(super) fn groups_of_member(
    c: &Connection,
    account: AccountId,
    now: DateTime<Utc>,
) -> R<Vec<MyGroup>> {
    all::<MyGroupRow>(c, sql::OF_MEMBER, &[&account.to_string(), &ts(now)])?
        .into_iter()
        .map(MyGroup::try_from)
        .collect()
}
