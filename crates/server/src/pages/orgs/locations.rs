use kindred_domain::auth::Actor;
use kindred_domain::ids::LocationId;
use kindred_domain::locations::{self, Location, LocationInput, LocationKind};
use kindred_domain::{Error, Store};

use super::options::{vocabulary, SelectOption};

super::resource::org_resource_pages! {
    segment: "locations",
    titles: ("Locations", "New location", "Edit location"),
    templates: ("orgs/locations.html", "orgs/location_form.html"),
    id: LocationId,
    listed: Location,
    input: LocationInput,
    choices: (Vec<SelectOption>, choices),
    use_cases: (
        locations::locations,
        locations::location,
        locations::create_location,
        locations::update_location,
        locations::archive_location
    ),
}

/// The kinds of location; nothing of the organization's is needed.
async fn choices(
    _: &dyn Store,
    _: &Actor,
    _: kindred_domain::ids::OrgId,
    input: &LocationInput,
) -> Result<Vec<SelectOption>, Error> {
    Ok(vocabulary::<LocationKind>(&[input.kind.as_str()]))
}
