//! Personal calendar feeds as iCalendar text (RFC 5545): a pure function of the sessions
//! the caller chose, with no I/O.

mod ics;
mod serve;
#[cfg(test)]
mod tests;
mod vtimezone;

use std::collections::BTreeMap;

use chrono::{DateTime, TimeZone, Utc};
use chrono_tz::Tz;

use ics::ContentLines;
pub use serve::{feed, NEUTRAL_TITLE};

const PRODID: &str = "-//Kindred//Kindred calendar feed//EN";

/// One person's calendar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Feed {
    /// Shown by calendar apps as the calendar's name (X-WR-CALNAME), e.g. "Kindred".
    pub name: String,
    pub events: Vec<FeedEvent>,
}

/// One session on the calendar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedEvent {
    /// Stable across renders, e.g. "<session-uuid>@kindred", so apps update instead of duplicating.
    pub uid: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    /// The group's time zone: start and end are written in its local time with a TZID.
    pub zone: Tz,
    pub summary: String,
    /// An address; `None` or empty leaves LOCATION out.
    pub location: Option<String>,
    /// The join link of an online session.
    pub url: Option<String>,
    pub description: Option<String>,
    /// STATUS:CANCELLED when set, STATUS:CONFIRMED otherwise.
    pub cancelled: bool,
    /// Bumped when the session is moved or cancelled, so apps take the new version.
    pub sequence: u32,
    /// When the session was last changed, when known.
    pub last_modified: Option<DateTime<Utc>>,
}

/// The feed as an iCalendar stream with CRLF line endings. `now` is each event's DTSTAMP.
pub fn render(feed: &Feed, now: DateTime<Utc>) -> String {
    let mut lines = ContentLines::new();
    lines.begin("VCALENDAR");
    lines.value("VERSION", "2.0");
    lines.text("PRODID", PRODID);
    lines.value("CALSCALE", "GREGORIAN");
    lines.value("METHOD", "PUBLISH");
    lines.text("X-WR-CALNAME", &feed.name);
    for span in zone_spans(&feed.events) {
        vtimezone::write(&mut lines, span.zone, span.first, span.last);
    }
    for event in &feed.events {
        write_event(&mut lines, event, now);
    }
    lines.end("VCALENDAR");
    lines.finish()
}

/// The span of time a zone's VTIMEZONE has to cover.
struct ZoneSpan {
    zone: Tz,
    first: DateTime<Utc>,
    last: DateTime<Utc>,
}

/// Each zone in use, once, with the first and last instant its events touch; ordered by
/// name so the output does not depend on the order of the events.
fn zone_spans(events: &[FeedEvent]) -> impl Iterator<Item = ZoneSpan> {
    let mut spans: BTreeMap<&'static str, ZoneSpan> = BTreeMap::new();
    for event in events {
        let first = event.starts_at.min(event.ends_at);
        let last = event.starts_at.max(event.ends_at);
        spans
            .entry(event.zone.name())
            .and_modify(|span| {
                span.first = span.first.min(first);
                span.last = span.last.max(last);
            })
            .or_insert(ZoneSpan {
                zone: event.zone,
                first,
                last,
            });
    }
    spans.into_values()
}

fn write_event(lines: &mut ContentLines, event: &FeedEvent, now: DateTime<Utc>) {
    lines.begin("VEVENT");
    lines.text("UID", &event.uid);
    lines.value("DTSTAMP", &ics::utc_date_time(now));
    write_zoned(lines, "DTSTART", event.starts_at, event.zone);
    write_zoned(lines, "DTEND", event.ends_at, event.zone);
    lines.text("SUMMARY", &event.summary);
    if let Some(location) = non_empty(&event.location) {
        lines.text("LOCATION", location);
    }
    if let Some(url) = non_empty(&event.url) {
        lines.value("URL", url);
    }
    if let Some(description) = non_empty(&event.description) {
        lines.text("DESCRIPTION", description);
    }
    let status = if event.cancelled {
        "CANCELLED"
    } else {
        "CONFIRMED"
    };
    lines.value("STATUS", status);
    lines.value("SEQUENCE", &event.sequence.to_string());
    if let Some(changed) = event.last_modified {
        lines.value("LAST-MODIFIED", &ics::utc_date_time(changed));
    }
    lines.end("VEVENT");
}

/// Local time with TZID. A local time repeated when clocks go back means its first
/// occurrence (RFC 5545 §3.3.5), so an instant in the second one is written in UTC instead.
fn write_zoned(lines: &mut ContentLines, name: &str, at: DateTime<Utc>, zone: Tz) {
    let local = at.with_timezone(&zone);
    let naive = local.naive_local();
    if zone.from_local_datetime(&naive).earliest() == Some(local) {
        lines.param_value(name, &[("TZID", zone.name())], &ics::local_date_time(naive));
    } else {
        lines.value(name, &ics::utc_date_time(at));
    }
}

fn non_empty(value: &Option<String>) -> Option<&str> {
    value.as_deref().filter(|text| !text.is_empty())
}
