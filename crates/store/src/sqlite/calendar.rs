//! Calendar feeds on SQLite.

use chrono::{DateTime, Utc};
use kindred_domain::auth::TokenHash;
use kindred_domain::calendar::{CalendarFeed, FeedKind, FeedSession};
use kindred_domain::fields::Choice;
use kindred_domain::ids::{AccountId, CalendarFeedId};
use kindred_domain::meeting_guide::PeerListing;
use kindred_domain::store::CalendarStore;

use super::exec::{all, execute, optional};
use super::values::{opt_ts, ts};
use super::{SqliteStore, R};
use crate::rows::{
    peer_listings, FeedRow, FeedSessionRow, ListingTagRow, PeerListingRow, ScheduleRow,
};
use crate::sql::calendar as sql;

#[async_trait::async_trait]
impl CalendarStore for SqliteStore {
    async fn replace_calendar_feed(&self, feed: CalendarFeed, now: DateTime<Utc>) -> R<()> {
        self.write_tx(move |c| {
            let account = feed.account_id.to_string();
            execute(
                c,
                sql::REVOKE_LIVE_OF_KIND,
                &[&account, &feed.kind.code(), &ts(now)],
            )?;
            execute(
                c,
                sql::INSERT,
                &[
                    &feed.id.to_string(),
                    &account,
                    &feed.kind.code(),
                    &feed.token_hash.0,
                    &feed.show_group_names,
                    &ts(feed.created_at),
                    &opt_ts(feed.revoked_at),
                ],
            )?;
            Ok(())
        })
        .await
    }

    async fn live_calendar_feeds(&self, account: AccountId) -> R<Vec<CalendarFeed>> {
        self.read(|c| {
            all::<FeedRow>(c, sql::LIVE_OF, &[&account.to_string()])?
                .into_iter()
                .map(CalendarFeed::try_from)
                .collect()
        })
    }

    async fn revoke_calendar_feed(
        &self,
        account: AccountId,
        id: CalendarFeedId,
        now: DateTime<Utc>,
    ) -> R<bool> {
        self.write(move |c| {
            let changed = execute(
                c,
                sql::REVOKE,
                &[&account.to_string(), &id.to_string(), &ts(now)],
            )?;
            Ok(changed > 0)
        })
        .await
    }

    async fn calendar_feed_by_token(&self, hash: &TokenHash) -> R<Option<CalendarFeed>> {
        self.read(|c| {
            optional::<FeedRow>(c, sql::BY_TOKEN, &[&hash.0])?
                .map(CalendarFeed::try_from)
                .transpose()
        })
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
        self.read(|c| {
            all::<FeedSessionRow>(c, query, &[&account.to_string(), &ts(from), &ts(to)])?
                .into_iter()
                .map(FeedSession::try_from)
                .collect()
        })
    }

    async fn peer_support_listings(&self) -> R<Vec<PeerListing>> {
        self.read_snapshot(|c| {
            let groups = all::<PeerListingRow>(c, sql::PEER_LISTINGS, &[])?;
            let schedules = all::<ScheduleRow>(c, sql::PEER_LISTING_SCHEDULES, &[])?;
            let tags = all::<ListingTagRow>(c, sql::PEER_LISTING_TAGS, &[])?;
            peer_listings(groups, schedules, tags)
        })
    }
}
