use chrono::{DateTime, NaiveDate, TimeDelta, Utc, Weekday};
use chrono_tz::Tz;

use super::{date, utc, weekly};
use crate::schedules::{occurrences, Schedule, ScheduleEnd};

const NEW_YORK: Tz = Tz::America__New_York;
const BERLIN: Tz = Tz::Europe__Berlin;

fn starts(schedule: &Schedule, zone: Tz, from: DateTime<Utc>, to: DateTime<Utc>) -> Vec<String> {
    occurrences(schedule, zone, from, to)
        .iter()
        .map(|o| o.starts_at.format("%Y-%m-%d %H:%M").to_string())
        .collect()
}

fn dates(schedule: &Schedule, from: DateTime<Utc>, to: DateTime<Utc>) -> Vec<NaiveDate> {
    occurrences(schedule, Tz::UTC, from, to)
        .iter()
        .map(|o| o.date)
        .collect()
}

fn local_start(o: &crate::schedules::Occurrence, zone: Tz) -> String {
    o.starts_at
        .with_timezone(&zone)
        .format("%Y-%m-%d %H:%M %Z")
        .to_string()
}

#[test]
fn new_york_tuesday_evening_keeps_its_local_time_across_both_changes() {
    let s = weekly(&[Weekday::Tue], 18, 0, date(2026, 3, 3));
    // 18:00 EST is 23:00 UTC; after 2026-03-08 18:00 EDT is 22:00 UTC.
    assert_eq!(
        starts(&s, NEW_YORK, utc(2026, 3, 1, 0, 0), utc(2026, 3, 15, 0, 0)),
        ["2026-03-03 23:00", "2026-03-10 22:00"]
    );
    // Back to EST after 2026-11-01.
    assert_eq!(
        starts(
            &s,
            NEW_YORK,
            utc(2026, 10, 25, 0, 0),
            utc(2026, 11, 8, 0, 0)
        ),
        ["2026-10-27 22:00", "2026-11-03 23:00"]
    );
    for o in occurrences(&s, NEW_YORK, utc(2026, 3, 1, 0, 0), utc(2026, 12, 1, 0, 0)) {
        assert!(local_start(&o, NEW_YORK).contains(" 18:00 "), "{o:?}");
        assert_eq!(o.starts_at.with_timezone(&NEW_YORK).date_naive(), o.date);
    }
}

#[test]
fn berlin_tuesday_evening_keeps_its_local_time_across_both_changes() {
    let s = weekly(&[Weekday::Tue], 18, 0, date(2026, 3, 3));
    // 18:00 CET is 17:00 UTC; after 2026-03-29 18:00 CEST is 16:00 UTC.
    assert_eq!(
        starts(&s, BERLIN, utc(2026, 3, 22, 0, 0), utc(2026, 4, 5, 0, 0)),
        ["2026-03-24 17:00", "2026-03-31 16:00"]
    );
    // Back to CET after 2026-10-25.
    assert_eq!(
        starts(&s, BERLIN, utc(2026, 10, 18, 0, 0), utc(2026, 11, 1, 0, 0)),
        ["2026-10-20 16:00", "2026-10-27 17:00"]
    );
}

#[test]
fn a_start_in_the_spring_gap_moves_forward_by_the_gap() {
    // New York 2026-03-08: 02:00 EST jumps to 03:00 EDT; 02:30 EST is 07:30 UTC = 03:30 EDT.
    let ny = weekly(&[Weekday::Sun], 2, 30, date(2026, 3, 1));
    let found = occurrences(&ny, NEW_YORK, utc(2026, 3, 8, 0, 0), utc(2026, 3, 16, 0, 0));
    assert_eq!(found[0].date, date(2026, 3, 8));
    assert_eq!(found[0].starts_at, utc(2026, 3, 8, 7, 30));
    assert_eq!(local_start(&found[0], NEW_YORK), "2026-03-08 03:30 EDT");
    // The next week 02:30 exists again.
    assert_eq!(local_start(&found[1], NEW_YORK), "2026-03-15 02:30 EDT");

    // Berlin 2026-03-29: 02:00 CET jumps to 03:00 CEST; 02:30 CET is 01:30 UTC = 03:30 CEST.
    let berlin = weekly(&[Weekday::Sun], 2, 30, date(2026, 3, 1));
    let found = occurrences(
        &berlin,
        BERLIN,
        utc(2026, 3, 28, 0, 0),
        utc(2026, 3, 30, 0, 0),
    );
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].starts_at, utc(2026, 3, 29, 1, 30));
    assert_eq!(local_start(&found[0], BERLIN), "2026-03-29 03:30 CEST");
}

#[test]
fn a_start_in_the_autumn_overlap_is_the_earlier_one() {
    // New York 2026-11-01: 01:30 happens in EDT (05:30 UTC) and again in EST (06:30 UTC).
    let ny = weekly(&[Weekday::Sun], 1, 30, date(2026, 10, 1));
    let found = occurrences(
        &ny,
        NEW_YORK,
        utc(2026, 10, 31, 0, 0),
        utc(2026, 11, 2, 0, 0),
    );
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].starts_at, utc(2026, 11, 1, 5, 30));
    assert_eq!(local_start(&found[0], NEW_YORK), "2026-11-01 01:30 EDT");

    // Berlin 2026-10-25: 02:30 happens in CEST (00:30 UTC) and again in CET (01:30 UTC).
    let berlin = weekly(&[Weekday::Sun], 2, 30, date(2026, 10, 1));
    let found = occurrences(
        &berlin,
        BERLIN,
        utc(2026, 10, 24, 0, 0),
        utc(2026, 10, 26, 0, 0),
    );
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].starts_at, utc(2026, 10, 25, 0, 30));
    assert_eq!(local_start(&found[0], BERLIN), "2026-10-25 02:30 CEST");
}

#[test]
fn the_end_is_elapsed_minutes_even_across_a_change() {
    // 01:00 EST for three hours on 2026-03-08 ends at 05:00 EDT on the clock.
    let mut s = weekly(&[Weekday::Sun], 1, 0, date(2026, 3, 1));
    s.duration_minutes = 180;
    let found = occurrences(&s, NEW_YORK, utc(2026, 3, 8, 0, 0), utc(2026, 3, 9, 0, 0));
    assert_eq!(
        found[0].ends_at - found[0].starts_at,
        TimeDelta::minutes(180)
    );
    assert_eq!(
        found[0]
            .ends_at
            .with_timezone(&NEW_YORK)
            .format("%H:%M")
            .to_string(),
        "05:00"
    );
}

#[test]
fn every_two_weeks_on_two_days() {
    // Week one is the week of Wed 2026-03-04; its Monday is before the first date.
    let mut s = weekly(&[Weekday::Mon, Weekday::Wed], 10, 0, date(2026, 3, 4));
    s.interval_weeks = 2;
    assert_eq!(
        dates(&s, utc(2026, 1, 1, 0, 0), utc(2026, 4, 6, 0, 0)),
        [
            date(2026, 3, 4),
            date(2026, 3, 16),
            date(2026, 3, 18),
            date(2026, 3, 30),
            date(2026, 4, 1),
        ]
    );
}

#[test]
fn until_is_inclusive() {
    let mut s = weekly(&[Weekday::Tue], 18, 0, date(2026, 3, 3));
    s.end = ScheduleEnd::Until {
        date: date(2026, 3, 17),
    };
    assert_eq!(
        dates(&s, utc(2026, 1, 1, 0, 0), utc(2027, 1, 1, 0, 0)),
        [date(2026, 3, 3), date(2026, 3, 10), date(2026, 3, 17)]
    );
}

#[test]
fn until_in_the_past_of_the_window_gives_nothing() {
    let mut s = weekly(&[Weekday::Tue], 18, 0, date(2020, 3, 3));
    s.end = ScheduleEnd::Until {
        date: date(2021, 3, 16),
    };
    assert!(dates(&s, utc(2026, 1, 1, 0, 0), utc(2027, 1, 1, 0, 0)).is_empty());
}

#[test]
fn count_counts_from_the_first_date_whatever_the_window() {
    let mut s = weekly(&[Weekday::Tue, Weekday::Thu], 18, 0, date(2026, 3, 3));
    s.end = ScheduleEnd::Count { count: 5 };
    assert_eq!(
        dates(&s, utc(2026, 1, 1, 0, 0), utc(2027, 1, 1, 0, 0)),
        [
            date(2026, 3, 3),
            date(2026, 3, 5),
            date(2026, 3, 10),
            date(2026, 3, 12),
            date(2026, 3, 17),
        ]
    );
    assert_eq!(
        dates(&s, utc(2026, 3, 11, 0, 0), utc(2027, 1, 1, 0, 0)),
        [date(2026, 3, 12), date(2026, 3, 17)]
    );
}

#[test]
fn the_window_includes_its_start_and_excludes_its_end() {
    let s = weekly(&[Weekday::Tue], 18, 0, date(2026, 3, 3));
    // Tuesdays in UTC: 2026-03-03, 03-10, 03-17 at 18:00.
    assert_eq!(
        dates(&s, utc(2026, 3, 3, 18, 0), utc(2026, 3, 17, 18, 0)),
        [date(2026, 3, 3), date(2026, 3, 10)]
    );
    assert!(dates(&s, utc(2026, 3, 3, 18, 1), utc(2026, 3, 10, 18, 0)).is_empty());
    assert!(dates(&s, utc(2026, 3, 10, 0, 0), utc(2026, 3, 1, 0, 0)).is_empty());
}

#[test]
fn nothing_before_the_first_date() {
    let s = weekly(&[Weekday::Tue], 18, 0, date(2026, 3, 4));
    assert_eq!(
        dates(&s, utc(2026, 3, 1, 0, 0), utc(2026, 3, 12, 0, 0)),
        [date(2026, 3, 10)]
    );
}

#[test]
fn a_late_window_of_an_old_schedule_matches_the_full_run() {
    // Starting the rule near the window must keep the every-three-weeks pattern.
    let mut s = weekly(&[Weekday::Mon, Weekday::Fri], 23, 30, date(2016, 5, 11));
    s.interval_weeks = 3;
    let (from, to) = (utc(2026, 2, 10, 0, 0), utc(2027, 2, 10, 0, 0));
    let everything = occurrences(&s, NEW_YORK, utc(2016, 1, 1, 0, 0), to);
    let expected: Vec<_> = everything
        .into_iter()
        .filter(|o| o.starts_at >= from)
        .collect();
    assert_eq!(expected.len(), 35);
    assert_eq!(occurrences(&s, NEW_YORK, from, to), expected);
}

#[test]
fn ten_years_are_all_there_and_ordered() {
    let s = weekly(&[Weekday::Mon, Weekday::Thu], 9, 0, date(2026, 1, 1));
    let found = occurrences(&s, BERLIN, utc(2026, 1, 1, 0, 0), utc(2036, 1, 1, 0, 0));
    assert_eq!(found.len(), 1044);
    assert!(found.windows(2).all(|w| w[0].starts_at < w[1].starts_at));
    assert_eq!(
        found,
        occurrences(&s, BERLIN, utc(2026, 1, 1, 0, 0), utc(2036, 1, 1, 0, 0))
    );
}

#[test]
fn no_days_or_no_interval_gives_nothing() {
    let mut s = weekly(&[], 9, 0, date(2026, 1, 1));
    assert!(dates(&s, utc(2026, 1, 1, 0, 0), utc(2027, 1, 1, 0, 0)).is_empty());
    s.days = vec![Weekday::Mon];
    s.interval_weeks = 0;
    assert!(dates(&s, utc(2026, 1, 1, 0, 0), utc(2027, 1, 1, 0, 0)).is_empty());
}

/// Run by hand: `cargo test -p kindred-domain --release -- --ignored --nocapture one_year`.
/// Measured once: about 620,000 occurrences in 0.23 s of CPU for the whole test process.
#[test]
#[ignore]
fn one_year_for_ten_thousand_schedules() {
    let zones = [NEW_YORK, BERLIN, Tz::Australia__Sydney, Tz::Asia__Kolkata];
    let schedules: Vec<Schedule> = (0..10_000)
        .map(|i| {
            let mut s = weekly(
                &[Weekday::Tue, Weekday::Thu],
                8 + i % 12,
                0,
                date(2020 + (i as i32 % 7), 1 + i % 12, 1 + i % 28),
            );
            s.interval_weeks = 1 + (i as i32 % 3);
            s
        })
        .collect();
    let (from, to) = (utc(2026, 6, 1, 0, 0), utc(2027, 6, 1, 0, 0));
    let started = std::time::Instant::now();
    let total: usize = schedules
        .iter()
        .enumerate()
        .map(|(i, s)| occurrences(s, zones[i % zones.len()], from, to).len())
        .sum();
    eprintln!("{total} occurrences in {:?}", started.elapsed());
}
