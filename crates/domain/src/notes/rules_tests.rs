use chrono::{DateTime, Duration, TimeZone as _, Utc};

use super::rules::{self, NoteState, Writer};
use super::{KnownNames, MemberInput, NoteInput, NoteStatus};
use crate::attendance::{AttendanceMark, AttendanceStatus, MarkSource, RosterLine};
use crate::ids::{AccountId, GroupId, OrgId, SessionId};
use crate::sessions::{GroupSession, SessionStatus};
use crate::Error;

fn at() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 20, 18, 0, 0).unwrap()
}

fn line(name: &str, status: Option<AttendanceStatus>, session: SessionId) -> RosterLine {
    let account_id = AccountId::new();
    RosterLine {
        account_id,
        display_name: name.into(),
        enrolled: true,
        registered: false,
        mark: status.map(|status| AttendanceMark {
            session_id: session,
            account_id,
            status,
            minutes: 60,
            source: MarkSource::Staff,
            marked_by: None,
            marked_at: at(),
            online_minutes: 0,
        }),
    }
}

/// Held session: Robin present, Casey late, Morgan absent (legal name Morgan Ellis).
fn state() -> NoteState {
    let id = SessionId::new();
    let roster = vec![
        line("Robin", Some(AttendanceStatus::Present), id),
        line("Casey T.", Some(AttendanceStatus::Late), id),
        line("Morgan", Some(AttendanceStatus::Absent), id),
    ];
    let names = vec![KnownNames {
        member: roster[2].account_id,
        names: vec!["Morgan Ellis".into()],
    }];
    NoteState {
        session: GroupSession {
            id,
            group_id: GroupId::new(),
            starts_at: at(),
            ends_at: at() + Duration::hours(1),
            status: SessionStatus::Held,
            cancel_reason: String::new(),
            schedule_id: None,
            occurrence_date: None,
            moved: false,
            room: String::new(),
        },
        roster,
        names,
        existing: None,
    }
}

fn writer(peer: bool) -> Writer {
    Writer {
        id: AccountId::new(),
        org: OrgId::new(),
        name: "Facilitator".into(),
        needs_cosign: peer,
    }
}

fn section(member: AccountId, data: &str) -> MemberInput {
    MemberInput {
        member_id: member.to_string(),
        data: data.into(),
        assessment: "Engaged and reflective.".into(),
        plan: "Continue weekly.".into(),
        response: "Practised the skill.".into(),
        risk_level: "none".into(),
        risk_notes: String::new(),
    }
}

fn input(state: &NoteState, robin: &str, casey: &str) -> NoteInput {
    NoteInput {
        topic: "Handling cravings".into(),
        techniques: "Psychoeducation".into(),
        themes: "Stress at work".into(),
        observations: "Warm group.".into(),
        members: vec![
            section(state.roster[0].account_id, robin),
            section(state.roster[1].account_id, casey),
        ],
    }
}

fn later() -> DateTime<Utc> {
    at() + Duration::hours(3)
}

fn sign(state: &NoteState, input: &NoteInput, w: &Writer) -> Result<super::GroupNote, Error> {
    rules::sign(state, input.parse(true)?, w, later())
}

#[test]
fn signing_makes_one_section_per_attending_member_and_counts_them() {
    let state = state();
    let note = sign(
        &state,
        &input(&state, "Spoke about sleep.", "Arrived late."),
        &writer(false),
    )
    .unwrap();
    assert_eq!(note.status, NoteStatus::Signed);
    assert_eq!(note.participant_count, 2);
    let members: Vec<_> = note.sections.iter().map(|s| s.member_id).collect();
    assert_eq!(
        members,
        vec![state.roster[0].account_id, state.roster[1].account_id]
    );
    assert_eq!(note.signed_at, Some(later()));
}

#[test]
fn an_absent_member_gets_no_section_and_a_missing_one_blocks_signing() {
    let state = state();
    let mut with_absent = input(&state, "a", "b");
    with_absent
        .members
        .push(section(state.roster[2].account_id, "was not there"));
    let Err(Error::Invalid(errors)) = sign(&state, &with_absent, &writer(false)) else {
        panic!("a section for an absent member must be refused");
    };
    assert!(errors.get("members").is_some());

    let mut missing = input(&state, "a", "b");
    missing.members.pop();
    let Err(Error::Invalid(errors)) = sign(&state, &missing, &writer(false)) else {
        panic!("a missing section must block signing");
    };
    let key = format!("member.{}.data", state.roster[1].account_id);
    assert!(errors.get(&key).unwrap().contains("Casey T."));
}

#[test]
fn another_members_name_or_legal_name_blocks_signing_and_says_where() {
    let state = state();
    let leaking = input(
        &state,
        "Sat next to casey and laughed.",
        "Talked with morgan ellis.",
    );
    let Err(Error::Invalid(errors)) = sign(&state, &leaking, &writer(false)) else {
        panic!("names of other members must block signing");
    };
    let robin = format!("member.{}.data", state.roster[0].account_id);
    let casey = format!("member.{}.data", state.roster[1].account_id);
    assert!(errors.get(&robin).unwrap().contains("(\"casey\")"));
    assert!(errors.get(&robin).unwrap().contains("casey and laughed"));
    // Morgan's name from their request is found, and only the words written are quoted.
    let morgan = errors.get(&casey).unwrap();
    assert!(morgan.contains("(\"morgan ellis\")"), "{morgan}");
    assert!(!morgan.contains("Ellis\")"));
    // A member's own name is fine in their own section.
    let own = input(&state, "Robin set a goal.", "Casey arrived late.");
    assert!(sign(&state, &own, &writer(false)).is_ok());
}

#[test]
fn the_shared_part_may_name_no_member() {
    let state = state();
    let mut shared = input(&state, "a", "b");
    shared.themes = "Robin led the discussion.".into();
    let Err(Error::Invalid(errors)) = sign(&state, &shared, &writer(false)) else {
        panic!("the shared part goes into every chart");
    };
    assert!(errors.get("themes").is_some());
}

#[test]
fn a_session_not_held_has_no_note() {
    let mut state = state();
    state.session.status = SessionStatus::Scheduled;
    let text = input(&state, "a", "b").parse(false).unwrap();
    assert!(matches!(
        rules::save_draft(&state, text, &writer(false), later()),
        Err(Error::Conflict(_))
    ));
}

#[test]
fn signed_notes_are_locked_and_a_peers_note_waits_for_another_clinician() {
    let mut state = state();
    let peer = writer(true);
    let note = sign(&state, &input(&state, "a", "b"), &peer).unwrap();
    assert_eq!(note.status, NoteStatus::AwaitingCosign);
    state.existing = Some(note);
    // Signing twice, or saving a draft over it, is refused.
    assert!(matches!(
        sign(&state, &input(&state, "a", "b"), &peer),
        Err(Error::Conflict(_))
    ));
    // The author cannot co-sign their own note.
    let mut same = writer(false);
    same.id = peer.id;
    assert!(matches!(
        rules::cosign(&state, &same, later()),
        Err(Error::Conflict(_))
    ));
    let clinician = writer(false);
    let cosigned = rules::cosign(&state, &clinician, later()).unwrap();
    assert_eq!(cosigned.status, NoteStatus::Signed);
    assert_eq!(cosigned.cosigned_by, Some(clinician.id));
    state.existing = Some(cosigned);
    assert!(matches!(
        rules::cosign(&state, &clinician, later()),
        Err(Error::Conflict(_))
    ));
}

#[test]
fn a_draft_cannot_be_cosigned_and_keeps_earlier_sections() {
    let mut state = state();
    let draft = rules::save_draft(
        &state,
        input(&state, "first words", "").parse(false).unwrap(),
        &writer(true),
        later(),
    )
    .unwrap();
    state.existing = Some(draft);
    assert!(matches!(
        rules::cosign(&state, &writer(false), later()),
        Err(Error::Conflict(_))
    ));
    let mut partial = input(&state, "", "");
    partial.members.remove(0);
    let again = rules::save_draft(
        &state,
        partial.parse(false).unwrap(),
        &writer(true),
        later(),
    )
    .unwrap();
    assert_eq!(again.sections[0].data, "first words");
}
