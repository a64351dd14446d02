use super::rules::{lead_is_qualified, lead_requirement};
use super::{
    Audience, EnrollmentMode, Facilitator, FocusArea, Format, GroupKind, Language, PaymentOption,
};
use crate::fields::{
    choice, choices, id, lenient_string, number_in, optional_text, required_text, Choice,
};
use crate::ids::{AccountId, LocationId, ProgramId};
use crate::locations::{Location, LocationKind};
use crate::orgs::{Role, StaffMember};
use crate::programs::Program;
use crate::FieldErrors;

/// A group as typed into the form or sent to the API. Lists repeat the field in forms
/// (`focus_areas=anxiety&focus_areas=stress`) and are arrays in JSON.
#[derive(Debug, Default, Clone, serde::Deserialize, utoipa::ToSchema)]
pub struct GroupInput {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub program_id: String,
    #[serde(default)]
    pub location_id: String,
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub enrollment: String,
    #[serde(default)]
    pub format: String,
    #[serde(default, deserialize_with = "lenient_string")]
    pub capacity: String,
    #[serde(default, deserialize_with = "lenient_string")]
    pub min_size: String,
    #[serde(default)]
    pub language: String,
    #[serde(default)]
    pub time_zone: String,
    #[serde(default)]
    pub focus_areas: Vec<String>,
    #[serde(default)]
    pub payment_options: Vec<String>,
    #[serde(default)]
    pub audiences: Vec<String>,
    #[serde(default)]
    pub lead_facilitator_id: String,
    #[serde(default)]
    pub co_facilitator_ids: Vec<String>,
    /// Hours a freed seat is held for the next person waiting; blank or 0 = give it at once.
    #[serde(default, deserialize_with = "lenient_string")]
    pub offer_hours: String,
    /// Overrides the default billing code (e.g. `90853`, `H0038`); blank = the default.
    #[serde(default)]
    pub billing_code: String,
    #[serde(default)]
    pub billing_modifier: String,
}

/// The organization's current choices a group input is checked against.
pub struct GroupContext<'a> {
    pub programs: &'a [Program],
    pub locations: &'a [Location],
    pub staff: &'a [StaffMember],
}

#[derive(Debug, Clone)]
pub struct GroupSpec {
    pub name: String,
    pub description: String,
    pub program_id: ProgramId,
    pub location_id: LocationId,
    pub kind: GroupKind,
    pub enrollment: EnrollmentMode,
    pub format: Format,
    pub capacity: i32,
    pub min_size: i32,
    pub language: Language,
    pub time_zone: chrono_tz::Tz,
    pub focus_areas: Vec<FocusArea>,
    pub payment_options: Vec<PaymentOption>,
    pub audiences: Vec<Audience>,
    pub facilitators: Vec<Facilitator>,
    pub offer_hours: i32,
    pub billing_code: String,
    pub billing_modifier: String,
}

pub const MAX_CAPACITY: i32 = 200;
/// A week: longer would leave a seat empty for too long.
pub const MAX_OFFER_HOURS: i32 = 168;

impl GroupInput {
    pub fn parse(&self, ctx: &GroupContext<'_>) -> Result<GroupSpec, FieldErrors> {
        let mut e = FieldErrors::new();
        let name = required_text(&mut e, "name", &self.name, 120);
        let description = optional_text(&mut e, "description", &self.description, 4000);
        let kind: Option<GroupKind> = choice(&mut e, "kind", &self.kind);
        let enrollment: Option<EnrollmentMode> = choice(&mut e, "enrollment", &self.enrollment);
        let format: Option<Format> = choice(&mut e, "format", &self.format);
        let language: Option<Language> = choice(&mut e, "language", &self.language);
        let capacity = number_in(&mut e, "capacity", &self.capacity, 1, MAX_CAPACITY);
        let min_size = if self.min_size.trim().is_empty() {
            1
        } else {
            number_in(&mut e, "min_size", &self.min_size, 1, MAX_CAPACITY)
        };
        if e.get("capacity").is_none() && min_size > capacity {
            e.add(
                "min_size",
                "The minimum size cannot be larger than the capacity.",
            );
        }
        let time_zone = self.time_zone.trim().parse::<chrono_tz::Tz>().ok();
        if time_zone.is_none() {
            e.add("time_zone", "Choose a time zone such as America/New_York.");
        }
        let focus_areas = choices(&mut e, "focus_areas", &self.focus_areas);
        if focus_areas.is_empty() && e.get("focus_areas").is_none() {
            e.add(
                "focus_areas",
                "Choose at least one focus area so people can find the group.",
            );
        }
        let payment_options = choices(&mut e, "payment_options", &self.payment_options);
        let audiences = choices(&mut e, "audiences", &self.audiences);
        let offer_hours = if self.offer_hours.trim().is_empty() {
            0
        } else {
            number_in(&mut e, "offer_hours", &self.offer_hours, 0, MAX_OFFER_HOURS)
        };
        let (billing_code, billing_modifier) = self.billing(&mut e);
        let program_id = self.program(&mut e, ctx);
        let location_id = self.location(&mut e, ctx, format);
        let facilitators = self.facilitators(&mut e, ctx, kind);
        match (
            kind,
            enrollment,
            format,
            language,
            time_zone,
            program_id,
            location_id,
        ) {
            (
                Some(kind),
                Some(enrollment),
                Some(format),
                Some(language),
                Some(time_zone),
                Some(program_id),
                Some(location_id),
            ) if e.is_empty() => Ok(GroupSpec {
                name,
                description,
                program_id,
                location_id,
                kind,
                enrollment,
                format,
                capacity,
                min_size,
                language,
                time_zone,
                focus_areas,
                payment_options,
                audiences,
                facilitators,
                offer_hours,
                billing_code,
                billing_modifier,
            }),
            _ => Err(e),
        }
    }

    /// HCPCS/CPT codes are five letters or digits, modifiers two.
    fn billing(&self, e: &mut FieldErrors) -> (String, String) {
        let code = self.billing_code.trim().to_uppercase();
        let modifier = self.billing_modifier.trim().to_uppercase();
        let well_formed =
            |s: &str, len: usize| s.len() == len && s.chars().all(|c| c.is_ascii_alphanumeric());
        if !code.is_empty() && !well_formed(&code, 5) {
            e.add(
                "billing_code",
                "A billing code has five letters or digits, such as 90853 or H0038.",
            );
        }
        if !modifier.is_empty() && !well_formed(&modifier, 2) {
            e.add(
                "billing_modifier",
                "A modifier has two letters or digits, such as HQ.",
            );
        } else if !modifier.is_empty() && code.is_empty() {
            e.add(
                "billing_modifier",
                "A modifier needs a billing code; leave both blank for the default.",
            );
        }
        (code, modifier)
    }

    fn program(&self, e: &mut FieldErrors, ctx: &GroupContext<'_>) -> Option<ProgramId> {
        let wanted: ProgramId = id(e, "program_id", &self.program_id)?;
        let found = ctx
            .programs
            .iter()
            .any(|p| p.id == wanted && p.archived_at.is_none());
        if !found {
            e.add(
                "program_id",
                "Choose one of this organization's current programs.",
            );
        }
        found.then_some(wanted)
    }

    /// In-person and hybrid groups meet at a physical site; online groups at the online location.
    fn location(
        &self,
        e: &mut FieldErrors,
        ctx: &GroupContext<'_>,
        format: Option<Format>,
    ) -> Option<LocationId> {
        let wanted: LocationId = id(e, "location_id", &self.location_id)?;
        let Some(location) = ctx
            .locations
            .iter()
            .find(|l| l.id == wanted && l.archived_at.is_none())
        else {
            e.add(
                "location_id",
                "Choose one of this organization's current locations.",
            );
            return None;
        };
        match (format, location.kind) {
            (Some(Format::InPerson | Format::Hybrid), LocationKind::Online) => {
                e.add(
                    "location_id",
                    "An in-person or hybrid group needs a physical location.",
                );
                None
            }
            (Some(Format::Online), LocationKind::Physical) => {
                e.add("location_id", "An online group needs an online location.");
                None
            }
            _ => Some(wanted),
        }
    }

    fn facilitators(
        &self,
        e: &mut FieldErrors,
        ctx: &GroupContext<'_>,
        kind: Option<GroupKind>,
    ) -> Vec<Facilitator> {
        let mut facilitators = Vec::new();
        if let Some(lead_id) = id::<AccountId>(e, "lead_facilitator_id", &self.lead_facilitator_id)
        {
            match ctx.staff.iter().find(|s| s.account_id == lead_id) {
                None => e.add(
                    "lead_facilitator_id",
                    "Choose a staff member of this organization.",
                ),
                Some(lead) => {
                    if let Some(kind) = kind {
                        if !lead_is_qualified(kind, lead.role) {
                            e.add("lead_facilitator_id", lead_requirement(kind));
                        }
                    }
                    facilitators.push(facilitator(lead, true));
                }
            }
        }
        for raw in &self.co_facilitator_ids {
            let Ok(co_id) = raw.trim().parse::<AccountId>() else {
                e.add("co_facilitator_ids", "This is not one of the options.");
                continue;
            };
            if facilitators.iter().any(|f| f.account_id == co_id) {
                continue;
            }
            match ctx.staff.iter().find(|s| s.account_id == co_id) {
                Some(s) if s.role != Role::OrgAdmin => facilitators.push(facilitator(s, false)),
                Some(_) => e.add(
                    "co_facilitator_ids",
                    "Co-facilitators are clinicians or peer specialists.",
                ),
                None => e.add(
                    "co_facilitator_ids",
                    "Choose staff members of this organization.",
                ),
            }
        }
        facilitators
    }
}

fn facilitator(staff: &StaffMember, lead: bool) -> Facilitator {
    Facilitator {
        account_id: staff.account_id,
        display_name: staff.display_name.clone(),
        role: staff.role,
        lead,
    }
}

impl From<&super::Group> for GroupInput {
    fn from(g: &super::Group) -> Self {
        fn codes<T: Choice>(values: &[T]) -> Vec<String> {
            values.iter().map(|v| v.code().to_owned()).collect()
        }
        Self {
            name: g.name.clone(),
            description: g.description.clone(),
            program_id: g.program_id.to_string(),
            location_id: g.location_id.to_string(),
            kind: g.kind.code().into(),
            enrollment: g.enrollment.code().into(),
            format: g.format.code().into(),
            capacity: g.capacity.to_string(),
            min_size: g.min_size.to_string(),
            language: g.language.code().into(),
            time_zone: g.time_zone.name().into(),
            focus_areas: codes(&g.focus_areas),
            payment_options: codes(&g.payment_options),
            audiences: codes(&g.audiences),
            lead_facilitator_id: g
                .lead()
                .map(|f| f.account_id.to_string())
                .unwrap_or_default(),
            co_facilitator_ids: g
                .facilitators
                .iter()
                .filter(|f| !f.lead)
                .map(|f| f.account_id.to_string())
                .collect(),
            offer_hours: g.offer_hours.to_string(),
            billing_code: g.billing_code.clone(),
            billing_modifier: g.billing_modifier.clone(),
        }
    }
}
