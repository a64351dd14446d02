//! The shape of one demo organization and its groups, written as data by `clinic*.rs` and
//! `recovery*.rs` and carried out by `mod.rs`.

use chrono::Weekday;
use kindred_domain::auth::Actor;
use kindred_domain::enrollments::EnrollmentStatus;
use kindred_domain::fields::Choice;
use kindred_domain::groups::{
    Audience, EnrollmentMode, FocusArea, Format, GroupInput, GroupKind, Language, PaymentOption,
};
use kindred_domain::ids::{AccountId, LocationId, ProgramId};
use kindred_domain::orgs::Organization;

use super::DemoAccount;

/// Both demo organizations are on the US East Coast.
pub(super) const TIME_ZONE: &str = "America/New_York";

/// An organization after its staff, programs and locations exist, with the groups to create.
pub(super) struct Site {
    pub org: Organization,
    /// The organization's administrator, who creates the groups.
    pub admin: Actor,
    pub staff: Vec<DemoAccount>,
    pub groups: Vec<GroupPlan>,
}

/// When a group meets, in the group's time zone.
pub(super) struct Meeting {
    pub days: &'static [Weekday],
    pub hour: u32,
    pub minute: u32,
    pub minutes: i64,
    /// Cancel the first upcoming session, so members see how a cancellation looks.
    pub cancel_next: bool,
}

/// Who is in a group. Other members are taken in order from `offset` in the member list
/// (after `member@`), so different groups get different but overlapping people.
pub(super) struct Roster {
    /// Where `member@demo.kindred.test` stands in this group, if anywhere.
    pub headline: Option<EnrollmentStatus>,
    pub offset: usize,
    pub active: usize,
    pub waitlisted: usize,
    pub requested: usize,
}

/// One group as an administrator would type it, plus its meetings and members.
pub(super) struct GroupPlan {
    pub name: &'static str,
    pub description: &'static str,
    pub program: ProgramId,
    pub location: LocationId,
    pub kind: GroupKind,
    pub enrollment: EnrollmentMode,
    pub format: Format,
    pub capacity: i32,
    pub min_size: i32,
    pub language: Language,
    pub focus_areas: &'static [FocusArea],
    pub payment_options: &'static [PaymentOption],
    pub audiences: &'static [Audience],
    pub lead: AccountId,
    pub co_facilitators: Vec<AccountId>,
    pub meeting: Meeting,
    pub roster: Roster,
}

impl GroupPlan {
    /// The form input for `create_group`: the demo passes through the same parsing as a person.
    pub fn input(&self) -> GroupInput {
        GroupInput {
            name: self.name.to_owned(),
            description: self.description.to_owned(),
            program_id: self.program.to_string(),
            location_id: self.location.to_string(),
            kind: self.kind.code().to_owned(),
            enrollment: self.enrollment.code().to_owned(),
            format: self.format.code().to_owned(),
            capacity: self.capacity.to_string(),
            min_size: self.min_size.to_string(),
            language: self.language.code().to_owned(),
            time_zone: TIME_ZONE.to_owned(),
            focus_areas: codes(self.focus_areas),
            payment_options: codes(self.payment_options),
            audiences: codes(self.audiences),
            lead_facilitator_id: self.lead.to_string(),
            co_facilitator_ids: self
                .co_facilitators
                .iter()
                .map(ToString::to_string)
                .collect(),
            ..GroupInput::default()
        }
    }
}

fn codes<T: Choice>(values: &[T]) -> Vec<String> {
    values.iter().map(|v| v.code().to_owned()).collect()
}
