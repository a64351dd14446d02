use kindred_domain::programs::{self, Program, ProgramInput};

super::org_resource::org_resource! {
    tag: "programs",
    collection: "/api/v1/orgs/{org_id}/programs",
    item: "/api/v1/orgs/{org_id}/programs/{program_id}",
    archive: "/api/v1/orgs/{org_id}/programs/{program_id}/archive",
    id: "program_id",
    listed: Program,
    entity: Program,
    input: ProgramInput,
    use_cases: (
        programs::programs,
        programs::program,
        programs::create_program,
        programs::update_program,
        programs::archive_program
    ),
}
