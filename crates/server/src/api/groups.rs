use kindred_domain::groups::{self, Group, GroupCard, GroupInput};

super::org_resource::org_resource! {
    tag: "groups",
    collection: "/api/v1/orgs/{org_id}/groups",
    item: "/api/v1/orgs/{org_id}/groups/{group_id}",
    archive: "/api/v1/orgs/{org_id}/groups/{group_id}/archive",
    id: "group_id",
    listed: GroupCard,
    entity: Group,
    input: GroupInput,
    use_cases: (
        groups::groups_of_org,
        groups::group,
        groups::create_group,
        groups::update_group,
        groups::archive_group
    ),
}
