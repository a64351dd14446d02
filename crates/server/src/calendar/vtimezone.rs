//! VTIMEZONE definitions from chrono-tz, covering the span of a feed's events in one zone.
//!
//! chrono-tz does not expose a zone's transitions, so they are found by sampling the offset
//! once a day and bisecting each change down to the second.

use chrono::{DateTime, NaiveDateTime, Offset, SubsecRound, TimeDelta, TimeZone, Utc};
use chrono_tz::{OffsetComponents, OffsetName, Tz, TzOffset};

use super::ics::{self, ContentLines};

/// Sampling interval: zones do not change offset twice within a day.
const STEP: TimeDelta = TimeDelta::days(1);

/// How far the covered span reaches beyond the first and last event.
const MARGIN: TimeDelta = TimeDelta::days(1);

/// One observance: the offset `to` in force from `onset` on, replacing `from`. The first one
/// of a zone may have `from == to`, when it only states the offset at the start of the span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Observance {
    pub onset: DateTime<Utc>,
    pub from: TzOffset,
    pub to: TzOffset,
}

/// Writes the VTIMEZONE of `zone` with observances covering `first..=last`.
pub(super) fn write(lines: &mut ContentLines, zone: Tz, first: DateTime<Utc>, last: DateTime<Utc>) {
    lines.begin("VTIMEZONE");
    lines.text("TZID", zone.name());
    for observance in observances(zone, first, last) {
        write_observance(lines, &observance);
    }
    lines.end("VTIMEZONE");
}

fn write_observance(lines: &mut ContentLines, observance: &Observance) {
    let kind = if observance.to.dst_offset().is_zero() {
        "STANDARD"
    } else {
        "DAYLIGHT"
    };
    let from = observance.from.fix().local_minus_utc();
    let to = observance.to.fix().local_minus_utc();
    lines.begin(kind);
    // An onset is written in the local time that was in force just before it.
    lines.value(
        "DTSTART",
        &ics::local_date_time(local(observance.onset, from)),
    );
    lines.value("TZOFFSETFROM", &ics::utc_offset(from));
    lines.value("TZOFFSETTO", &ics::utc_offset(to));
    match observance.to.abbreviation() {
        Some(name) => lines.text("TZNAME", name),
        None => lines.text("TZNAME", &numeric_name(to)),
    }
    lines.end(kind);
}

/// The observances in force over `first..=last`, oldest first: every change of offset in the
/// span, led by the offset at its start unless a change already precedes `first`.
pub(super) fn observances(zone: Tz, first: DateTime<Utc>, last: DateTime<Utc>) -> Vec<Observance> {
    let start = first
        .trunc_subsecs(0)
        .checked_sub_signed(MARGIN)
        .unwrap_or(first);
    let end = last
        .trunc_subsecs(0)
        .checked_add_signed(MARGIN)
        .unwrap_or(last)
        .max(start);

    let mut found = Vec::new();
    let mut at = start;
    let mut before = offset_at(zone, at);
    while at < end {
        let next = at
            .checked_add_signed(STEP)
            .map_or(end, |next| next.min(end));
        if offset_at(zone, next) == before {
            at = next;
            continue;
        }
        // Go on from the change itself, so a second change before `next` is not skipped.
        let onset = first_change(zone, at, before, next);
        let to = offset_at(zone, onset);
        found.push(Observance {
            onset,
            from: before,
            to,
        });
        at = onset;
        before = to;
    }

    if found.first().is_none_or(|change| change.onset > first) {
        let initial = offset_at(zone, start);
        found.insert(
            0,
            Observance {
                onset: start,
                from: initial,
                to: initial,
            },
        );
    }
    found
}

/// The first whole second in `(lo, hi]` whose offset differs from `before`, the offset at `lo`.
fn first_change(
    zone: Tz,
    mut lo: DateTime<Utc>,
    before: TzOffset,
    mut hi: DateTime<Utc>,
) -> DateTime<Utc> {
    let second = TimeDelta::seconds(1);
    while hi - lo > second {
        let mid = (lo + (hi - lo) / 2).trunc_subsecs(0);
        if offset_at(zone, mid) == before {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    hi
}

fn offset_at(zone: Tz, at: DateTime<Utc>) -> TzOffset {
    zone.offset_from_utc_datetime(&at.naive_utc())
}

fn local(at: DateTime<Utc>, offset_seconds: i32) -> NaiveDateTime {
    at.naive_utc() + TimeDelta::seconds(i64::from(offset_seconds))
}

/// The tz database's name for an offset without letters, such as `-03` or `+0530`.
fn numeric_name(offset_seconds: i32) -> String {
    let full = ics::utc_offset(offset_seconds);
    match full.strip_suffix("00") {
        Some(hours) if full.len() == 5 => hours.to_owned(),
        _ => full,
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    fn utc(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, h, min, 0).unwrap()
    }

    fn offsets(observance: &Observance) -> (i32, i32) {
        (
            observance.from.fix().local_minus_utc(),
            observance.to.fix().local_minus_utc(),
        )
    }

    #[test]
    fn new_york_autumn_change_is_found_to_the_second() {
        let found = observances(
            chrono_tz::America::New_York,
            utc(2026, 10, 27, 22, 0),
            utc(2026, 11, 3, 23, 0),
        );
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].onset, utc(2026, 10, 26, 22, 0));
        assert_eq!(offsets(&found[0]), (-4 * 3600, -4 * 3600));
        assert_eq!(found[1].onset, utc(2026, 11, 1, 6, 0));
        assert_eq!(offsets(&found[1]), (-4 * 3600, -5 * 3600));
        assert_eq!(found[1].to.abbreviation(), Some("EST"));
    }

    #[test]
    fn a_change_just_before_the_first_event_replaces_the_initial_observance() {
        let found = observances(
            chrono_tz::Europe::Berlin,
            utc(2026, 3, 29, 8, 0),
            utc(2026, 3, 29, 9, 0),
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].onset, utc(2026, 3, 29, 1, 0));
        assert_eq!(offsets(&found[0]), (3600, 7200));
    }

    #[test]
    fn a_zone_without_changes_has_one_observance() {
        let found = observances(
            chrono_tz::Asia::Tokyo,
            utc(2026, 1, 1, 0, 0),
            utc(2027, 12, 31, 0, 0),
        );
        assert_eq!(found.len(), 1);
        assert_eq!(offsets(&found[0]), (9 * 3600, 9 * 3600));
    }

    #[test]
    fn numeric_names_follow_the_tz_database() {
        assert_eq!(numeric_name(-3 * 3600), "-03");
        assert_eq!(numeric_name(5 * 3600 + 1800), "+0530");
    }
}
