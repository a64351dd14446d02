//! How times read on pages: in the group's own time zone, in plain words.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

/// "Tuesday 3 December, 6:00 pm EST": the zone abbreviation tells a person in another zone
/// that the time is not theirs.
pub fn when(at: &DateTime<Utc>, zone: &Tz) -> String {
    at.with_timezone(zone)
        .format("%A %-d %B, %-I:%M %P %Z")
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shows_local_time_with_zone() {
        let at = DateTime::parse_from_rfc3339("2026-12-01T23:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        assert_eq!(
            when(&at, &chrono_tz::America::New_York),
            "Tuesday 1 December, 6:00 pm EST"
        );
    }
}
