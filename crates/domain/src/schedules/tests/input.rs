use chrono::{NaiveTime, Weekday};

use super::{date, utc};
use crate::ids::GroupId;
use crate::schedules::{ScheduleEnd, ScheduleInput};
use crate::FieldErrors;

fn good() -> ScheduleInput {
    ScheduleInput {
        days: vec!["thu".into(), "tue".into()],
        start_time: "18:00".into(),
        duration_minutes: "90".into(),
        every_weeks: "1".into(),
        first_date: "2026-03-03".into(),
        end: "never".into(),
        until_date: String::new(),
        count: String::new(),
        room: " Room 2 ".into(),
    }
}

fn error(input: ScheduleInput, field: &str) -> String {
    let errors: FieldErrors = input.parse().unwrap_err();
    errors
        .get(field)
        .unwrap_or_else(|| panic!("no message at {field}: {errors:?}"))
        .to_owned()
}

#[test]
fn parses_a_good_schedule_into_a_new_one() {
    let group_id = GroupId::new();
    let now = utc(2026, 2, 1, 12, 0);
    let schedule = good().parse().unwrap().into_new(group_id, now);
    assert_eq!(schedule.days, vec![Weekday::Tue, Weekday::Thu]);
    assert_eq!(
        schedule.start_time,
        NaiveTime::from_hms_opt(18, 0, 0).unwrap()
    );
    assert_eq!(schedule.duration_minutes, 90);
    assert_eq!(schedule.interval_weeks, 1);
    assert_eq!(schedule.first_date, date(2026, 3, 3));
    assert_eq!(schedule.end, ScheduleEnd::Never);
    assert_eq!(schedule.room, "Room 2");
    assert_eq!(schedule.group_id, group_id);
    assert_eq!(schedule.created_at, now);
    assert_eq!(schedule.archived_at, None);
}

#[test]
fn round_trips_through_the_form() {
    let schedule = ScheduleInput {
        end: "until".into(),
        until_date: "2026-06-30".into(),
        ..good()
    }
    .parse()
    .unwrap()
    .into_new(GroupId::new(), utc(2026, 2, 1, 12, 0));
    let again = ScheduleInput::from(&schedule)
        .parse()
        .unwrap()
        .apply(schedule.clone());
    assert_eq!(again, schedule);
}

#[test]
fn blank_every_weeks_and_end_mean_weekly_and_never() {
    let spec = ScheduleInput {
        every_weeks: " ".into(),
        end: String::new(),
        ..good()
    }
    .parse()
    .unwrap();
    assert_eq!(spec.interval_weeks, 1);
    assert_eq!(spec.end, ScheduleEnd::Never);
}

#[test]
fn days_repeat_dedupe_and_ignore_case() {
    let spec = ScheduleInput {
        days: vec!["Sun".into(), "mon".into(), "sun".into()],
        ..good()
    }
    .parse()
    .unwrap();
    assert_eq!(spec.days, vec![Weekday::Mon, Weekday::Sun]);
}

#[test]
fn no_day_chosen() {
    let input = ScheduleInput {
        days: vec![],
        ..good()
    };
    assert_eq!(error(input, "days"), "Choose at least one day of the week.");
    let blank = ScheduleInput {
        days: vec![" ".into()],
        ..good()
    };
    assert_eq!(error(blank, "days"), "Choose at least one day of the week.");
}

#[test]
fn unknown_day() {
    let input = ScheduleInput {
        days: vec!["tue".into(), "tuesday".into()],
        ..good()
    };
    assert_eq!(
        error(input, "days"),
        "Unknown day \"tuesday\"; use mon, tue, wed, thu, fri, sat or sun."
    );
}

#[test]
fn bad_or_missing_time() {
    for bad in ["25:00", "18:60", "6pm", "18:00:30", "18"] {
        let input = ScheduleInput {
            start_time: bad.into(),
            ..good()
        };
        assert_eq!(
            error(input, "start_time"),
            "Enter the start time as hours and minutes on a 24-hour clock, such as 18:00.",
            "{bad}"
        );
    }
    let blank = ScheduleInput {
        start_time: String::new(),
        ..good()
    };
    assert_eq!(
        error(blank, "start_time"),
        "Enter the start time, such as 18:00."
    );
}

#[test]
fn time_with_zero_seconds_is_accepted() {
    let spec = ScheduleInput {
        start_time: "09:15:00".into(),
        ..good()
    }
    .parse()
    .unwrap();
    assert_eq!(spec.start_time, NaiveTime::from_hms_opt(9, 15, 0).unwrap());
}

#[test]
fn duration_between_15_and_600_minutes() {
    for bad in ["14", "601", "", "ninety", "90.5"] {
        let input = ScheduleInput {
            duration_minutes: bad.into(),
            ..good()
        };
        assert_eq!(
            error(input, "duration_minutes"),
            "Enter the length in minutes, from 15 to 600.",
            "{bad}"
        );
    }
    for ok in ["15", "600"] {
        let input = ScheduleInput {
            duration_minutes: ok.into(),
            ..good()
        };
        assert!(input.parse().is_ok(), "{ok}");
    }
}

#[test]
fn every_1_to_12_weeks() {
    for bad in ["0", "13", "-1", "two"] {
        let input = ScheduleInput {
            every_weeks: bad.into(),
            ..good()
        };
        assert_eq!(
            error(input, "every_weeks"),
            "Enter how many weeks apart it meets, from 1 (every week) to 12.",
            "{bad}"
        );
    }
    let spec = ScheduleInput {
        every_weeks: "12".into(),
        ..good()
    }
    .parse()
    .unwrap();
    assert_eq!(spec.interval_weeks, 12);
}

#[test]
fn bad_or_missing_first_date() {
    for bad in ["2026-02-30", "03/03/2026", "2026-3-3x", "20260-03-03"] {
        let input = ScheduleInput {
            first_date: bad.into(),
            ..good()
        };
        assert_eq!(
            error(input, "first_date"),
            "Enter the first date as year-month-day, such as 2026-03-03.",
            "{bad}"
        );
    }
    let blank = ScheduleInput {
        first_date: String::new(),
        ..good()
    };
    assert_eq!(
        error(blank, "first_date"),
        "Enter the first date, such as 2026-03-03."
    );
    for far in ["1999-12-31", "2101-01-01"] {
        let input = ScheduleInput {
            first_date: far.into(),
            ..good()
        };
        assert_eq!(
            error(input, "first_date"),
            "Enter a date between the years 2000 and 2100.",
            "{far}"
        );
    }
}

#[test]
fn unknown_end() {
    let input = ScheduleInput {
        end: "sometime".into(),
        ..good()
    };
    assert_eq!(
        error(input, "end"),
        "Choose how it ends: never, on a date, or after a number of sessions."
    );
}

#[test]
fn until_date_is_inclusive_and_may_equal_the_first_date() {
    let spec = ScheduleInput {
        end: "until".into(),
        until_date: "2026-03-03".into(),
        ..good()
    }
    .parse()
    .unwrap();
    assert_eq!(
        spec.end,
        ScheduleEnd::Until {
            date: date(2026, 3, 3)
        }
    );
}

#[test]
fn until_date_before_the_first_date() {
    let input = ScheduleInput {
        end: "until".into(),
        until_date: "2026-03-02".into(),
        ..good()
    };
    assert_eq!(
        error(input, "until_date"),
        "The end date is before the first date."
    );
}

#[test]
fn until_date_missing_or_bad() {
    let missing = ScheduleInput {
        end: "until".into(),
        ..good()
    };
    assert_eq!(
        error(missing, "until_date"),
        "Enter the last date, such as 2026-03-03."
    );
    let bad = ScheduleInput {
        end: "until".into(),
        until_date: "next June".into(),
        ..good()
    };
    assert_eq!(
        error(bad, "until_date"),
        "Enter the last date as year-month-day, such as 2026-03-03."
    );
}

#[test]
fn until_date_is_ignored_unless_chosen() {
    let spec = ScheduleInput {
        end: "never".into(),
        until_date: "garbage".into(),
        count: "0".into(),
        ..good()
    }
    .parse()
    .unwrap();
    assert_eq!(spec.end, ScheduleEnd::Never);
}

#[test]
fn count_between_1_and_1000() {
    let with = |count: &str| ScheduleInput {
        end: "count".into(),
        count: count.into(),
        ..good()
    };
    assert_eq!(error(with("0"), "count"), "Give at least one session.");
    assert_eq!(error(with("-3"), "count"), "Give at least one session.");
    assert_eq!(
        error(with("1001"), "count"),
        "Give at most 1000 sessions; for longer, choose no end date."
    );
    assert_eq!(
        error(with("99999999999999"), "count"),
        "Give at most 1000 sessions; for longer, choose no end date."
    );
    assert_eq!(
        error(with("ten"), "count"),
        "Enter a whole number of sessions, from 1 to 1000."
    );
    assert_eq!(
        error(with(""), "count"),
        "Enter how many sessions there will be."
    );
    assert_eq!(
        with("1000").parse().unwrap().end,
        ScheduleEnd::Count { count: 1000 }
    );
}

#[test]
fn room_at_most_80_characters() {
    let input = ScheduleInput {
        room: "x".repeat(81),
        ..good()
    };
    assert_eq!(error(input, "room"), "Use at most 80 characters.");
    let spec = ScheduleInput {
        room: "  ".into(),
        ..good()
    }
    .parse()
    .unwrap();
    assert_eq!(spec.room, "");
}

#[test]
fn reports_every_bad_field_at_once() {
    let errors = ScheduleInput::default().parse().unwrap_err();
    for field in ["days", "start_time", "duration_minutes", "first_date"] {
        assert!(errors.get(field).is_some(), "{field}: {errors:?}");
    }
}

#[test]
fn json_accepts_a_list_one_day_numbers_or_nothing() {
    let list: ScheduleInput =
        serde_json::from_str(r#"{"days":["tue","thu"],"duration_minutes":90,"every_weeks":2}"#)
            .unwrap();
    assert_eq!(list.days, vec!["tue", "thu"]);
    assert_eq!(list.duration_minutes, "90");
    assert_eq!(list.every_weeks, "2");
    let one: ScheduleInput = serde_json::from_str(r#"{"days":"wed","count":null}"#).unwrap();
    assert_eq!(one.days, vec!["wed"]);
    assert_eq!(one.count, "");
    let none: ScheduleInput = serde_json::from_str(r#"{"days":null}"#).unwrap();
    assert!(none.days.is_empty());
    let absent: ScheduleInput = serde_json::from_str("{}").unwrap();
    assert!(absent.days.is_empty());
}

#[test]
fn form_accepts_repeated_or_single_days() {
    let many: ScheduleInput =
        serde_html_form::from_str("days=tue&days=thu&start_time=18%3A00").unwrap();
    assert_eq!(many.days, vec!["tue", "thu"]);
    assert_eq!(many.start_time, "18:00");
    let one: ScheduleInput = serde_html_form::from_str("days=fri").unwrap();
    assert_eq!(one.days, vec!["fri"]);
    let none: ScheduleInput = serde_html_form::from_str("room=").unwrap();
    assert!(none.days.is_empty());
}
