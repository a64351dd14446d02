//! Calendar feeds on PostgreSQL.

use chrono::{DateTime, Utc};
use kindred_domain::auth::TokenHash;
use kindred_domain::calendar::{CalendarFeed, FeedKind, FeedSession};
use kindred_domain::fields::Choice;
use kindred_domain::ids::{AccountId, CalendarFeedId};
use kindred_domain::meeting_guide::PeerListing;
use kindred_domain::store::CalendarStore;

use super::{commit, Db, PgStore, R};
use crate::errors::db;
use crate::rows::{
    peer_listings, FeedRow, FeedSessionRow, ListingTagRow, PeerListingRow, ScheduleRow,
};
use crate::sql::calendar as sql;

#[async_trait::async_trait]
impl CalendarStore for PgStore {
    async fn replace_calendar_feed(&self, feed: CalendarFeed, now: DateTime<Utc>) -> R<()> {
        let mut tx = self.begin_write().await?;
        let account = feed.account_id.to_string();
        sqlx::query(sql::REVOKE_LIVE_OF_KIND)
            .bind(&account)
            .bind(feed.kind.code())
            .bind(now)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        sqlx::query(sql::INSERT)
            .bind(feed.id.to_string())
            .bind(&account)
            .bind(feed.kind.code())
            .bind(&feed.token_hash.0)
            .bind(feed.show_group_names)
            .bind(feed.created_at)
            .bind(feed.revoked_at)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        commit(tx).await
    }

    async fn live_calendar_feeds(&self, account: AccountId) -> R<Vec<CalendarFeed>> {
        sqlx::query_as::<Db, FeedRow>(sql::LIVE_OF)
            .bind(account.to_string())
            .fetch_all(&self.pool)
            .await
            .map_err(db)?
            .into_iter()
            .map(CalendarFeed::try_from)
            .collect()
    }

    async fn revoke_calendar_feed(
        &self,
        account: AccountId,
        id: CalendarFeedId,
        now: DateTime<Utc>,
    ) -> R<bool> {
        let done = sqlx::query(sql::REVOKE)
            .bind(account.to_string())
            .bind(id.to_string())
            .bind(now)
            .execute(&self.pool)
            .await
            .map_err(db)?;
        Ok(done.rows_affected() > 0)
    }

    async fn calendar_feed_by_token(&self, hash: &TokenHash) -> R<Option<CalendarFeed>> {
        sqlx::query_as::<Db, FeedRow>(sql::BY_TOKEN)
            .bind(&hash.0)
            .fetch_optional(&self.pool)
            .await
            .map_err(db)?
            .map(CalendarFeed::try_from)
            .transpose()
    }

    async fn feed_sessions(
        &self,
        account: AccountId,
        kind: FeedKind,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> R<Vec<FeedSession>> {
        let query = match kind {
            FeedKind::Member => sql::MEMBER_SESSIONS,
            FeedKind::Facilitator => sql::FACILITATOR_SESSIONS,
        };
        sqlx::query_as::<Db, FeedSessionRow>(query)
            .bind(account.to_string())
            .bind(from)
            .bind(to)
            .fetch_all(&self.pool)
            .await
            .map_err(db)?
            .into_iter()
            .map(FeedSession::try_from)
            .collect()
    }

    async fn peer_support_listings(&self) -> R<Vec<PeerListing>> {
        let mut tx = self.begin_read().await?;
        let groups = sqlx::query_as::<Db, PeerListingRow>(sql::PEER_LISTINGS)
            .fetch_all(&mut *tx)
            .await
            .map_err(db)?;
        let schedules = sqlx::query_as::<Db, ScheduleRow>(sql::PEER_LISTING_SCHEDULES)
            .fetch_all(&mut *tx)
            .await
            .map_err(db)?;
        let tags = sqlx::query_as::<Db, ListingTagRow>(sql::PEER_LISTING_TAGS)
            .fetch_all(&mut *tx)
            .await
            .map_err(db)?;
        commit(tx).await?;
        peer_listings(groups, schedules, tags)
    }
}
