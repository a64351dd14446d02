//! Rendered feeds read back with the `icalendar` parser, as a calendar app would read them.

use chrono::{DateTime, NaiveDateTime, TimeDelta, TimeZone, Utc};
use chrono_tz::{America, Asia, Europe, Tz};

use super::{render, Feed, FeedEvent};

/// A parsed component, owned so tests need not juggle the parser's borrows.
#[derive(Debug)]
struct Node {
    name: String,
    props: Vec<Prop>,
    children: Vec<Node>,
}

#[derive(Debug)]
struct Prop {
    name: String,
    params: Vec<(String, String)>,
    value: String,
}

impl Node {
    fn all(&self, name: &str) -> Vec<&Node> {
        self.children.iter().filter(|c| c.name == name).collect()
    }

    fn prop(&self, name: &str) -> &Prop {
        let mut found = self.props.iter().filter(|p| p.name == name);
        let prop = found
            .next()
            .unwrap_or_else(|| panic!("no {name} in {}", self.name));
        assert!(found.next().is_none(), "{name} twice in {}", self.name);
        prop
    }

    fn has(&self, name: &str) -> bool {
        self.props.iter().any(|p| p.name == name)
    }

    fn value(&self, name: &str) -> &str {
        &self.prop(name).value
    }
}

impl Prop {
    fn param(&self, key: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
}

fn node(component: &icalendar::parser::Component) -> Node {
    Node {
        name: component.name.as_str().to_owned(),
        props: component.properties.iter().map(prop).collect(),
        children: component.components.iter().map(node).collect(),
    }
}

fn prop(property: &icalendar::parser::Property) -> Prop {
    Prop {
        name: property.name.as_str().to_owned(),
        params: property
            .params
            .iter()
            .map(|p| {
                let value = p.val.as_ref().map(|v| v.as_str().to_owned());
                (p.key.as_str().to_owned(), value.unwrap_or_default())
            })
            .collect(),
        value: property.val.as_str().to_owned(),
    }
}

/// Renders and parses back, returning the VCALENDAR.
fn round_trip(feed: &Feed) -> (String, Node) {
    let text = render(feed, now());
    let unfolded = icalendar::parser::unfold(&text);
    let parsed = icalendar::parser::read_calendar(&unfolded).unwrap();
    let calendar = Node {
        name: "VCALENDAR".to_owned(),
        props: parsed.properties.iter().map(prop).collect(),
        children: parsed.components.iter().map(node).collect(),
    };
    (text, calendar)
}

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 9, 1, 12, 0, 0).unwrap()
}

fn at(zone: Tz, y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    zone.with_ymd_and_hms(y, m, d, h, min, 0)
        .single()
        .unwrap()
        .with_timezone(&Utc)
}

fn event(uid: &str, zone: Tz, starts_at: DateTime<Utc>) -> FeedEvent {
    FeedEvent {
        uid: uid.to_owned(),
        starts_at,
        ends_at: starts_at + TimeDelta::minutes(90),
        zone,
        summary: "Group session".to_owned(),
        location: None,
        url: None,
        description: None,
        cancelled: false,
        sequence: 0,
        last_modified: Some(Utc.with_ymd_and_hms(2026, 8, 1, 9, 30, 0).unwrap()),
    }
}

/// Weekly Tuesday 18:00 sessions in `zone`, starting on `first` (a Tuesday).
fn weekly(zone: Tz, first: (i32, u32, u32), weeks: u32) -> Feed {
    let (y, m, d) = first;
    let start = zone.with_ymd_and_hms(y, m, d, 18, 0, 0).single().unwrap();
    let events = (0..weeks)
        .map(|week| {
            let date = start.date_naive() + TimeDelta::weeks(i64::from(week));
            let local = date.and_hms_opt(18, 0, 0).unwrap();
            let starts_at = zone.from_local_datetime(&local).single().unwrap();
            event(
                &format!("s{week}@kindred"),
                zone,
                starts_at.with_timezone(&Utc),
            )
        })
        .collect();
    Feed {
        name: "Kindred".to_owned(),
        events,
    }
}

fn local(value: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(value, "%Y%m%dT%H%M%S").unwrap()
}

fn offset_seconds(value: &str) -> i64 {
    let sign = if value.starts_with('-') { -1 } else { 1 };
    let digits = &value[1..];
    let hours: i64 = digits[0..2].parse().unwrap();
    let minutes: i64 = digits[2..4].parse().unwrap();
    let seconds: i64 = digits.get(4..6).map_or(0, |s| s.parse().unwrap());
    sign * (hours * 3600 + minutes * 60 + seconds)
}

/// The UTC instant of a local time under the parsed VTIMEZONE alone, as a client resolves
/// it: the observance whose span holds the instant, the first of two in an overlap. Panics
/// when no observance covers it.
fn resolve(vtimezone: &Node, value: &str) -> DateTime<Utc> {
    let mut spans: Vec<(DateTime<Utc>, i64)> = vtimezone
        .children
        .iter()
        .map(|o| {
            let onset = local(o.value("DTSTART"))
                - TimeDelta::seconds(offset_seconds(o.value("TZOFFSETFROM")));
            (onset.and_utc(), offset_seconds(o.value("TZOFFSETTO")))
        })
        .collect();
    spans.sort();
    let wall = local(value);
    spans
        .iter()
        .enumerate()
        .find_map(|(i, &(onset, offset))| {
            let instant = (wall - TimeDelta::seconds(offset)).and_utc();
            let before_next = spans.get(i + 1).is_none_or(|&(next, _)| instant < next);
            (onset <= instant && before_next).then_some(instant)
        })
        .unwrap_or_else(|| panic!("{value} is not covered by {vtimezone:?}"))
}

fn vtimezone<'a>(calendar: &'a Node, tzid: &str) -> &'a Node {
    let zones: Vec<&Node> = calendar
        .all("VTIMEZONE")
        .into_iter()
        .filter(|z| z.value("TZID") == tzid)
        .collect();
    assert_eq!(zones.len(), 1, "one VTIMEZONE for {tzid}");
    zones[0]
}

fn observance<'a>(zone: &'a Node, dtstart: &str) -> &'a Node {
    zone.children
        .iter()
        .find(|o| o.value("DTSTART") == dtstart)
        .unwrap_or_else(|| panic!("no observance at {dtstart} in {zone:?}"))
}

/// Every event reads back as its own instants through its zone's VTIMEZONE.
fn assert_events_resolve(feed: &Feed, calendar: &Node) {
    let vevents = calendar.all("VEVENT");
    assert_eq!(vevents.len(), feed.events.len());
    for (event, vevent) in feed.events.iter().zip(vevents) {
        assert_eq!(vevent.value("UID"), event.uid);
        for (name, instant) in [("DTSTART", event.starts_at), ("DTEND", event.ends_at)] {
            let prop = vevent.prop(name);
            let tzid = prop.param("TZID").unwrap();
            assert_eq!(tzid, event.zone.name());
            assert_eq!(
                resolve(vtimezone(calendar, tzid), &prop.value),
                instant,
                "{name}"
            );
        }
    }
}

#[test]
fn a_feed_has_its_header_one_vtimezone_per_zone_and_one_vevent_per_event() {
    let monday = at(Europe::Berlin, 2026, 11, 2, 10, 0);
    let feed = Feed {
        name: "Kindred".to_owned(),
        events: vec![
            event(
                "a@kindred",
                America::New_York,
                at(America::New_York, 2026, 11, 3, 18, 0),
            ),
            event("b@kindred", Europe::Berlin, monday),
            event(
                "c@kindred",
                America::New_York,
                at(America::New_York, 2026, 11, 10, 18, 0),
            ),
            event(
                "d@kindred",
                Asia::Tokyo,
                at(Asia::Tokyo, 2026, 11, 4, 19, 0),
            ),
        ],
    };
    let (_, calendar) = round_trip(&feed);

    assert_eq!(calendar.value("VERSION"), "2.0");
    assert!(calendar.value("PRODID").contains("Kindred"));
    assert_eq!(calendar.value("CALSCALE"), "GREGORIAN");
    assert_eq!(calendar.value("METHOD"), "PUBLISH");
    assert_eq!(calendar.value("X-WR-CALNAME"), "Kindred");
    let tzids: Vec<&str> = calendar
        .all("VTIMEZONE")
        .iter()
        .map(|z| z.value("TZID"))
        .collect();
    assert_eq!(tzids, ["America/New_York", "Asia/Tokyo", "Europe/Berlin"]);
    let uids: Vec<&str> = calendar
        .all("VEVENT")
        .iter()
        .map(|e| e.value("UID"))
        .collect();
    assert_eq!(uids, ["a@kindred", "b@kindred", "c@kindred", "d@kindred"]);
    assert_events_resolve(&feed, &calendar);

    let vevent = calendar.all("VEVENT")[0];
    assert_eq!(vevent.value("DTSTAMP"), "20260901T120000Z");
    assert_eq!(vevent.value("LAST-MODIFIED"), "20260801T093000Z");
    assert_eq!(vevent.value("SUMMARY"), "Group session");
    assert_eq!(vevent.value("STATUS"), "CONFIRMED");
    assert_eq!(vevent.value("SEQUENCE"), "0");
    assert!(!vevent.has("LOCATION") && !vevent.has("URL") && !vevent.has("DESCRIPTION"));
}

#[test]
fn new_york_sessions_stay_at_18_00_local_across_the_november_change() {
    let feed = weekly(America::New_York, (2026, 10, 20), 4);
    let (_, calendar) = round_trip(&feed);

    let starts: Vec<(&str, Option<&str>)> = calendar
        .all("VEVENT")
        .iter()
        .map(|e| (e.value("DTSTART"), e.prop("DTSTART").param("TZID")))
        .collect();
    let ny = Some("America/New_York");
    assert_eq!(
        starts,
        [
            ("20261020T180000", ny),
            ("20261027T180000", ny),
            ("20261103T180000", ny),
            ("20261110T180000", ny),
        ]
    );
    assert_eq!(calendar.all("VEVENT")[2].value("DTEND"), "20261103T193000");

    let zone = vtimezone(&calendar, "America/New_York");
    let change = observance(zone, "20261101T020000");
    assert_eq!(change.name, "STANDARD");
    assert_eq!(change.value("TZOFFSETFROM"), "-0400");
    assert_eq!(change.value("TZOFFSETTO"), "-0500");
    assert_eq!(change.value("TZNAME"), "EST");
    assert_eq!(
        zone.children.len(),
        2,
        "the offset at the start, then the change"
    );
    assert_events_resolve(&feed, &calendar);
}

#[test]
fn berlin_sessions_stay_at_18_00_local_across_both_changes_of_2026() {
    let feed = weekly(Europe::Berlin, (2026, 3, 17), 34);
    let (_, calendar) = round_trip(&feed);

    for vevent in calendar.all("VEVENT") {
        let start = vevent.prop("DTSTART");
        assert_eq!(start.param("TZID"), Some("Europe/Berlin"));
        assert!(start.value.ends_with("T180000"), "{}", start.value);
    }

    let zone = vtimezone(&calendar, "Europe/Berlin");
    let spring = observance(zone, "20260329T020000");
    assert_eq!(spring.name, "DAYLIGHT");
    assert_eq!(spring.value("TZOFFSETFROM"), "+0100");
    assert_eq!(spring.value("TZOFFSETTO"), "+0200");
    assert_eq!(spring.value("TZNAME"), "CEST");
    let autumn = observance(zone, "20261025T030000");
    assert_eq!(autumn.name, "STANDARD");
    assert_eq!(autumn.value("TZOFFSETFROM"), "+0200");
    assert_eq!(autumn.value("TZOFFSETTO"), "+0100");
    assert_eq!(autumn.value("TZNAME"), "CET");
    assert_events_resolve(&feed, &calendar);
}

#[test]
fn a_zone_without_daylight_saving_has_a_single_standard() {
    let feed = weekly(Asia::Tokyo, (2026, 3, 17), 40);
    let (_, calendar) = round_trip(&feed);

    let zone = vtimezone(&calendar, "Asia/Tokyo");
    assert_eq!(zone.children.len(), 1);
    let standard = &zone.children[0];
    assert_eq!(standard.name, "STANDARD");
    assert_eq!(standard.value("TZOFFSETFROM"), "+0900");
    assert_eq!(standard.value("TZOFFSETTO"), "+0900");
    assert_eq!(standard.value("TZNAME"), "JST");
    assert_events_resolve(&feed, &calendar);
}

#[test]
fn a_cancelled_session_says_so_with_its_new_sequence() {
    let mut feed = weekly(Europe::Berlin, (2026, 11, 3), 2);
    feed.events[1].cancelled = true;
    feed.events[1].sequence = 3;
    let (_, calendar) = round_trip(&feed);

    let vevents = calendar.all("VEVENT");
    assert_eq!(vevents[0].value("STATUS"), "CONFIRMED");
    assert_eq!(vevents[1].value("STATUS"), "CANCELLED");
    assert_eq!(vevents[1].value("SEQUENCE"), "3");
}

fn texty_feed() -> Feed {
    let mut session = event(
        "x@kindred",
        Europe::Berlin,
        at(Europe::Berlin, 2026, 11, 3, 18, 0),
    );
    session.summary = "Gruppe „Über; Mut“, Dienstag".to_owned();
    session.location = Some("Café, Raum 2; Eingang\nHof".to_owned());
    session.url = Some("https://meet.example.test/room?id=42;x=1,2".to_owned());
    session.description = Some(format!(
        "Bitte pünktlich sein, danke; Fragen an C:\\Team\\Info.\nZweite Zeile 🙂 {}",
        "äöüß€🙂".repeat(30)
    ));
    Feed {
        name: "Kindred, Café; Test".to_owned(),
        events: vec![session],
    }
}

#[test]
fn text_with_specials_line_breaks_and_non_ascii_round_trips() {
    let feed = texty_feed();
    let (_, calendar) = round_trip(&feed);
    let session = &feed.events[0];
    let vevent = calendar.all("VEVENT")[0];

    assert_eq!(calendar.value("X-WR-CALNAME"), feed.name);
    assert_eq!(vevent.value("SUMMARY"), session.summary);
    assert_eq!(Some(vevent.value("LOCATION")), session.location.as_deref());
    assert_eq!(Some(vevent.value("URL")), session.url.as_deref());
    assert_eq!(
        Some(vevent.value("DESCRIPTION")),
        session.description.as_deref()
    );
}

#[test]
fn lines_end_in_crlf_and_fit_in_75_octets() {
    let mut feed = texty_feed();
    feed.events
        .extend(weekly(America::New_York, (2026, 10, 20), 4).events);
    let (text, _) = round_trip(&feed);

    assert!(text.ends_with("END:VCALENDAR\r\n"));
    let lines: Vec<&str> = text.split_terminator("\r\n").collect();
    assert!(
        lines.iter().any(|line| line.starts_with(' ')),
        "something was folded"
    );
    for line in lines {
        assert!(!line.contains(['\r', '\n']), "bare line break in {line:?}");
        assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
    }
}

#[test]
fn the_repeated_hour_of_an_autumn_change_stays_exact() {
    // 01:30 happens twice in New York on 2026-11-01: first in EDT, then in EST.
    let first = Utc.with_ymd_and_hms(2026, 11, 1, 5, 30, 0).unwrap();
    let second = Utc.with_ymd_and_hms(2026, 11, 1, 6, 30, 0).unwrap();
    let feed = Feed {
        name: "Kindred".to_owned(),
        events: vec![
            event("first@kindred", America::New_York, first),
            event("second@kindred", America::New_York, second),
        ],
    };
    let (_, calendar) = round_trip(&feed);
    let vevents = calendar.all("VEVENT");

    let start = vevents[0].prop("DTSTART");
    assert_eq!(
        (start.value.as_str(), start.param("TZID")),
        ("20261101T013000", Some("America/New_York"))
    );
    let zone = vtimezone(&calendar, "America/New_York");
    assert_eq!(resolve(zone, &start.value), first);
    let start = vevents[1].prop("DTSTART");
    assert_eq!(
        (start.value.as_str(), start.param("TZID")),
        ("20261101T063000Z", None)
    );
}

#[test]
fn an_empty_feed_is_a_valid_calendar() {
    let feed = Feed {
        name: "Kindred".to_owned(),
        events: Vec::new(),
    };
    let (text, calendar) = round_trip(&feed);
    assert!(text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
    assert!(calendar.children.is_empty());
}
