//! Why a result fits: short phrases from what was asked and what the group offers.

use super::hit::{format_words, label, lower, DirectoryHit};
use super::query::DirectoryQuery;
use super::vocab::{Led, TimeOfDay};
use crate::fields::Choice;

/// The phrases, most useful first: distance, what the person asked for that the group
/// matches, then who leads it, its format and whether there is room.
pub fn reasons(hit: &DirectoryHit, query: &DirectoryQuery) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(km) = hit.distance_km {
        out.push(distance(km));
    }
    if let Some(text) = &query.text {
        let words = text.terms.join(" ");
        out.push(format!("matches \"{words}\""));
    }
    for focus in hit.focus_areas.iter().filter(|f| query.focus.contains(f)) {
        out.push(lower(label(*focus)));
    }
    let times: Vec<TimeOfDay> = if query.times.is_empty() {
        hit.times.clone()
    } else {
        hit.times
            .iter()
            .copied()
            .filter(|t| query.times.contains(t))
            .collect()
    };
    out.extend(times.into_iter().map(|t| t.code().to_owned()));
    for day in hit.days.iter().filter(|d| query.days.contains(d)) {
        out.push(format!("meets {}", label(*day)));
    }
    match hit.led {
        Some(Led::Peer) => out.push("peer-led".into()),
        Some(Led::Clinician) => out.push("therapist-led".into()),
        None => {}
    }
    out.push(format_words(hit.format).to_owned());
    if query.language.is_some() {
        out.push(format!("in {}", label(hit.language)));
    }
    for payment in hit
        .payment_options
        .iter()
        .filter(|p| query.payments.contains(p))
    {
        out.push(format!("takes {}", label(*payment)));
    }
    for audience in hit.audiences.iter().filter(|a| query.audiences.contains(a)) {
        out.push(format!("for {}", lower(label(*audience))));
    }
    if query.care.contains(&hit.level_of_care) {
        out.push(lower(label(hit.level_of_care)));
    }
    out.push(seats(hit));
    out
}

/// "4.2 km", "12 km" (one decimal under 10 km).
pub fn distance(km: f64) -> String {
    if km < 10.0 {
        format!("{km:.1} km")
    } else {
        format!("{km:.0} km")
    }
}

fn seats(hit: &DirectoryHit) -> String {
    match hit.seats_open() {
        0 => "full: waitlist open".into(),
        1 => "1 seat open".into(),
        n => format!("{n} seats open"),
    }
}
