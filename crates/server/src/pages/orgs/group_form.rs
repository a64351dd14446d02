//! The group form: every select and checkbox list, filled from the organization's current
//! programs, locations and staff, with the person's picks marked.

use askama::Template;
use kindred_domain::groups::{
    self, Audience, EnrollmentMode, FocusArea, Format, GroupFormOptions, GroupInput, GroupKind,
    Language, PaymentOption,
};
use kindred_domain::ids::{GroupId, OrgId};
use kindred_domain::orgs::{self, Organization};
use kindred_domain::FieldErrors;

use super::options::{records, strs, vocabulary, SelectOption};
use crate::app::AppState;
use crate::http::Auth;
use crate::pages::{form_status, render_with, Layout, PageResult};

#[derive(Template)]
#[template(path = "orgs/group_form.html")]
struct FormPage {
    layout: Layout,
    org: Organization,
    group: Option<GroupId>,
    input: GroupInput,
    errors: FieldErrors,
    choices: Choices,
}

/// Every select and checkbox list of the group form, with the person's picks marked.
struct Choices {
    programs: Vec<SelectOption>,
    locations: Vec<SelectOption>,
    leads: Vec<SelectOption>,
    co_facilitators: Vec<SelectOption>,
    kinds: Vec<SelectOption>,
    enrollments: Vec<SelectOption>,
    formats: Vec<SelectOption>,
    languages: Vec<SelectOption>,
    focus_areas: Vec<SelectOption>,
    payment_options: Vec<SelectOption>,
    audiences: Vec<SelectOption>,
}

impl Choices {
    fn new(options: &GroupFormOptions, input: &GroupInput) -> Self {
        let clinical = || {
            options
                .staff
                .iter()
                .filter(|s| s.role != kindred_domain::orgs::Role::OrgAdmin)
        };
        let staff_label =
            |s: &kindred_domain::orgs::StaffMember| format!("{} ({})", s.display_name, s.role);
        Self {
            programs: records(
                options
                    .programs
                    .iter()
                    .map(|p| (p.id.to_string(), p.name.clone())),
                std::slice::from_ref(&input.program_id),
            ),
            locations: records(
                options
                    .locations
                    .iter()
                    .map(|l| (l.id.to_string(), format!("{} ({})", l.name, l.kind))),
                std::slice::from_ref(&input.location_id),
            ),
            leads: records(
                clinical().map(|s| (s.account_id.to_string(), staff_label(s))),
                std::slice::from_ref(&input.lead_facilitator_id),
            ),
            co_facilitators: records(
                clinical().map(|s| (s.account_id.to_string(), staff_label(s))),
                &input.co_facilitator_ids,
            ),
            kinds: vocabulary::<GroupKind>(&[input.kind.as_str()]),
            enrollments: vocabulary::<EnrollmentMode>(&[input.enrollment.as_str()]),
            formats: vocabulary::<Format>(&[input.format.as_str()]),
            languages: vocabulary::<Language>(&[input.language.as_str()]),
            focus_areas: vocabulary::<FocusArea>(&strs(&input.focus_areas)),
            payment_options: vocabulary::<PaymentOption>(&strs(&input.payment_options)),
            audiences: vocabulary::<Audience>(&strs(&input.audiences)),
        }
    }
}

pub(super) async fn form_page(
    state: &AppState,
    auth: &Auth,
    org_id: OrgId,
    group: Option<GroupId>,
    input: GroupInput,
    errors: FieldErrors,
) -> PageResult {
    let org = orgs::organization_to_manage(state.store(), &auth.actor, org_id).await?;
    let options = groups::group_form_options(state.store(), &auth.actor, org_id).await?;
    let status = form_status(&errors);
    let title = if group.is_some() {
        "Edit group"
    } else {
        "New group"
    };
    let choices = Choices::new(&options, &input);
    render_with(
        status,
        FormPage {
            layout: Layout::new(auth, title),
            org,
            group,
            input,
            errors,
            choices,
        },
    )
}

/// New groups start with what most groups use, so the form asks less.
pub(super) fn new_group_defaults() -> GroupInput {
    GroupInput {
        capacity: "12".into(),
        min_size: "3".into(),
        language: "en".into(),
        time_zone: "America/New_York".into(),
        ..GroupInput::default()
    }
}
