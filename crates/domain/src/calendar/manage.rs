use chrono::{DateTime, Duration, Utc};

use super::{CalendarFeed, FeedKind, FeedSession};
use crate::auth::{Actor, SecretToken};
use crate::fields::{checkbox, choice};
use crate::ids::CalendarFeedId;
use crate::policy::signed_in;
use crate::{Error, FieldErrors, Store};

/// How far back a feed reaches: recent sessions stay on the calendar.
pub const FEED_PAST_DAYS: i64 = 30;
/// How far ahead: as far as sessions are materialized.
const FEED_FUTURE_DAYS: i64 = 7 * 26;

#[derive(Debug, Default, Clone, serde::Deserialize, utoipa::ToSchema)]
pub struct NewFeedInput {
    /// `member` or `facilitator`.
    #[serde(default)]
    pub kind: String,
    #[serde(default, deserialize_with = "checkbox")]
    pub show_group_names: bool,
}

/// A new feed and its secret, which is shown once: only its hash is kept.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct CreatedFeed {
    pub feed: CalendarFeed,
    #[schema(value_type = String)]
    pub token: SecretToken,
}

/// Makes the person a feed of this kind, revoking the one they had.
pub async fn create_feed(
    store: &dyn Store,
    actor: &Actor,
    now: DateTime<Utc>,
    input: &NewFeedInput,
) -> Result<CreatedFeed, Error> {
    let me = signed_in(actor)?;
    let mut errors = FieldErrors::new();
    let kind: Option<FeedKind> = choice(&mut errors, "kind", &input.kind);
    if kind == Some(FeedKind::Facilitator) && me.roles.is_empty() {
        errors.add(
            "kind",
            "Only staff have a feed of the sessions they lead; choose “My groups”.",
        );
    }
    let Some(kind) = kind else {
        return Err(Error::Invalid(errors));
    };
    errors.into_result(())?;
    let token = SecretToken::generate_prefixed("kcal_");
    let feed = CalendarFeed {
        id: CalendarFeedId::new(),
        account_id: me.account_id,
        kind,
        // Staff feeds name groups: they are for work calendars, and staff need to know.
        show_group_names: input.show_group_names || kind == FeedKind::Facilitator,
        token_hash: token.hash(),
        created_at: now,
        revoked_at: None,
    };
    store.replace_calendar_feed(feed.clone(), now).await?;
    Ok(CreatedFeed { feed, token })
}

pub async fn my_feeds(store: &dyn Store, actor: &Actor) -> Result<Vec<CalendarFeed>, Error> {
    let me = signed_in(actor)?;
    Ok(store.live_calendar_feeds(me.account_id).await?)
}

pub async fn revoke_feed(
    store: &dyn Store,
    actor: &Actor,
    now: DateTime<Utc>,
    id: CalendarFeedId,
) -> Result<(), Error> {
    let me = signed_in(actor)?;
    if store.revoke_calendar_feed(me.account_id, id, now).await? {
        Ok(())
    } else {
        Err(Error::NotFound)
    }
}

/// What a feed shows, for whoever holds its secret URL.
#[derive(Debug, Clone)]
pub struct FeedContent {
    pub feed: CalendarFeed,
    pub sessions: Vec<FeedSession>,
}

/// The sessions behind a feed token. An unknown or revoked token is not found.
pub async fn feed_sessions(
    store: &dyn Store,
    token: &SecretToken,
    now: DateTime<Utc>,
) -> Result<FeedContent, Error> {
    let feed = store
        .calendar_feed_by_token(&token.hash())
        .await?
        .filter(|f| f.revoked_at.is_none())
        .ok_or(Error::NotFound)?;
    let from = now - Duration::days(FEED_PAST_DAYS);
    let to = now + Duration::days(FEED_FUTURE_DAYS);
    let sessions = store
        .feed_sessions(feed.account_id, feed.kind, from, to)
        .await?;
    Ok(FeedContent { feed, sessions })
}
