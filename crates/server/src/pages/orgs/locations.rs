use kindred_domain::ids::LocationId;
use kindred_domain::locations::{self, Location, LocationInput, LocationKind};

use super::options::vocabulary;

super::resource::org_resource_pages! {
    segment: "locations",
    titles: ("Locations", "New location", "Edit location"),
    templates: ("orgs/locations.html", "orgs/location_form.html"),
    id: LocationId,
    entity: Location,
    input: LocationInput,
    choices: |input: &LocationInput| vocabulary::<LocationKind>(&[input.kind.as_str()]),
    use_cases: (
        locations::locations,
        locations::location,
        locations::create_location,
        locations::update_location,
        locations::archive_location
    ),
}
