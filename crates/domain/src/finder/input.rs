//! The directory's query string as people and programs send it, parsed into a
//! [`DirectoryQuery`] or messages naming each parameter that is wrong.
//!
//! Parameters: `q`, `focus`*, `led`, `format`*, `day`*, `time`*, `language`, `payment`*,
//! `audience`*, `care`*, `seats`, `near` or `lat` + `lon`, `within`, `page`. Those marked *
//! repeat (`focus=a&focus=b`, as checkbox forms send them) and take comma lists (`focus=a,b`).
//! Empty values count as absent, so a form sent with blank fields is a plain search.

use super::geo::{Gazetteer, Place};
use super::query::{DirectoryQuery, TextQuery};
use super::vocab::Day;
use crate::fields::{choice, choices, Choice};
use crate::groups::{Audience, FocusArea, Format, Language, PaymentOption};
use crate::programs::LevelOfCare;
use crate::FieldErrors;

/// Every parameter the directory understands, in the order links are written.
pub const PARAMETERS: [&str; 16] = [
    "q", "focus", "led", "format", "day", "time", "language", "payment", "audience", "care",
    "seats", "near", "lat", "lon", "within", "page",
];

const REPEATABLE: [&str; 7] = [
    "focus", "format", "day", "time", "payment", "audience", "care",
];

/// Distance used when a place is given without `within`, in kilometres.
pub const DEFAULT_WITHIN_KM: f64 = 40.0;
pub const MAX_WITHIN_KM: f64 = 500.0;
/// Results per page.
pub const PAGE_SIZE: u32 = 20;
pub const MAX_PAGE: u32 = 500;
const MAX_UNKNOWN_REPORTED: usize = 10;

/// The raw query: name/value pairs in the order they came.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DirectoryInput {
    pairs: Vec<(String, String)>,
}

impl DirectoryInput {
    pub fn from_pairs(pairs: Vec<(String, String)>) -> Self {
        DirectoryInput { pairs }
    }

    /// Values of one parameter; repeatable ones split at commas. Blank values are dropped.
    fn values(&self, name: &str) -> Vec<String> {
        let split = REPEATABLE.contains(&name);
        let mut out = Vec::new();
        for (key, value) in &self.pairs {
            if key != name {
                continue;
            }
            if split {
                out.extend(
                    value
                        .split(',')
                        .map(str::trim)
                        .filter(|v| !v.is_empty())
                        .map(str::to_owned),
                );
            } else if !value.trim().is_empty() {
                out.push(value.trim().to_owned());
            }
        }
        out
    }

    /// One value of a parameter that takes one; repeating it with another value is an error.
    fn single(&self, errors: &mut FieldErrors, name: &str) -> Option<String> {
        let mut values = self.values(name);
        values.dedup();
        if values.len() > 1 {
            errors.add(name, "Give this only once.");
        }
        values.into_iter().next()
    }

    /// Parses and checks every parameter; `places` turns `near` into a position.
    pub fn parse(&self, places: &dyn Gazetteer) -> Result<DirectoryQuery, FieldErrors> {
        let mut errors = FieldErrors::new();
        let mut unknown = 0;
        for (key, _) in &self.pairs {
            if !PARAMETERS.contains(&key.as_str()) && errors.get(key).is_none() {
                unknown += 1;
                if unknown <= MAX_UNKNOWN_REPORTED {
                    let key: String = key.chars().take(40).collect();
                    errors.add(
                        &key,
                        format!(
                            "Unknown filter \"{key}\"; use any of: {}.",
                            PARAMETERS.join(", ")
                        ),
                    );
                }
            }
        }

        let text = self
            .single(&mut errors, "q")
            .and_then(|q| TextQuery::parse(&mut errors, "q", &q));
        let focus = choices::<FocusArea>(&mut errors, "focus", &self.values("focus"));
        let led = self
            .single(&mut errors, "led")
            .and_then(|v| choice(&mut errors, "led", &v));
        let formats = choices::<Format>(&mut errors, "format", &self.values("format"));
        let days = choices::<Day>(&mut errors, "day", &self.values("day"));
        let times = choices(&mut errors, "time", &self.values("time"));
        let language = self
            .single(&mut errors, "language")
            .and_then(|v| choice::<Language>(&mut errors, "language", &v));
        let payments = choices::<PaymentOption>(&mut errors, "payment", &self.values("payment"));
        let audiences = choices::<Audience>(&mut errors, "audience", &self.values("audience"));
        let care = choices::<LevelOfCare>(&mut errors, "care", &self.values("care"));
        let seats = self
            .single(&mut errors, "seats")
            .and_then(|v| choice(&mut errors, "seats", &v));
        let (place, near) = self.place(&mut errors, places);
        let within_km = match self.single(&mut errors, "within") {
            None => DEFAULT_WITHIN_KM,
            Some(raw) => match raw.parse::<f64>() {
                Ok(km) if km.is_finite() && (1.0..=MAX_WITHIN_KM).contains(&km) => km,
                _ => {
                    errors.add(
                        "within",
                        format!("Enter a distance in kilometres from 1 to {MAX_WITHIN_KM}."),
                    );
                    DEFAULT_WITHIN_KM
                }
            },
        };
        let page = match self.single(&mut errors, "page") {
            None => 1,
            Some(raw) => match raw.parse::<u32>() {
                Ok(n) if (1..=MAX_PAGE).contains(&n) => n,
                _ => {
                    errors.add("page", format!("Enter a page number from 1 to {MAX_PAGE}."));
                    1
                }
            },
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(DirectoryQuery {
            text,
            focus,
            led,
            formats,
            days,
            times,
            language,
            payments,
            audiences,
            care,
            seats,
            place,
            near,
            within_km,
            page,
        })
    }

    /// `lat` + `lon` (typed, or filled in by the browser) win over `near`.
    /// The place and, when it came from `near`, the words typed.
    fn place(
        &self,
        errors: &mut FieldErrors,
        places: &dyn Gazetteer,
    ) -> (Option<Place>, Option<String>) {
        let lat = self.single(errors, "lat");
        let lon = self.single(errors, "lon");
        match (lat, lon) {
            (Some(lat), Some(lon)) => {
                let lat = degrees(errors, "lat", &lat, 90.0);
                let lon = degrees(errors, "lon", &lon, 180.0);
                let place = lat.zip(lon).map(|(latitude, longitude)| Place {
                    latitude,
                    longitude,
                    label: "your position".into(),
                });
                (place, None)
            }
            (Some(_), None) => {
                errors.add("lon", "Enter both lat and lon, or neither.");
                (None, None)
            }
            (None, Some(_)) => {
                errors.add("lat", "Enter both lat and lon, or neither.");
                (None, None)
            }
            (None, None) => {
                let Some(near) = self.single(errors, "near") else {
                    return (None, None);
                };
                if near.chars().count() > 100 {
                    errors.add("near", "Use at most 100 characters.");
                    return (None, None);
                }
                let found = places.locate(&near);
                if found.is_none() {
                    let shown: String = near.chars().take(40).collect();
                    errors.add(
                        "near",
                        format!(
                            "We could not find \"{shown}\". Try a US ZIP code like 06106, or a \
                             city and state like \"Hartford, CT\"."
                        ),
                    );
                }
                (found, Some(near))
            }
        }
    }
}

fn degrees(errors: &mut FieldErrors, field: &str, raw: &str, limit: f64) -> Option<f64> {
    match raw.parse::<f64>() {
        Ok(v) if v.is_finite() && v.abs() <= limit => Some(v),
        _ => {
            errors.add(
                field,
                format!("Enter decimal degrees from -{limit} to {limit}, like 41.76."),
            );
            None
        }
    }
}

/// Codes of a list, for links.
pub(super) fn codes<T: Choice>(values: &[T]) -> String {
    values
        .iter()
        .map(|v| v.code())
        .collect::<Vec<_>>()
        .join(",")
}
