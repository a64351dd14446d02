use std::collections::BTreeMap;

use chrono::{DateTime, Duration, TimeZone, Utc};

use super::rules::{submit, transition};
use super::*;
use crate::enrollments::{rules::join, EnrollmentAction, RosterEntry, RosterGroup};
use crate::groups::EnrollmentMode;

fn at(minutes: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 1, 12, 0, 0).unwrap() + Duration::minutes(minutes)
}

fn roster(capacity: i32, mode: EnrollmentMode) -> Roster {
    Roster {
        group: RosterGroup {
            id: GroupId::new(),
            org_id: OrgId::new(),
            name: "Evening IOP".into(),
            capacity,
            mode,
            offer_hours: 0,
            archived: false,
        },
        entries: Vec::new(),
        cohort_starts_at: None,
    }
}

/// A complete screen, every answer at its least concern, then `set` over it.
pub(super) fn complete_screening(set: &[(&str, &str)]) -> BTreeMap<String, String> {
    let mut answers = BTreeMap::new();
    for instrument in crate::instruments::ALL {
        for item in instrument.items {
            answers.insert(
                format!("{}.{}", instrument.code, item.code),
                item.options[0].code.to_owned(),
            );
        }
    }
    for question in crate::screening::QUESTIONS {
        answers.insert(
            question.code.to_owned(),
            question.options[0].code.to_owned(),
        );
    }
    for (key, value) in set {
        answers.insert((*key).to_owned(), (*value).to_owned());
    }
    answers
}

fn spec() -> RequestSpec {
    parse_request(&RequestInput {
        name: "  Sam  ".into(),
        contact: "555-0100, evenings".into(),
        availability: "Tue/Thu evenings".into(),
        screening: Some(complete_screening(&[("phq-9.q1", "2")])),
    })
    .unwrap()
}

fn request(roster: &Roster, staff: &[AccountId]) -> (JoinRequest, Vec<Notification>) {
    let (request, event, notes) = submit(
        spec(),
        roster.group.org_id,
        roster.group.id,
        &roster.group.name,
        AccountId::new(),
        staff,
        at(0),
    );
    assert_eq!(event.status, RequestStatus::New);
    (request, notes)
}

fn step(action: &str, referral: &str, message: &str) -> Step {
    parse_step(&TransitionInput {
        action: action.into(),
        referral: referral.into(),
        message: message.into(),
        note: String::new(),
    })
    .unwrap()
}

#[test]
fn a_new_request_tells_each_queue_worker_the_group_only() {
    let r = roster(5, EnrollmentMode::Rolling);
    let staff = [AccountId::new(), AccountId::new()];
    let (request, notes) = request(&r, &staff);
    assert_eq!(request.name, "Sam");
    assert_eq!(notes.len(), 2);
    for note in &notes {
        assert_eq!(note.text, "New request to join Evening IOP");
        assert!(!note.text.contains("Sam") && !note.text.contains("555"));
        assert_eq!(
            note.link,
            format!("/orgs/{}/intake/{}", r.group.org_id, request.id)
        );
    }
}

#[test]
fn accepting_enrols_when_a_seat_is_free_and_waitlists_when_full() {
    let mut r = roster(1, EnrollmentMode::Rolling);
    let staff = AccountId::new();
    let (first, _) = request(&r, &[]);
    let change = transition(&first, &r, &step("accept", "", ""), staff, at(1)).unwrap();
    assert_eq!(change.request.status, RequestStatus::Accepted);
    assert_eq!(change.request.outcome, Some(EnrollmentStatus::Active));
    assert_eq!(change.roster.events[0].action, EnrollmentAction::Enrolled);
    assert_eq!(change.roster.events[0].actor_id, Some(staff));
    assert_eq!(change.notifications[0].account_id, first.account_id);
    assert!(change.notifications[0].text.contains("You are a member"));
    r.entries.push(RosterEntry {
        enrollment: change.roster.enrollments[0].clone(),
        display_name: "Sam".into(),
    });
    let (second, _) = request(&r, &[]);
    let change = transition(&second, &r, &step("accept", "", ""), staff, at(2)).unwrap();
    assert_eq!(change.request.outcome, Some(EnrollmentStatus::Waitlisted));
    assert!(change.notifications[0].text.contains("waitlist"));
}

#[test]
fn a_drop_in_group_accepts_without_an_enrollment() {
    let r = roster(5, EnrollmentMode::DropIn);
    let (req, _) = request(&r, &[]);
    let change = transition(&req, &r, &step("accept", "", ""), AccountId::new(), at(1)).unwrap();
    assert_eq!(change.request.status, RequestStatus::Accepted);
    assert_eq!(change.request.outcome, None);
    assert!(change.roster.is_empty());
    assert!(change.notifications[0].text.contains("drop-in"));
}

#[test]
fn decided_requests_take_no_further_step() {
    let r = roster(5, EnrollmentMode::Rolling);
    let (req, _) = request(&r, &[]);
    let staff = AccountId::new();
    let contacted = transition(&req, &r, &step("contacted", "", ""), staff, at(1)).unwrap();
    let again = transition(
        &contacted.request,
        &r,
        &step("contacted", "", ""),
        staff,
        at(2),
    );
    assert!(matches!(again, Err(Error::Conflict(_))));
    let declined = transition(
        &contacted.request,
        &r,
        &step("decline", "", "We are full this season."),
        staff,
        at(3),
    )
    .unwrap();
    assert_eq!(declined.request.message, "We are full this season.");
    for action in ["accept", "contacted", "decline"] {
        let refused = transition(
            &declined.request,
            &r,
            &step(action, "elsewhere", "sorry"),
            staff,
            at(4),
        );
        match refused {
            Err(Error::Conflict(m)) => assert!(m.contains("already declined"), "{m}"),
            other => panic!("{other:?}"),
        }
    }
}

#[test]
fn someone_already_on_the_list_is_not_accepted_twice() {
    let mut r = roster(5, EnrollmentMode::Rolling);
    let (req, _) = request(&r, &[]);
    let change = join(&r, req.account_id, at(0)).unwrap();
    r.entries.push(RosterEntry {
        enrollment: change.enrollments[0].clone(),
        display_name: "Sam".into(),
    });
    let refused = transition(&req, &r, &step("accept", "", ""), AccountId::new(), at(1));
    assert!(
        matches!(refused, Err(Error::Conflict(m)) if m.contains("already on the group's list"))
    );
}

#[test]
fn steps_need_their_words_and_known_actions() {
    let bad = |action: &str, referral: &str, message: &str| {
        parse_step(&TransitionInput {
            action: action.into(),
            referral: referral.into(),
            message: message.into(),
            note: String::new(),
        })
        .unwrap_err()
    };
    let fields = |e: Error| match e {
        Error::Invalid(f) => f.0.into_keys().collect::<Vec<_>>(),
        other => panic!("{other:?}"),
    };
    assert_eq!(fields(bad("refer", " ", "")), ["referral"]);
    assert_eq!(fields(bad("decline", "", "")), ["message"]);
    assert_eq!(fields(bad("enrol", "", "")), ["action"]);
    assert_eq!(fields(bad("submitted", "", "")), ["action"]);
    assert_eq!(fields(bad("decline", "", &"x".repeat(1001))), ["message"]);
}

#[test]
fn requests_need_a_name_and_a_way_to_reach_the_person() {
    let problems = parse_request(&RequestInput {
        name: "x".repeat(81),
        contact: "   ".into(),
        availability: String::new(),
        screening: Some(BTreeMap::from([("Bad Key!".into(), "1".into())])),
    })
    .unwrap_err();
    let Error::Invalid(fields) = problems else {
        panic!("{problems:?}")
    };
    let keys: Vec<_> = fields.0.keys().cloned().collect();
    assert_eq!(keys[..3], ["contact", "name", "screening"]);
    assert!(keys.contains(&"screening.phq-9.q1".to_owned()), "{keys:?}");
}

#[test]
fn an_attached_screening_must_be_complete_and_is_assessed_when_shown() {
    let partial = BTreeMap::from([("phq-9.q1".to_owned(), "2".to_owned())]);
    let problems = check_answers(&partial).unwrap_err();
    assert!(problems.get("screening").is_some());
    assert!(problems.get("screening.phq-9.q2").is_some(), "{problems:?}");
    let mut odd = complete_screening(&[]);
    odd.insert("favourite-colour".into(), "blue".into());
    let problems = check_answers(&odd).unwrap_err();
    assert!(problems.get("screening.favourite-colour").is_some());
    let urgent = complete_screening(&[("phq-9.q9", "1")]);
    assert!(check_answers(&urgent).is_ok());
    let shown = review(&urgent);
    assert!(shown.assessment.is_some_and(|a| a.urgent));
    assert_eq!(shown.answers.len(), urgent.len());
}
