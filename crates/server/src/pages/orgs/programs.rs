use kindred_domain::ids::ProgramId;
use kindred_domain::programs::{self, LevelOfCare, Program, ProgramInput};

use super::options::vocabulary;

super::resource::org_resource_pages! {
    segment: "programs",
    titles: ("Programs", "New program", "Edit program"),
    templates: ("orgs/programs.html", "orgs/program_form.html"),
    id: ProgramId,
    entity: Program,
    input: ProgramInput,
    choices: |input: &ProgramInput| vocabulary::<LevelOfCare>(&[input.level_of_care.as_str()]),
    use_cases: (
        programs::programs,
        programs::program,
        programs::create_program,
        programs::update_program,
        programs::archive_program
    ),
}
