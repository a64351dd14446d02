use kindred_domain::auth::Actor;
use kindred_domain::ids::ProgramId;
use kindred_domain::orgs::StaffMember;
use kindred_domain::programs::{self, can_be_on_call, LevelOfCare, Program, ProgramInput};
use kindred_domain::{Error, Store};

use super::options::{records, vocabulary, SelectOption};

super::resource::org_resource_pages! {
    segment: "programs",
    titles: ("Programs", "New program", "Edit program"),
    templates: ("orgs/programs.html", "orgs/program_form.html"),
    id: ProgramId,
    listed: ListedProgram,
    input: ProgramInput,
    choices: (ProgramChoices, choices),
    use_cases: (
        listed,
        programs::program,
        programs::create_program,
        programs::update_program,
        programs::archive_program
    ),
}

/// A program in the list, with its on-call clinician's name.
struct ListedProgram {
    program: Program,
    on_call: String,
}

/// The organization's programs, each with who takes its crisis alerts.
async fn listed(
    store: &dyn Store,
    actor: &Actor,
    org: kindred_domain::ids::OrgId,
) -> Result<Vec<ListedProgram>, Error> {
    let programs = programs::programs(store, actor, org).await?;
    let staff = kindred_domain::orgs::staff_of(store, actor, org).await?;
    Ok(programs
        .into_iter()
        .map(|program| ListedProgram {
            on_call: on_call_name(&program, &staff),
            program,
        })
        .collect())
}

fn on_call_name(program: &Program, staff: &[StaffMember]) -> String {
    let Some(id) = program.on_call_id else {
        return "No one yet".into();
    };
    // Someone since removed from the staff, or given another role, stays set until an
    // administrator picks again: the list says so, so they notice.
    staff
        .iter()
        .find(|s| s.account_id == id && can_be_on_call(s.role))
        .map_or_else(
            || "No longer a clinician or administrator here".into(),
            |s| s.display_name.clone(),
        )
}

struct ProgramChoices {
    levels: Vec<SelectOption>,
    /// The clinicians and administrators, by display name.
    on_call: Vec<SelectOption>,
}

async fn choices(
    store: &dyn Store,
    actor: &Actor,
    org: kindred_domain::ids::OrgId,
    input: &ProgramInput,
) -> Result<ProgramChoices, Error> {
    let staff = kindred_domain::orgs::staff_of(store, actor, org).await?;
    Ok(ProgramChoices {
        levels: vocabulary::<LevelOfCare>(&[input.level_of_care.as_str()]),
        on_call: records(
            staff
                .into_iter()
                .filter(|s| can_be_on_call(s.role))
                .map(|s| (s.account_id.to_string(), s.display_name)),
            std::slice::from_ref(&input.on_call_id),
        ),
    })
}
