//! The Meeting Guide feed (`/api/v1/meeting-guide.json`): every open peer support group, one
//! entry per weekly meeting day of each of its active schedules, in the group's time zone,
//! so meeting-finder apps can list Kindred's groups.

mod listing;
mod meeting;

#[cfg(test)]
mod tests;

use chrono::{DateTime, Duration, Timelike, Utc};
use chrono_tz::Tz;

pub use listing::PeerListing;
pub use meeting::Meeting;

use crate::auth::Actor;
use crate::groups::{Audience, FocusArea, Format, Language};
use crate::policy::{authorize, Access};
use crate::schedules::{occurrences, Schedule, ScheduleEnd};
use crate::{Error, Store};

/// The feed, for anyone. `public_url` is the server's address without a trailing slash.
pub async fn meeting_guide(
    store: &dyn Store,
    actor: &Actor,
    now: DateTime<Utc>,
    public_url: &str,
) -> Result<Vec<Meeting>, Error> {
    authorize(actor, Access::Public)?;
    let listings = store.peer_support_listings().await?;
    Ok(meetings(&listings, now, public_url))
}

/// The entries for these listings: schedules that still meet after `now`, one per day.
pub fn meetings(listings: &[PeerListing], now: DateTime<Utc>, public_url: &str) -> Vec<Meeting> {
    let base = public_url.trim_end_matches('/');
    let mut out = Vec::new();
    for listing in listings {
        for schedule in &listing.schedules {
            if !still_meets(schedule, listing.time_zone, now) {
                continue;
            }
            for day in &schedule.days {
                out.push(entry(listing, schedule, day.num_days_from_sunday(), base));
            }
        }
    }
    out
}

/// A schedule that is not archived meets on unless its last date or count has passed.
fn still_meets(schedule: &Schedule, zone: Tz, now: DateTime<Utc>) -> bool {
    if schedule.archived_at.is_some() {
        return false;
    }
    match schedule.end {
        ScheduleEnd::Never => true,
        ScheduleEnd::Until { date } => date >= now.with_timezone(&zone).date_naive(),
        // The count ends the rule, so this looks at most `count` occurrences ahead.
        ScheduleEnd::Count { .. } => {
            !occurrences(schedule, zone, now, now + Duration::days(366 * 50)).is_empty()
        }
    }
}

fn entry(listing: &PeerListing, schedule: &Schedule, day: u32, base: &str) -> Meeting {
    let url = format!("{base}/groups/{}", listing.group_id);
    let online = listing.format != Format::InPerson;
    let in_person = listing.format != Format::Online;
    let end = schedule.start_time + Duration::minutes(i64::from(schedule.duration_minutes));
    let mut types = Vec::new();
    if online {
        types.push("ONL");
    }
    types.extend(language_type(listing.language));
    types.extend(listing.audiences.iter().filter_map(|a| audience_type(*a)));
    if listing.focus_areas.contains(&FocusArea::CoOccurring) {
        types.push("DD");
    }
    let location = &listing.location;
    let formatted_address = [
        location.address.as_str(),
        location.city.as_str(),
        location.postcode.as_str(),
    ]
    .iter()
    .filter(|part| !part.is_empty())
    .copied()
    .collect::<Vec<_>>()
    .join(", ");
    let some = |text: &str| (in_person && !text.is_empty()).then(|| text.to_owned());
    let updated = listing
        .created_at
        .max(location.created_at)
        .max(schedule.created_at);
    Meeting {
        name: listing.name.clone(),
        slug: format!("{}-{}", schedule.id, day_code(day)),
        day,
        time: hh_mm(schedule.start_time),
        end_time: hh_mm(end),
        timezone: listing.time_zone.name().to_owned(),
        types,
        notes: notes(listing, schedule),
        url: url.clone(),
        location: some(&location.name),
        formatted_address: some(&formatted_address),
        address: some(&location.address),
        city: some(&location.city),
        postal_code: some(&location.postcode),
        latitude: location.latitude.filter(|_| in_person).map(five_places),
        longitude: location.longitude.filter(|_| in_person).map(five_places),
        approximate: in_person.then_some("no"),
        conference_url: online.then(|| url.clone()),
        conference_url_notes: online
            .then(|| "Ask to join on this page; members get the link to each session.".to_owned()),
        entity: listing.org_name.clone(),
        updated: updated.format("%Y-%m-%d %H:%M:%S").to_string(),
    }
}

fn notes(listing: &PeerListing, schedule: &Schedule) -> String {
    let mut notes = Vec::new();
    if !listing.description.is_empty() {
        notes.push(listing.description.clone());
    }
    if schedule.interval_weeks > 1 {
        notes.push(format!("Meets every {} weeks.", schedule.interval_weeks));
    }
    if let ScheduleEnd::Until { date } = schedule.end {
        notes.push(format!("Last meeting on or before {date}."));
    }
    if !schedule.room.is_empty() && listing.format != Format::Online {
        notes.push(format!("Room: {}.", schedule.room));
    }
    notes.join("\n")
}

fn hh_mm(time: chrono::NaiveTime) -> String {
    format!("{:02}:{:02}", time.hour(), time.minute())
}

fn five_places(degrees: f64) -> f64 {
    (degrees * 100_000.0).round() / 100_000.0
}

fn day_code(sunday_first: u32) -> &'static str {
    ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]
        .get(sunday_first as usize)
        .copied()
        .unwrap_or("day")
}

/// The format's type for an audience, where it has one.
fn audience_type(audience: Audience) -> Option<&'static str> {
    Some(match audience {
        Audience::Women => "W",
        Audience::Men => "M",
        Audience::Lgbtq => "LGBTQ",
        Audience::YoungAdults => "Y",
        Audience::OlderAdults => "SEN",
        Audience::Adults
        | Audience::Teens
        | Audience::Veterans
        | Audience::Parents
        | Audience::FamilyMembers => return None,
    })
}

/// The format's language type codes, where it has one for the group's language.
fn language_type(language: Language) -> Option<&'static str> {
    Some(match language {
        Language::English => "EN",
        Language::Spanish => "S",
        Language::French => "FR",
        Language::Korean => "KOR",
        Language::Russian => "RUS",
        Language::Portuguese => "POR",
        Language::Tagalog => "TL",
        Language::AmericanSignLanguage => "ASL",
        // No code in the format (yet) for these.
        Language::Chinese | Language::Vietnamese | Language::Arabic | Language::HaitianCreole => {
            return None
        }
    })
}
