use chrono::{DateTime, Utc};

use crate::auth::TokenHash;
use crate::calendar::{CalendarFeed, FeedKind, FeedSession};
use crate::ids::{AccountId, CalendarFeedId};
use crate::meeting_guide::PeerListing;
use crate::StoreError;

type R<T> = Result<T, StoreError>;

/// Calendar feeds and the sessions they show, and the public Meeting Guide feed.
#[async_trait::async_trait]
pub trait CalendarStore: Send + Sync {
    /// Revokes the account's live feed of the same kind (at `now`) and stores this one,
    /// together.
    async fn replace_calendar_feed(&self, feed: CalendarFeed, now: DateTime<Utc>) -> R<()>;
    async fn live_calendar_feeds(&self, account: AccountId) -> R<Vec<CalendarFeed>>;
    /// `false` when the feed is not the account's or already revoked.
    async fn revoke_calendar_feed(
        &self,
        account: AccountId,
        id: CalendarFeedId,
        now: DateTime<Utc>,
    ) -> R<bool>;
    async fn calendar_feed_by_token(&self, hash: &TokenHash) -> R<Option<CalendarFeed>>;
    /// Sessions starting in `[from, to)`, earliest first. Member feeds: sessions of groups
    /// the account was an active member of at the time, and drop-in sessions it registered
    /// for. Facilitator feeds: sessions of the groups it facilitates.
    async fn feed_sessions(
        &self,
        account: AccountId,
        kind: FeedKind,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> R<Vec<FeedSession>>;
    /// Every peer support group that is not archived (nor its program or organization),
    /// with its location and its schedules that are not archived, by name.
    async fn peer_support_listings(&self) -> R<Vec<PeerListing>>;
}
