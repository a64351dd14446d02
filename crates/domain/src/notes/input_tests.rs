use super::input::member_field;
use super::{MemberInput, NoteInput, RiskLevel};
use crate::ids::AccountId;
use crate::Error;

fn filled(member: AccountId) -> NoteInput {
    NoteInput {
        topic: "Coping with cravings".into(),
        techniques: "Psychoeducation; role-play".into(),
        themes: "Triggers at work".into(),
        observations: String::new(),
        members: vec![MemberInput {
            member_id: member.to_string(),
            data: "Shared two triggers.".into(),
            assessment: "Engaged.".into(),
            plan: "Practise refusal skill.".into(),
            response: "Tried the role-play.".into(),
            risk_level: "none".into(),
            risk_notes: String::new(),
        }],
    }
}

fn field_errors(result: Result<impl std::fmt::Debug, Error>) -> Vec<String> {
    match result {
        Err(Error::Invalid(errors)) => errors.0.keys().cloned().collect(),
        other => panic!("expected field errors, got {other:?}"),
    }
}

#[test]
fn signing_needs_every_required_field_and_names_each_empty_one() {
    let member = AccountId::new();
    let mut input = filled(member);
    input.themes = "  ".into();
    input.members[0].plan = String::new();
    input.members[0].risk_level = String::new();
    let id = member.to_string();
    assert_eq!(
        field_errors(input.parse(true)),
        vec![
            member_field(&id, "plan"),
            member_field(&id, "risk_level"),
            "themes".to_owned()
        ]
    );
    // The same text is a fine draft.
    assert!(input.parse(false).is_ok());
}

#[test]
fn a_recorded_risk_needs_its_description() {
    let member = AccountId::new();
    let mut input = filled(member);
    input.members[0].risk_level = "moderate".into();
    assert_eq!(
        field_errors(input.parse(true)),
        vec![member_field(&member.to_string(), "risk_notes")]
    );
    input.members[0].risk_notes = "Spoke of hopelessness; safety plan reviewed.".into();
    let parsed = input.parse(true).unwrap();
    assert_eq!(parsed.sections[0].risk_level, Some(RiskLevel::Moderate));
}

#[test]
fn bad_member_ids_and_duplicates_are_refused() {
    let member = AccountId::new();
    let mut input = filled(member);
    input.members.push(input.members[0].clone());
    assert_eq!(field_errors(input.parse(false)), vec!["members".to_owned()]);
    input.members[1].member_id = "someone".into();
    assert_eq!(field_errors(input.parse(false)), vec!["members".to_owned()]);
}

#[test]
fn the_form_becomes_sections_in_order() {
    let a = AccountId::new().to_string();
    let b = AccountId::new().to_string();
    let pairs: Vec<(String, String)> = vec![
        ("topic".into(), "T".into()),
        (member_field(&b, "data"), "b data".into()),
        (member_field(&a, "data"), "a data".into()),
        (member_field(&b, "risk_level"), "low".into()),
        ("csrf".into(), "x".into()),
    ];
    let input = NoteInput::from_form(&pairs);
    assert_eq!(input.topic, "T");
    assert_eq!(input.members.len(), 2);
    assert_eq!(input.members[0].member_id, b);
    assert_eq!(input.members[0].risk_level, "low");
    assert_eq!(input.members[1].data, "a data");
}
