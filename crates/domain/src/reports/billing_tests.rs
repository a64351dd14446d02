//! Tests of the billing rows, one rule each.

use super::billing::{billing_csv_header, billing_rows, BillingRow};
use super::facts::BillingCode;
use super::test_support::*;
use crate::attendance::AttendanceStatus::{self, *};
use crate::groups::GroupKind;
use crate::programs::LevelOfCare;

fn codes(rows: &[BillingRow]) -> Vec<(&str, &str, &str, i32)> {
    rows.iter()
        .map(|r| {
            (
                r.member_name.as_str(),
                r.code.as_str(),
                r.modifier.as_str(),
                r.units,
            )
        })
        .collect()
}

#[test]
fn only_present_late_and_left_early_are_billable() {
    let g = group("Tuesday group", GroupKind::Therapy, LevelOfCare::Outpatient);
    let s = session(&g, date(2025, 3, 4), 17, 90);
    let marks: [(&str, AttendanceStatus); 5] = [
        ("Ana", Present),
        ("Ben", Late),
        ("Cy", LeftEarly),
        ("Dee", Absent),
        ("Eve", Excused),
    ];
    let facts: Vec<_> = marks
        .iter()
        .map(|(name, status)| mark_minutes(&s, &member(name), *status, 90))
        .collect();
    let rows = billing_rows(&facts);
    let names: Vec<&str> = rows.iter().map(|r| r.member_name.as_str()).collect();
    assert_eq!(names, vec!["Ana", "Ben", "Cy"]);
}

#[test]
fn group_psychotherapy_is_one_unit_per_session() {
    let therapy = group("Therapy", GroupKind::Therapy, LevelOfCare::Outpatient);
    let psychoed = group(
        "Psychoed",
        GroupKind::Psychoeducation,
        LevelOfCare::Outpatient,
    );
    let skills = group("Skills", GroupKind::Skills, LevelOfCare::Outpatient);
    let ana = member("Ana");
    let s1 = session(&therapy, date(2025, 3, 4), 10, 90);
    let s2 = session(&therapy, date(2025, 3, 4), 17, 90);
    let facts = vec![
        mark(&s1, &ana, Present),
        mark_minutes(&s2, &ana, Late, 30),
        mark(&session(&psychoed, date(2025, 3, 5), 10, 60), &ana, Present),
        mark(&session(&skills, date(2025, 3, 6), 10, 120), &ana, Present),
    ];
    let rows = billing_rows(&facts);
    assert_eq!(
        codes(&rows),
        vec![
            ("Ana", "90853", "", 1),
            ("Ana", "90853", "", 1),
            ("Ana", "90853", "", 1),
            ("Ana", "90853", "", 1),
        ]
    );
    assert_eq!(rows[0].session_id, Some(s1.id));
    assert_eq!(rows[1].session_id, Some(s2.id));
    assert_eq!(rows[2].group_name, "Psychoed");
    assert_eq!(rows[3].group_name, "Skills");
}

#[test]
fn peer_support_is_billed_in_fifteen_minute_units() {
    let g = group(
        "Peer circle",
        GroupKind::PeerSupport,
        LevelOfCare::PeerSupport,
    );
    let s = session(&g, date(2025, 3, 4), 17, 90);
    let facts: Vec<_> = [("A7", 7), ("B8", 8), ("C22", 22), ("D23", 23), ("E90", 90)]
        .iter()
        .map(|(name, minutes)| mark_minutes(&s, &member(name), LeftEarly, *minutes))
        .collect();
    let rows = billing_rows(&facts);
    assert_eq!(
        codes(&rows),
        vec![
            ("B8", "H0038", "HQ", 1),
            ("C22", "H0038", "HQ", 1),
            ("D23", "H0038", "HQ", 2),
            ("E90", "H0038", "HQ", 6),
        ]
    );
    // The member whose 7 minutes make no unit still attended the session.
    assert!(rows.iter().all(|r| r.participant_count == 5));
}

#[test]
fn participant_count_is_the_members_who_attended_the_session() {
    let g = group("Therapy", GroupKind::Therapy, LevelOfCare::Outpatient);
    let s1 = session(&g, date(2025, 3, 4), 17, 90);
    let s2 = session(&g, date(2025, 3, 11), 17, 90);
    let (ana, ben, cy, dee) = (member("Ana"), member("Ben"), member("Cy"), member("Dee"));
    let facts = vec![
        mark(&s1, &ana, Present),
        mark(&s1, &ben, Late),
        mark(&s1, &cy, LeftEarly),
        mark(&s1, &dee, Absent),
        mark(&s2, &ana, Present),
        mark(&s2, &ben, Excused),
    ];
    let rows = billing_rows(&facts);
    let counts: Vec<(&str, i32)> = rows
        .iter()
        .map(|r| (r.member_name.as_str(), r.participant_count))
        .collect();
    assert_eq!(counts, vec![("Ana", 3), ("Ben", 3), ("Cy", 3), ("Ana", 1)]);
}

#[test]
fn intensive_outpatient_day_of_180_minutes_across_two_sessions_is_billed_once() {
    let morning = group(
        "IOP process",
        GroupKind::Therapy,
        LevelOfCare::IntensiveOutpatient,
    );
    let midday = group(
        "IOP skills",
        GroupKind::Skills,
        LevelOfCare::IntensiveOutpatient,
    );
    let mut first = session(&morning, date(2025, 3, 4), 9, 90);
    first.facilitator = "Dr. Okafor".to_owned();
    let second = session(&midday, date(2025, 3, 4), 11, 90);
    let (ana, ben) = (member("Ana"), member("Ben"));
    let facts = vec![
        // Given in reverse: the first session of the day is still the morning one.
        mark(&second, &ana, Present),
        mark(&first, &ana, Present),
        mark(&first, &ben, Present),
        mark_minutes(&second, &ben, LeftEarly, 89),
    ];
    let rows = billing_rows(&facts);
    assert_eq!(codes(&rows), vec![("Ana", "H0015", "", 1)]);
    let row = &rows[0];
    assert_eq!(row.date, date(2025, 3, 4));
    assert_eq!(row.group_name, "IOP process, IOP skills");
    assert_eq!(row.group_id, morning.id);
    assert_eq!(row.facilitator_name, "Dr. Okafor");
    assert_eq!(row.session_id, None);
    // Ben has 179 minutes: not billed, and not counted.
    assert_eq!(row.participant_count, 1);
}

#[test]
fn intensive_outpatient_day_needs_attended_minutes() {
    let g = group("IOP", GroupKind::Therapy, LevelOfCare::IntensiveOutpatient);
    let s1 = session(&g, date(2025, 3, 4), 9, 180);
    let s2 = session(&g, date(2025, 3, 5), 9, 120);
    let s3 = session(&g, date(2025, 3, 5), 13, 60);
    let ana = member("Ana");
    let facts = vec![
        // An absence with minutes recorded never counts.
        mark_minutes(&s1, &ana, Absent, 180),
        // Two days, each 120 + 60 would be 180 only if absent counted.
        mark(&s2, &ana, Present),
        mark_minutes(&s3, &ana, Excused, 60),
    ];
    assert!(billing_rows(&facts).is_empty());
}

#[test]
fn intensive_outpatient_participant_count_is_members_billed_that_date() {
    let g = group("IOP", GroupKind::Therapy, LevelOfCare::IntensiveOutpatient);
    let day1 = session(&g, date(2025, 3, 4), 9, 180);
    let day2 = session(&g, date(2025, 3, 5), 9, 180);
    let (ana, ben, cy) = (member("Ana"), member("Ben"), member("Cy"));
    let facts = vec![
        mark(&day1, &ana, Present),
        mark(&day1, &ben, Present),
        mark_minutes(&day1, &cy, Late, 150),
        mark(&day2, &ana, Present),
    ];
    let rows = billing_rows(&facts);
    let counts: Vec<(&str, i32)> = rows
        .iter()
        .map(|r| (r.member_name.as_str(), r.participant_count))
        .collect();
    assert_eq!(counts, vec![("Ana", 2), ("Ben", 2), ("Ana", 1)]);
}

#[test]
fn override_replaces_code_and_modifier() {
    let mut therapy = group("Therapy", GroupKind::Therapy, LevelOfCare::Outpatient);
    therapy.billing_override = Some(BillingCode::new("90849", ""));
    let mut peer = group("Peer", GroupKind::PeerSupport, LevelOfCare::PeerSupport);
    peer.billing_override = Some(BillingCode::new("H0038", "U8"));
    let ana = member("Ana");
    let facts = vec![
        mark(&session(&therapy, date(2025, 3, 4), 10, 90), &ana, Present),
        mark(&session(&peer, date(2025, 3, 5), 10, 60), &ana, Present),
    ];
    assert_eq!(
        codes(&billing_rows(&facts)),
        vec![("Ana", "90849", "", 1), ("Ana", "H0038", "U8", 4)]
    );
}

#[test]
fn overridden_intensive_outpatient_group_is_billed_per_session() {
    let mut overridden = group(
        "IOP family",
        GroupKind::Therapy,
        LevelOfCare::IntensiveOutpatient,
    );
    overridden.billing_override = Some(BillingCode::new("90849", ""));
    let plain = group(
        "IOP process",
        GroupKind::Therapy,
        LevelOfCare::IntensiveOutpatient,
    );
    let ana = member("Ana");
    let facts = vec![
        mark(
            &session(&overridden, date(2025, 3, 4), 9, 90),
            &ana,
            Present,
        ),
        mark(&session(&plain, date(2025, 3, 4), 11, 90), &ana, Present),
    ];
    // The overridden session's 90 minutes do not add to the day: 90 < 180, no H0015.
    let rows = billing_rows(&facts);
    assert_eq!(codes(&rows), vec![("Ana", "90849", "", 1)]);
    assert!(rows[0].session_id.is_some());
}

#[test]
fn rows_are_sorted_by_date_member_and_group() {
    let a = group("Anchor", GroupKind::Therapy, LevelOfCare::Outpatient);
    let b = group("Bridge", GroupKind::Therapy, LevelOfCare::Outpatient);
    let (ana, ben) = (member("Ana"), member("Ben"));
    let b_early = session(&b, date(2025, 3, 4), 9, 60);
    let a_late = session(&a, date(2025, 3, 4), 17, 60);
    let next_day = session(&a, date(2025, 3, 5), 9, 60);
    let facts = vec![
        mark(&next_day, &ana, Present),
        mark(&b_early, &ben, Present),
        mark(&b_early, &ana, Present),
        mark(&a_late, &ben, Present),
        mark(&a_late, &ana, Present),
    ];
    let rows = billing_rows(&facts);
    let order: Vec<(chrono::NaiveDate, &str, &str)> = rows
        .iter()
        .map(|r| (r.date, r.member_name.as_str(), r.group_name.as_str()))
        .collect();
    let (tue, wed) = (date(2025, 3, 4), date(2025, 3, 5));
    assert_eq!(
        order,
        vec![
            (tue, "Ana", "Anchor"),
            (tue, "Ana", "Bridge"),
            (tue, "Ben", "Anchor"),
            (tue, "Ben", "Bridge"),
            (wed, "Ana", "Anchor"),
        ]
    );
}

#[test]
fn no_facts_no_rows() {
    assert!(billing_rows(&[]).is_empty());
}

#[test]
fn csv_fields_match_the_header() {
    let g = group("IOP", GroupKind::Therapy, LevelOfCare::IntensiveOutpatient);
    let s = session(&g, date(2025, 3, 4), 9, 180);
    let rows = billing_rows(&[mark(&s, &member("@Ana"), Present)]);
    let fields = rows[0].csv_fields();
    assert_eq!(fields.len(), billing_csv_header().len());
    assert_eq!(fields[0], "'@Ana");
    assert_eq!(fields[2], "2025-03-04");
    assert_eq!(fields[5], "H0015");
    assert_eq!(fields[6], "");
    assert_eq!(fields[10], "");
}
