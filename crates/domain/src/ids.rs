//! Typed identifiers: an `OrgId` can never be passed where a `GroupId` is expected.

use std::fmt;
use std::str::FromStr;

macro_rules! typed_id {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[derive(serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
        #[serde(transparent)]
        #[schema(value_type = String, format = Uuid)]
        pub struct $name(pub uuid::Uuid);

        impl $name {
            /// A fresh random identifier.
            pub fn new() -> Self {
                Self(uuid::Uuid::new_v4())
            }
        }

        impl Default for $name {
            fn default() -> Self {
                Self::new()
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.hyphenated().fmt(f)
            }
        }

        impl FromStr for $name {
            type Err = uuid::Error;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                uuid::Uuid::parse_str(s).map(Self)
            }
        }
    };
}

typed_id!(
    /// A person's sign-in account.
    AccountId
);
typed_id!(
    /// A signed-in browser or API session.
    AuthSessionId
);
typed_id!(
    /// A personal access token for the API.
    ApiTokenId
);
typed_id!(
    /// An organization: the tenant boundary.
    OrgId
);
typed_id!(
    /// A program inside an organization.
    ProgramId
);
typed_id!(
    /// A location: a physical site or online.
    LocationId
);
typed_id!(
    /// A recurring group.
    GroupId
);
typed_id!(
    /// One occurrence of a group.
    SessionId
);
typed_id!(
    /// A person's membership of a group.
    EnrollmentId
);
typed_id!(
    /// A weekly schedule of a group, from which sessions are materialized.
    ScheduleId
);
typed_id!(
    /// A secret calendar feed of one person.
    CalendarFeedId
);
typed_id!(
    /// A person's request to join a group, in the organization's intake queue.
    RequestId
);
typed_id!(
    /// An in-app notification for one person.
    NotificationId
);
typed_id!(
    /// A plan in the technique library: built in (a fixed id) or an organization's own.
    TechniqueId
);
typed_id!(
    /// One technique attached to one session's plan.
    SessionPlanItemId
);

/// Counts the ids [`SessionId::ordered`] makes in this process, so they sort in that order.
static ORDERED_SEQUENCE: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

impl SessionId {
    /// A fresh identifier laid out as a UUID version 7: the milliseconds of `now`, then a
    /// counter of this process, then 42 random bits. Ids made one after another sort one
    /// after another, so the thousands of sessions a schedule job writes at once land at the
    /// end of the primary-key index instead of all over it (which is what makes writing a
    /// year of sessions for thousands of groups fast on both databases). Unique like any
    /// other id: two processes would need the same millisecond, counter and random bits.
    pub fn ordered(now: chrono::DateTime<chrono::Utc>) -> Self {
        let millis = u64::try_from(now.timestamp_millis())
            .unwrap_or(0)
            .min((1 << 48) - 1);
        let seq = ORDERED_SEQUENCE.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let random: u64 = rand::random();
        // 48 bits of time, version 7, the counter's upper 12 bits.
        let high = (millis << 16) | 0x7000 | ((seq >> 20) & 0x0fff);
        // Variant `10`, the counter's lower 20 bits, 42 random bits.
        let low = (0b10 << 62) | ((seq & 0x000f_ffff) << 42) | (random & ((1 << 42) - 1));
        Self(uuid::Uuid::from_u64_pair(high, low))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordered_session_ids_are_version_7_and_sort_in_the_order_made() {
        let now = chrono::DateTime::from_timestamp(1_800_000_000, 0).unwrap_or_default();
        let ids: Vec<SessionId> = (0..2_000).map(|_| SessionId::ordered(now)).collect();
        assert!(ids.windows(2).all(|w| w[0] < w[1]));
        assert!(ids.windows(2).all(|w| w[0].to_string() < w[1].to_string()));
        assert_eq!(ids[0].0.get_version_num(), 7);
        assert_eq!(ids[0].0.get_variant(), uuid::Variant::RFC4122);
        let later = SessionId::ordered(now + chrono::TimeDelta::milliseconds(1));
        assert!(ids.iter().all(|id| *id < later));
    }
}

typed_id!(
    /// One member's note from a group note: the part that goes into their chart.
    MemberNoteId
);

typed_id!(
    /// A correction added to a member note after it was signed.
    AddendumId
);

typed_id!(
    /// One chat message in a session's room.
    RoomMessageId
);

typed_id!(
    /// A safety alert that waits for a clinician's acknowledgement.
    AlertId
);
