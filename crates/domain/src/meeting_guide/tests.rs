use chrono::{DateTime, NaiveDate, NaiveTime, Utc, Weekday};

use super::*;
use crate::ids::{GroupId, LocationId, OrgId, ScheduleId};
use crate::locations::{Location, LocationKind};

fn at(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .unwrap()
        .with_timezone(&Utc)
}

fn schedule(group: GroupId, days: Vec<Weekday>, start: &str, end: ScheduleEnd) -> Schedule {
    Schedule {
        id: ScheduleId::new(),
        group_id: group,
        days,
        start_time: NaiveTime::parse_from_str(start, "%H:%M").unwrap(),
        duration_minutes: 90,
        interval_weeks: 1,
        first_date: NaiveDate::from_ymd_opt(2030, 1, 1).unwrap(),
        end,
        room: "Room 2".into(),
        created_at: at("2030-01-02T10:00:00Z"),
        archived_at: None,
    }
}

fn listing(format: Format, schedules: impl Fn(GroupId) -> Vec<Schedule>) -> PeerListing {
    let group_id = GroupId::new();
    let physical = format != Format::Online;
    PeerListing {
        group_id,
        name: "Tuesday Circle".into(),
        description: "Peers in recovery.".into(),
        format,
        language: Language::Spanish,
        time_zone: chrono_tz::America::Chicago,
        org_name: "Recovery Center".into(),
        created_at: at("2030-01-01T09:00:00Z"),
        location: Location {
            id: LocationId::new(),
            org_id: OrgId::new(),
            name: if physical { "Main Hall" } else { "Online" }.into(),
            kind: if physical {
                LocationKind::Physical
            } else {
                LocationKind::Online
            },
            address: if physical { "1 Main St" } else { "" }.into(),
            city: if physical { "Springfield" } else { "" }.into(),
            postcode: if physical { "62701" } else { "" }.into(),
            latitude: physical.then_some(39.781_234_9),
            longitude: physical.then_some(-89.650_148_1),
            created_at: at("2029-12-01T00:00:00Z"),
            archived_at: None,
        },
        audiences: vec![Audience::Adults, Audience::Women],
        focus_areas: vec![FocusArea::CoOccurring],
        schedules: schedules(group_id),
    }
}

#[test]
fn one_entry_per_day_in_the_groups_zone() {
    let l = listing(Format::InPerson, |g| {
        vec![schedule(
            g,
            vec![Weekday::Tue, Weekday::Sun],
            "23:00",
            ScheduleEnd::Never,
        )]
    });
    let now = at("2030-02-01T00:00:00Z");
    let entries = meetings(std::slice::from_ref(&l), now, "https://kindred.example/");
    assert_eq!(entries.len(), 2);
    let tue = &entries[0];
    assert_eq!(tue.day, 2);
    assert_eq!(entries[1].day, 0, "Sunday is 0");
    assert_eq!(tue.time, "23:00");
    assert_eq!(tue.end_time, "00:30", "ends after midnight");
    assert_eq!(tue.timezone, "America/Chicago");
    assert_eq!(tue.slug, format!("{}-tue", l.schedules[0].id));
    assert_ne!(tue.slug, entries[1].slug);
    assert_eq!(
        tue.url,
        format!("https://kindred.example/groups/{}", l.group_id)
    );
    assert_eq!(tue.types, ["S", "W", "DD"]);
    assert_eq!(
        tue.formatted_address.as_deref(),
        Some("1 Main St, Springfield, 62701")
    );
    assert_eq!(tue.location.as_deref(), Some("Main Hall"));
    assert_eq!(tue.latitude, Some(39.78123));
    assert_eq!(tue.longitude, Some(-89.65015));
    assert_eq!(tue.approximate, Some("no"));
    assert_eq!(tue.conference_url, None);
    assert_eq!(tue.entity, "Recovery Center");
    assert_eq!(tue.updated, "2030-01-02 10:00:00");
    assert!(tue.notes.contains("Peers in recovery.") && tue.notes.contains("Room 2"));
    let json = serde_json::to_value(tue).unwrap();
    assert!(json.get("conference_url").is_none());
}

#[test]
fn online_and_hybrid_groups_carry_the_conference_url() {
    let now = at("2030-02-01T00:00:00Z");
    let online = listing(Format::Online, |g| {
        vec![schedule(g, vec![Weekday::Mon], "18:00", ScheduleEnd::Never)]
    });
    let entry = &meetings(std::slice::from_ref(&online), now, "http://x")[0];
    assert_eq!(entry.types, ["ONL", "S", "W", "DD"]);
    assert_eq!(entry.conference_url.as_deref(), Some(entry.url.as_str()));
    assert_eq!(entry.formatted_address, None);
    assert_eq!(entry.latitude, None);
    assert!(!entry.notes.contains("Room"));

    let hybrid = listing(Format::Hybrid, |g| {
        vec![schedule(g, vec![Weekday::Mon], "18:00", ScheduleEnd::Never)]
    });
    let entry = &meetings(&[hybrid], now, "http://x")[0];
    assert_eq!(entry.types, ["ONL", "S", "W", "DD"]);
    assert!(entry.conference_url.is_some());
    assert!(entry.formatted_address.is_some());
}

#[test]
fn ended_and_archived_schedules_are_left_out() {
    let now = at("2030-06-01T12:00:00Z");
    let l = listing(Format::InPerson, |g| {
        let mut archived = schedule(g, vec![Weekday::Mon], "18:00", ScheduleEnd::Never);
        archived.archived_at = Some(at("2030-03-01T00:00:00Z"));
        let until_past = schedule(
            g,
            vec![Weekday::Tue],
            "18:00",
            ScheduleEnd::Until {
                date: NaiveDate::from_ymd_opt(2030, 5, 31).unwrap(),
            },
        );
        let until_today = schedule(
            g,
            vec![Weekday::Wed],
            "18:00",
            ScheduleEnd::Until {
                date: NaiveDate::from_ymd_opt(2030, 6, 1).unwrap(),
            },
        );
        let count_spent = schedule(
            g,
            vec![Weekday::Thu],
            "18:00",
            ScheduleEnd::Count { count: 3 },
        );
        let count_left = schedule(
            g,
            vec![Weekday::Fri],
            "18:00",
            ScheduleEnd::Count { count: 100 },
        );
        vec![archived, until_past, until_today, count_spent, count_left]
    });
    let days: Vec<u32> = meetings(&[l], now, "http://x")
        .iter()
        .map(|m| m.day)
        .collect();
    assert_eq!(days, [3, 5]);
}
