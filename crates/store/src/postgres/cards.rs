//! Group cards: a group in a list, with its organization, program, location, lead role and
//! number of active members, all from one query.

use kindred_domain::groups::GroupCard;
use kindred_domain::ids::{GroupId, OrgId};
use kindred_domain::StoreError;

use super::{Db, PgStore, R};
use crate::errors::db;
use crate::rows::CardRow;
use crate::sql::cards as sql;

pub(super) async fn group_cards_of_org(s: &PgStore, org: OrgId) -> R<Vec<GroupCard>> {
    sqlx::query_as::<Db, CardRow>(sql::OF_ORG)
        .bind(org.to_string())
        .fetch_all(&s.pool)
        .await
        .map_err(db)?
        .into_iter()
        .map(GroupCard::try_from)
        .collect()
}

pub(super) async fn public_group_cards(s: &PgStore) -> R<Vec<GroupCard>> {
    sqlx::query_as::<Db, CardRow>(sql::PUBLIC)
        .fetch_all(&s.pool)
        .await
        .map_err(db)?
        .into_iter()
        .map(GroupCard::try_from)
        .collect()
}

pub(super) async fn active_member_count(s: &PgStore, group: GroupId) -> R<i32> {
    let (count,): (i64,) = sqlx::query_as(sql::ACTIVE_MEMBER_COUNT)
        .bind(group.to_string())
        .fetch_one(&s.pool)
        .await
        .map_err(db)?;
    i32::try_from(count).map_err(|_| StoreError::Backend("active member count out of range".into()))
}
