use chrono::{DateTime, Utc};

use crate::fields::{choice, lenient_string, optional_text, required_text, Choice};
use crate::ids::{LocationId, OrgId};
use crate::{vocabulary, FieldErrors};

vocabulary!(
    LocationKind {
        Physical => ("physical", "A physical site"),
        Online => ("online", "Online"),
    }
);

#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct Location {
    pub id: LocationId,
    pub org_id: OrgId,
    pub name: String,
    pub kind: LocationKind,
    pub address: String,
    pub city: String,
    pub postcode: String,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub created_at: DateTime<Utc>,
    pub archived_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Default, Clone, serde::Deserialize, utoipa::ToSchema)]
pub struct LocationInput {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub address: String,
    #[serde(default)]
    pub city: String,
    #[serde(default)]
    pub postcode: String,
    /// Decimal degrees, -90 to 90.
    #[serde(default, deserialize_with = "lenient_string")]
    pub latitude: String,
    /// Decimal degrees, -180 to 180.
    #[serde(default, deserialize_with = "lenient_string")]
    pub longitude: String,
}

#[derive(Debug, Clone)]
pub struct LocationSpec {
    pub name: String,
    pub kind: LocationKind,
    pub address: String,
    pub city: String,
    pub postcode: String,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
}

impl LocationInput {
    /// A physical site needs an address and city so people can get there; coordinates are
    /// optional but come as a pair. An online location has neither.
    pub fn parse(&self) -> Result<LocationSpec, FieldErrors> {
        let mut errors = FieldErrors::new();
        let name = required_text(&mut errors, "name", &self.name, 120);
        let kind = choice(&mut errors, "kind", &self.kind);
        let mut spec = LocationSpec {
            name,
            kind: kind.unwrap_or(LocationKind::Online),
            address: String::new(),
            city: String::new(),
            postcode: String::new(),
            latitude: None,
            longitude: None,
        };
        if kind == Some(LocationKind::Physical) {
            spec.address = required_text(&mut errors, "address", &self.address, 200);
            spec.city = required_text(&mut errors, "city", &self.city, 100);
            spec.postcode = optional_text(&mut errors, "postcode", &self.postcode, 20);
            spec.latitude = coordinate(&mut errors, "latitude", &self.latitude, 90.0);
            spec.longitude = coordinate(&mut errors, "longitude", &self.longitude, 180.0);
            if spec.latitude.is_some() != spec.longitude.is_some() && errors.is_empty() {
                let missing = if spec.latitude.is_none() {
                    "latitude"
                } else {
                    "longitude"
                };
                errors.add(missing, "Enter both latitude and longitude, or neither.");
            }
        }
        if errors.is_empty() {
            Ok(spec)
        } else {
            Err(errors)
        }
    }
}

fn coordinate(errors: &mut FieldErrors, field: &str, raw: &str, limit: f64) -> Option<f64> {
    let raw = raw.trim();
    if raw.is_empty() {
        return None;
    }
    match raw.parse::<f64>() {
        Ok(v) if v.is_finite() && v.abs() <= limit => Some(v),
        _ => {
            errors.add(
                field,
                format!("Enter decimal degrees from -{limit} to {limit}, like 40.7128."),
            );
            None
        }
    }
}

impl LocationSpec {
    /// Writes the parsed fields over a location, keeping its identity and history.
    pub fn apply(self, location: Location) -> Location {
        Location {
            name: self.name,
            kind: self.kind,
            address: self.address,
            city: self.city,
            postcode: self.postcode,
            latitude: self.latitude,
            longitude: self.longitude,
            ..location
        }
    }

    pub fn into_new(self, org_id: OrgId, now: DateTime<Utc>) -> Location {
        self.apply(Location {
            id: LocationId::new(),
            org_id,
            name: String::new(),
            kind: LocationKind::Online,
            address: String::new(),
            city: String::new(),
            postcode: String::new(),
            latitude: None,
            longitude: None,
            created_at: now,
            archived_at: None,
        })
    }
}

impl From<&Location> for LocationInput {
    fn from(l: &Location) -> Self {
        Self {
            name: l.name.clone(),
            kind: l.kind.code().to_owned(),
            address: l.address.clone(),
            city: l.city.clone(),
            postcode: l.postcode.clone(),
            latitude: l.latitude.map(|v| v.to_string()).unwrap_or_default(),
            longitude: l.longitude.map(|v| v.to_string()).unwrap_or_default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn physical_sites_need_an_address_and_paired_coordinates() {
        let input = LocationInput {
            name: "Main".into(),
            kind: "physical".into(),
            latitude: "40.7".into(),
            ..Default::default()
        };
        let errors = input.parse().unwrap_err();
        assert!(errors.get("address").is_some());
        assert!(errors.get("city").is_some());
        let input = LocationInput {
            name: "Main".into(),
            kind: "physical".into(),
            address: "1 Main St".into(),
            city: "Springfield".into(),
            latitude: "40.7".into(),
            ..Default::default()
        };
        assert_eq!(
            input.parse().unwrap_err().get("longitude"),
            Some("Enter both latitude and longitude, or neither.")
        );
    }

    #[test]
    fn online_needs_only_a_name() {
        let input = LocationInput {
            name: "Online".into(),
            kind: "online".into(),
            address: "ignored".into(),
            ..Default::default()
        };
        let spec = input.parse().unwrap();
        assert_eq!(spec.kind, LocationKind::Online);
        assert!(spec.address.is_empty());
    }
}
