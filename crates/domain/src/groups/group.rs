use chrono::{DateTime, Utc};

use super::{Audience, EnrollmentMode, FocusArea, Format, GroupKind, Language, PaymentOption};
use crate::ids::{AccountId, GroupId, LocationId, OrgId, ProgramId};
use crate::orgs::Role;

#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct Group {
    pub id: GroupId,
    pub org_id: OrgId,
    pub program_id: ProgramId,
    pub location_id: LocationId,
    pub name: String,
    pub description: String,
    pub kind: GroupKind,
    pub enrollment: EnrollmentMode,
    pub format: Format,
    pub capacity: i32,
    pub min_size: i32,
    pub language: Language,
    /// IANA time zone in which the group's schedule is kept.
    #[schema(value_type = String, example = "America/New_York")]
    pub time_zone: chrono_tz::Tz,
    pub focus_areas: Vec<FocusArea>,
    pub payment_options: Vec<PaymentOption>,
    pub audiences: Vec<Audience>,
    pub facilitators: Vec<Facilitator>,
    /// 0: a freed seat goes to the next person waiting at once; otherwise it is offered to
    /// them for this many hours.
    pub offer_hours: i32,
    /// The organization's billing code for this group, replacing the default for its kind
    /// ("" = the default).
    pub billing_code: String,
    pub billing_modifier: String,
    pub created_at: DateTime<Utc>,
    pub archived_at: Option<DateTime<Utc>>,
}

/// A staff member assigned to lead or co-lead a group.
#[derive(Debug, Clone, PartialEq, serde::Serialize, utoipa::ToSchema)]
pub struct Facilitator {
    pub account_id: AccountId,
    pub display_name: String,
    pub role: Role,
    pub lead: bool,
}

impl Group {
    pub fn lead(&self) -> Option<&Facilitator> {
        self.facilitators.iter().find(|f| f.lead)
    }

    /// Whether people should read this as peer-led or therapist-led.
    pub fn led_by_peer(&self) -> bool {
        self.lead().is_some_and(|f| f.role == Role::PeerSpecialist)
    }
}

/// A group in a list: enough to choose one and see if there is room.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct GroupCard {
    pub id: GroupId,
    pub org_id: OrgId,
    pub org_name: String,
    pub program_name: String,
    pub location_name: String,
    pub name: String,
    pub kind: GroupKind,
    pub enrollment: EnrollmentMode,
    pub format: Format,
    pub capacity: i32,
    pub active_members: i32,
    pub lead_role: Option<Role>,
    /// The group's time zone: session times are shown in it.
    #[schema(value_type = String, example = "America/New_York")]
    pub time_zone: chrono_tz::Tz,
    pub archived: bool,
}

impl GroupCard {
    pub fn seats_open(&self) -> i32 {
        (self.capacity - self.active_members).max(0)
    }

    pub fn led_by_peer(&self) -> bool {
        self.lead_role == Some(Role::PeerSpecialist)
    }
}
