//! The gazetteer behind the directory's "near": US ZIP codes and cities to coordinates.
//!
//! Data: the `zipcodes` crate (MIT) embeds a US ZIP code table whose coordinates come from
//! GeoNames postal data (CC BY 4.0, attribution on the page that uses it), city names from
//! the USPS ZIP Locale Detail file (public domain) and the rest from unitedstateszipcodes.org.
//! It is parsed once, on first use (the server warms it at start-up), into two maps:
//! ZIP code → point, and "city, state" → the mean point of the city's ZIP codes.

use std::collections::HashMap;
use std::sync::LazyLock;

use kindred_domain::finder::{Gazetteer, Place};

/// One point and the words shown for it.
#[derive(Debug, Clone)]
struct Point {
    latitude: f64,
    longitude: f64,
    label: String,
}

/// The lookup tables.
pub struct UsPlaces {
    zips: HashMap<String, Point>,
    /// Key: "hartford|ct".
    cities: HashMap<String, Point>,
    /// Key: "hartford" → the city of that name with the most ZIP codes.
    city_names: HashMap<String, Point>,
}

static PLACES: LazyLock<UsPlaces> = LazyLock::new(UsPlaces::load);

/// The process's gazetteer, built on first use.
pub fn gazetteer() -> &'static UsPlaces {
    &PLACES
}

/// Builds the tables now (about a tenth of a second), so the first search does not wait.
pub fn warm() {
    LazyLock::force(&PLACES);
}

/// Lower case, single spaces, no dots: "St. Louis" → "st louis".
fn normal(text: &str) -> String {
    text.replace('.', "")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

impl UsPlaces {
    fn load() -> UsPlaces {
        // (sum lat, sum lon, count, label) per city.
        let mut sums: HashMap<String, (f64, f64, u32, String)> = HashMap::new();
        let mut zips = HashMap::new();
        for z in zipcodes::database() {
            let (Ok(latitude), Ok(longitude)) = (z.lat.parse::<f64>(), z.long.parse::<f64>())
            else {
                continue;
            };
            if !latitude.is_finite() || !longitude.is_finite() {
                continue;
            }
            let city_label = format!("{}, {}", title(&z.city), z.state);
            zips.insert(
                z.zip_code.clone(),
                Point {
                    latitude,
                    longitude,
                    label: format!("{} ({city_label})", z.zip_code),
                },
            );
            if !z.active {
                continue;
            }
            let key = format!("{}|{}", normal(&z.city), z.state.to_lowercase());
            let entry = sums.entry(key).or_insert((0.0, 0.0, 0, city_label));
            entry.0 += latitude;
            entry.1 += longitude;
            entry.2 += 1;
        }
        let mut cities = HashMap::new();
        let mut biggest: HashMap<String, (u32, Point)> = HashMap::new();
        for (key, (lat, lon, n, label)) in sums {
            let point = Point {
                latitude: lat / f64::from(n),
                longitude: lon / f64::from(n),
                label,
            };
            let name = key.split('|').next().unwrap_or_default().to_owned();
            let keep = biggest.get(&name).is_none_or(|(count, _)| n > *count);
            if keep {
                biggest.insert(name, (n, point.clone()));
            }
            cities.insert(key, point);
        }
        UsPlaces {
            zips,
            cities,
            city_names: biggest.into_iter().map(|(k, (_, p))| (k, p)).collect(),
        }
    }

    fn find(&self, text: &str) -> Option<&Point> {
        let text = text.trim();
        // A ZIP code, or ZIP+4.
        let digits: String = text.chars().take_while(char::is_ascii_digit).collect();
        if digits.len() == 5 && (text.len() == 5 || text[5..].trim_start_matches('-').len() == 4) {
            return self.zips.get(&digits);
        }
        let wanted = normal(text);
        // "city, ST" or "city ST".
        let (city, state) = match wanted.rsplit_once(',') {
            Some((city, state)) => (city.trim().to_owned(), Some(state.trim().to_owned())),
            None => match wanted.rsplit_once(' ') {
                Some((city, state)) if state.len() == 2 => {
                    (city.trim().to_owned(), Some(state.to_owned()))
                }
                _ => (wanted.clone(), None),
            },
        };
        match state {
            Some(state) if state.len() == 2 => self
                .cities
                .get(&format!("{city}|{state}"))
                // "Hartford CT" could also be a city called "Hartford Ct".
                .or_else(|| self.city_names.get(&wanted)),
            _ => self.city_names.get(&city),
        }
    }
}

impl Gazetteer for UsPlaces {
    fn locate(&self, text: &str) -> Option<Place> {
        self.find(text).map(|p| Place {
            latitude: p.latitude,
            longitude: p.longitude,
            label: p.label.clone(),
        })
    }
}

/// "NEW HAVEN" → "New Haven" (the data's city names are in capitals in places).
fn title(city: &str) -> String {
    if city.chars().any(char::is_lowercase) {
        return city.to_owned();
    }
    city.split(' ')
        .map(|w| {
            let mut chars = w.chars();
            match chars.next() {
                Some(first) => first.to_string() + &chars.as_str().to_lowercase(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
#[allow(clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_clinics_places_are_found_by_city_and_zip_code() {
        let places = gazetteer();
        for text in ["06106", "Hartford, CT", "hartford ct", "06106-1234"] {
            let p = places
                .locate(text)
                .unwrap_or_else(|| panic!("{text} not found"));
            assert!((p.latitude - 41.76).abs() < 0.1, "{text}: {p:?}");
            assert!((p.longitude + 72.68).abs() < 0.1, "{text}: {p:?}");
        }
        for text in ["06511", "New Haven, CT", "New Haven"] {
            let p = places
                .locate(text)
                .unwrap_or_else(|| panic!("{text} not found"));
            assert!((p.latitude - 41.31).abs() < 0.1, "{text}: {p:?}");
        }
        assert_eq!(
            places.locate("Hartford, CT").map(|p| p.label).as_deref(),
            Some("Hartford, CT")
        );
        assert!(places.locate("Atlantis").is_none());
        assert!(places.locate("00000").is_none());
        assert!(places.locate("0610").is_none());
    }
}
