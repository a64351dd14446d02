//! The directory's own small vocabularies, and the bit masks every vocabulary is filtered by.
//!
//! A filter on a repeatable vocabulary ("any of these focus areas") is one bit mask: bit `i`
//! stands for the `i`-th value of `Choice::ALL`. The store keeps the same masks per group (its
//! `directory_codes` table lists each code with its bit; a store test checks they agree).

use chrono::Weekday;

use crate::fields::Choice;
use crate::vocabulary;

vocabulary!(
    /// When a group meets, in the group's own time zone.
    TimeOfDay {
        Morning => ("morning", "Morning (before noon)"),
        Afternoon => ("afternoon", "Afternoon (noon to 5 pm)"),
        Evening => ("evening", "Evening (from 5 pm)"),
        Weekend => ("weekend", "Weekend"),
    }
);

vocabulary!(
    /// Who leads a group, as people ask for it.
    Led {
        Peer => ("peer", "Peer-led"),
        Clinician => ("clinician", "Therapist-led"),
    }
);

vocabulary!(
    /// Whether a group has room now or takes people onto its waitlist.
    Seats {
        Open => ("open", "Has open seats"),
        Waitlist => ("waitlist", "Full: join the waitlist"),
    }
);

vocabulary!(
    /// Days of the week, Monday first (the schedule's day codes).
    Day {
        Mon => ("mon", "Monday"),
        Tue => ("tue", "Tuesday"),
        Wed => ("wed", "Wednesday"),
        Thu => ("thu", "Thursday"),
        Fri => ("fri", "Friday"),
        Sat => ("sat", "Saturday"),
        Sun => ("sun", "Sunday"),
    }
);

impl Day {
    pub fn of(day: Weekday) -> Day {
        Day::ALL[day.num_days_from_monday() as usize]
    }
}

/// The bit of one value: its position in the vocabulary.
pub fn bit<T: Choice + PartialEq>(value: T) -> i64 {
    T::ALL
        .iter()
        .position(|v| *v == value)
        .map_or(0, |i| 1_i64 << i)
}

/// The mask of a list of values; 0 for none (no filter).
pub fn mask<T: Choice + PartialEq>(values: &[T]) -> i64 {
    values.iter().fold(0, |m, v| m | bit(*v))
}

/// The values whose bits are set, in the vocabulary's order.
pub fn from_mask<T: Choice + PartialEq>(mask: i64) -> Vec<T> {
    T::ALL
        .iter()
        .copied()
        .filter(|v| mask & bit(*v) != 0)
        .collect()
}
