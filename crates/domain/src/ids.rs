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
