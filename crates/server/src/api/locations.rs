use kindred_domain::locations::{self, Location, LocationInput};

super::org_resource::org_resource! {
    tag: "locations",
    collection: "/api/v1/orgs/{org_id}/locations",
    item: "/api/v1/orgs/{org_id}/locations/{location_id}",
    archive: "/api/v1/orgs/{org_id}/locations/{location_id}/archive",
    id: "location_id",
    listed: Location,
    entity: Location,
    input: LocationInput,
    use_cases: (
        locations::locations,
        locations::location,
        locations::create_location,
        locations::update_location,
        locations::archive_location
    ),
}
