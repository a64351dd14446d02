//! One group as the directory finds it, and a page of results with the reasons each fits.

use chrono::NaiveTime;

use super::vocab::{Day, Led, TimeOfDay};
use crate::fields::Choice;
use crate::groups::{
    Audience, EnrollmentMode, FocusArea, Format, GroupKind, Language, PaymentOption,
};
use crate::ids::GroupId;
use crate::programs::LevelOfCare;

/// A listed group with what the directory filters and ranks on.
#[derive(Debug, Clone, PartialEq, serde::Serialize, utoipa::ToSchema)]
pub struct DirectoryHit {
    pub id: GroupId,
    pub name: String,
    pub description: String,
    pub org_name: String,
    pub program_name: String,
    pub location_name: String,
    /// The location's city ("" for online groups).
    pub city: String,
    pub kind: GroupKind,
    /// `None` when the group has no lead yet.
    pub led: Option<Led>,
    pub format: Format,
    pub enrollment: EnrollmentMode,
    pub language: Language,
    pub level_of_care: LevelOfCare,
    pub capacity: i32,
    pub active_members: i32,
    pub focus_areas: Vec<FocusArea>,
    pub payment_options: Vec<PaymentOption>,
    pub audiences: Vec<Audience>,
    /// Days its active schedules meet on, Monday first.
    pub days: Vec<Day>,
    pub times: Vec<TimeOfDay>,
    /// From the place searched around, when one was given and the group has coordinates.
    pub distance_km: Option<f64>,
}

impl DirectoryHit {
    /// Seats open = capacity − active members.
    pub fn seats_open(&self) -> i32 {
        (self.capacity - self.active_members).max(0)
    }
}

/// One result: the group and why it fits.
#[derive(Debug, Clone, PartialEq, serde::Serialize, utoipa::ToSchema)]
pub struct DirectoryResult {
    #[serde(flatten)]
    pub group: DirectoryHit,
    pub seats_open: i32,
    /// Short phrases: "evening", "online", "peer-led", "3 seats open", "4.2 km", …
    pub reasons: Vec<String>,
}

/// A page of results.
#[derive(Debug, Clone, PartialEq, serde::Serialize, utoipa::ToSchema)]
pub struct DirectoryPage {
    pub results: Vec<DirectoryResult>,
    pub page: u32,
    pub has_next: bool,
    /// The search as a query string without the page, for links and bookmarks.
    pub query: String,
    /// The place distances are measured from, when one was given.
    pub place: Option<super::Place>,
    pub within_km: Option<f64>,
}

/// Times of day of one schedule, from its local start time and days (the group's own time
/// zone): morning before 12:00, afternoon 12:00–17:00, evening from 17:00; weekend when it
/// meets on Saturday or Sunday. The store computes the same rule in SQL; its directory story
/// checks both agree at every boundary.
pub fn times_of_day(days: &[Day], start: NaiveTime) -> Vec<TimeOfDay> {
    let noon = NaiveTime::from_hms_opt(12, 0, 0).unwrap_or_default();
    let five = NaiveTime::from_hms_opt(17, 0, 0).unwrap_or_default();
    let mut out = vec![if start < noon {
        TimeOfDay::Morning
    } else if start < five {
        TimeOfDay::Afternoon
    } else {
        TimeOfDay::Evening
    }];
    if days.iter().any(|d| matches!(d, Day::Sat | Day::Sun)) {
        out.push(TimeOfDay::Weekend);
    }
    out
}

/// "in person", "online", "in person or online".
pub fn format_words(format: Format) -> &'static str {
    match format {
        Format::InPerson => "in person",
        Format::Online => "online",
        Format::Hybrid => "in person or online",
    }
}

pub(super) fn lower(label: &str) -> String {
    let mut chars = label.chars();
    match chars.next() {
        Some(first) if !label.starts_with("LGBTQ") => {
            first.to_lowercase().collect::<String>() + chars.as_str()
        }
        _ => label.to_owned(),
    }
}

pub(super) fn label<T: Choice>(value: T) -> &'static str {
    value.label()
}
