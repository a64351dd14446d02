use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use super::utc;
use crate::ids::{AccountId, GroupId, LocationId, SessionId};
use crate::schedules::{overlap_warnings, OverlapWarning, Slot};

fn slot(
    group: &str,
    starts_at: DateTime<Utc>,
    ends_at: DateTime<Utc>,
    facilitators: &[AccountId],
    location_id: LocationId,
    room: &str,
) -> Slot {
    Slot {
        session_id: SessionId::new(),
        group_id: GroupId::new(),
        group_name: group.into(),
        starts_at,
        ends_at,
        facilitators: facilitators.to_vec(),
        location_id,
        room: room.into(),
    }
}

#[test]
fn a_shared_facilitator_at_overlapping_times_is_warned_about() {
    let (ana, ben, cy) = (AccountId::new(), AccountId::new(), AccountId::new());
    let site = LocationId::new();
    let a = slot(
        "Anxiety Skills",
        utc(2026, 3, 10, 22, 0),
        utc(2026, 3, 10, 23, 30),
        &[ana, ben],
        site,
        "",
    );
    let b = slot(
        "Recovery Circle",
        utc(2026, 3, 10, 23, 0),
        utc(2026, 3, 11, 0, 0),
        &[ben, cy],
        site,
        "",
    );
    let warnings = overlap_warnings(std::slice::from_ref(&a), std::slice::from_ref(&b));
    assert_eq!(warnings.len(), 1);
    let OverlapWarning::Facilitator {
        account_id,
        session,
        other,
    } = &warnings[0]
    else {
        panic!("{warnings:?}");
    };
    assert_eq!(*account_id, ben);
    assert_eq!(session.session_id, a.session_id);
    assert_eq!(other.group_name, "Recovery Circle");
    assert_eq!(
        warnings[0].message(),
        "The same facilitator would lead Anxiety Skills (Tue 2026-03-10 22:00–23:30 UTC) and \
         Recovery Circle (Tue 2026-03-10 23:00–00:00 UTC) at overlapping times."
    );
    assert_eq!(
        warnings[0].message_in(Tz::America__New_York),
        "The same facilitator would lead Anxiety Skills (Tue 2026-03-10 18:00–19:30 EDT) and \
         Recovery Circle (Tue 2026-03-10 19:00–20:00 EDT) at overlapping times."
    );
}

#[test]
fn back_to_back_sessions_do_not_overlap() {
    let ana = AccountId::new();
    let site = LocationId::new();
    let a = slot(
        "A",
        utc(2026, 3, 10, 17, 0),
        utc(2026, 3, 10, 19, 0),
        &[ana],
        site,
        "Room 1",
    );
    let b = slot(
        "B",
        utc(2026, 3, 10, 19, 0),
        utc(2026, 3, 10, 20, 0),
        &[ana],
        site,
        "Room 1",
    );
    assert!(overlap_warnings(std::slice::from_ref(&a), std::slice::from_ref(&b)).is_empty());
    assert!(overlap_warnings(&[a, b], &[]).is_empty());
}

#[test]
fn the_same_room_at_the_same_location_clashes() {
    let site = LocationId::new();
    let a = slot(
        "A",
        utc(2026, 3, 10, 17, 0),
        utc(2026, 3, 10, 19, 0),
        &[],
        site,
        "Room 1",
    );
    let b = slot(
        "B",
        utc(2026, 3, 10, 18, 0),
        utc(2026, 3, 10, 20, 0),
        &[],
        site,
        "Room 1",
    );
    let warnings = overlap_warnings(&[a], &[b]);
    assert_eq!(warnings.len(), 1);
    assert!(
        matches!(&warnings[0], OverlapWarning::Room { room, location_id, .. }
        if room == "Room 1" && *location_id == site)
    );
    assert_eq!(
        warnings[0].message(),
        "Room Room 1 would be booked for both A (Tue 2026-03-10 17:00–19:00 UTC) and \
         B (Tue 2026-03-10 18:00–20:00 UTC) at overlapping times."
    );
}

#[test]
fn empty_rooms_other_rooms_and_other_locations_do_not_clash() {
    let (here, there) = (LocationId::new(), LocationId::new());
    let (start, end) = (utc(2026, 3, 10, 17, 0), utc(2026, 3, 10, 19, 0));
    let a = slot("A", start, end, &[], here, "Room 1");
    let others = [
        slot("Online", start, end, &[], here, ""),
        slot("Next door", start, end, &[], here, "Room 2"),
        slot("Elsewhere", start, end, &[], there, "Room 1"),
    ];
    assert!(overlap_warnings(std::slice::from_ref(&a), &others).is_empty());
    let empty = slot("A", start, end, &[], here, "");
    assert!(overlap_warnings(&[empty], &[slot("B", start, end, &[], here, "")]).is_empty());
}

#[test]
fn a_slot_never_clashes_with_itself_and_a_pair_is_told_once() {
    let ana = AccountId::new();
    let site = LocationId::new();
    let a = slot(
        "A",
        utc(2026, 3, 10, 17, 0),
        utc(2026, 3, 10, 19, 0),
        &[ana],
        site,
        "Room 1",
    );
    let b = slot(
        "B",
        utc(2026, 3, 10, 18, 0),
        utc(2026, 3, 10, 20, 0),
        &[ana],
        site,
        "Room 1",
    );
    // The caller may pass the candidates among the others too.
    assert!(overlap_warnings(std::slice::from_ref(&a), std::slice::from_ref(&a)).is_empty());
    let warnings = overlap_warnings(&[a.clone(), b.clone()], &[a, b]);
    assert_eq!(warnings.len(), 2, "{warnings:?}"); // one facilitator, one room
}

#[test]
fn sessions_of_one_group_clash_only_when_they_truly_overlap() {
    let ana = AccountId::new();
    let site = LocationId::new();
    let group = GroupId::new();
    let mut a = slot(
        "A",
        utc(2026, 3, 10, 17, 0),
        utc(2026, 3, 10, 19, 0),
        &[ana],
        site,
        "Room 1",
    );
    let mut b = slot(
        "A",
        utc(2026, 3, 12, 17, 0),
        utc(2026, 3, 12, 19, 0),
        &[ana],
        site,
        "Room 1",
    );
    a.group_id = group;
    b.group_id = group;
    assert!(overlap_warnings(std::slice::from_ref(&a), std::slice::from_ref(&b)).is_empty());
    b.starts_at = utc(2026, 3, 10, 18, 0);
    b.ends_at = utc(2026, 3, 10, 20, 0);
    assert_eq!(overlap_warnings(&[a], &[b]).len(), 2);
}

#[test]
fn warnings_serialize_with_their_kind() {
    let ana = AccountId::new();
    let site = LocationId::new();
    let a = slot(
        "A",
        utc(2026, 3, 10, 17, 0),
        utc(2026, 3, 10, 19, 0),
        &[ana],
        site,
        "",
    );
    let b = slot(
        "B",
        utc(2026, 3, 10, 18, 0),
        utc(2026, 3, 10, 20, 0),
        &[ana],
        site,
        "",
    );
    let json = serde_json::to_value(overlap_warnings(&[a], &[b])).unwrap();
    assert_eq!(json[0]["kind"], "facilitator");
    assert_eq!(json[0]["account_id"], ana.to_string());
    assert_eq!(json[0]["other"]["group_name"], "B");
}
