use chrono::{DateTime, Utc};

use crate::auth::TokenHash;
use crate::groups::Format;
use crate::ids::{AccountId, CalendarFeedId, GroupId, SessionId};
use crate::sessions::SessionStatus;
use crate::vocabulary;

vocabulary!(
    FeedKind {
        Member => ("member", "My groups"),
        Facilitator => ("facilitator", "Sessions I lead"),
    }
);

#[derive(Debug, Clone, PartialEq, serde::Serialize, utoipa::ToSchema)]
pub struct CalendarFeed {
    pub id: CalendarFeedId,
    pub account_id: AccountId,
    pub kind: FeedKind,
    /// Member feeds say "Group session" unless the person chose to see group names: a
    /// phone's lock screen should not announce a recovery group.
    pub show_group_names: bool,
    #[serde(skip)]
    pub token_hash: TokenHash,
    pub created_at: DateTime<Utc>,
    pub revoked_at: Option<DateTime<Utc>>,
}

/// Where a session happens, as a calendar shows it.
#[derive(Debug, Clone, PartialEq, serde::Serialize, utoipa::ToSchema)]
pub enum FeedWhere {
    /// A physical site: its name and address lines, and the room if any.
    Site { address: String },
    /// Online: the group's page, from which the live room opens.
    Online,
}

/// One session in a feed, with what a calendar entry needs.
#[derive(Debug, Clone, PartialEq, serde::Serialize, utoipa::ToSchema)]
pub struct FeedSession {
    pub session_id: SessionId,
    pub group_id: GroupId,
    pub group_name: String,
    #[schema(value_type = String)]
    pub time_zone: chrono_tz::Tz,
    pub format: Format,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub status: SessionStatus,
    pub cancel_reason: String,
    pub moved: bool,
    pub location_name: String,
    pub address: String,
    pub city: String,
    pub postcode: String,
    pub room: String,
    pub online: bool,
}

impl FeedSession {
    pub fn place(&self) -> FeedWhere {
        if self.online {
            return FeedWhere::Online;
        }
        let mut parts = vec![self.location_name.clone()];
        if !self.room.is_empty() {
            parts.push(self.room.clone());
        }
        parts.push(self.address.clone());
        let town = format!("{} {}", self.postcode, self.city).trim().to_owned();
        if !town.is_empty() {
            parts.push(town);
        }
        parts.retain(|p| !p.trim().is_empty());
        FeedWhere::Site {
            address: parts.join(", "),
        }
    }
}
