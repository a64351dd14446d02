//! Personal calendar feeds: each person may have a member feed (the sessions of their
//! groups) and, when they are staff, a facilitator feed (the sessions they lead), at a
//! secret URL. The URL's token is stored only as a hash; making a new one revokes the old.

mod feed;
mod manage;

pub use feed::{CalendarFeed, FeedKind, FeedSession, FeedWhere};
pub use manage::{
    create_feed, feed_sessions, my_feeds, revoke_feed, CreatedFeed, FeedContent, NewFeedInput,
    FEED_PAST_DAYS,
};
