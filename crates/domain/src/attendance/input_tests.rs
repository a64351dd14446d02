use super::input::AttendanceSheetInput;
use super::AttendanceStatus;
use crate::ids::AccountId;

#[test]
fn the_html_form_sends_a_pair_of_fields_per_member() {
    let (ana, ben) = (AccountId::new(), AccountId::new());
    let body = format!(
        "csrf=abc&everyone=present&reason=&status.{ana}=late&minutes.{ana}=40\
         &status.{ben}=&minutes.{ben}=&save=Save"
    );
    let input: AttendanceSheetInput = serde_html_form::from_str(&body).unwrap();
    let parsed = input.parse();
    assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
    assert_eq!(parsed.everyone, AttendanceStatus::Present);
    // Ben's empty line is no exception; the CSRF token and the button are ignored.
    assert_eq!(parsed.exceptions.len(), 1);
    let e = &parsed.exceptions[0];
    assert_eq!(
        (e.account, e.status, e.minutes.as_str()),
        (Some(ana), Some(AttendanceStatus::Late), "40")
    );
}

#[test]
fn json_sends_a_list_with_numbers_or_text_for_minutes() {
    let (ana, ben) = (AccountId::new(), AccountId::new());
    let body = format!(
        r#"{{"everyone": "absent", "reason": "Fire drill",
            "marks": [{{"account_id": "{ana}", "status": "left_early", "minutes": 30}},
                      {{"account_id": "{ben}", "status": "present"}}]}}"#
    );
    let input: AttendanceSheetInput = serde_json::from_str(&body).unwrap();
    let parsed = input.parse();
    assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
    assert_eq!(parsed.everyone, AttendanceStatus::Absent);
    assert_eq!(parsed.reason, "Fire drill");
    let mut got: Vec<_> = parsed
        .exceptions
        .iter()
        .map(|e| (e.account, e.status, e.minutes.clone()))
        .collect();
    got.sort_by_key(|(a, ..)| *a);
    let mut want = vec![
        (
            Some(ana),
            Some(AttendanceStatus::LeftEarly),
            "30".to_owned(),
        ),
        (Some(ben), Some(AttendanceStatus::Present), String::new()),
    ];
    want.sort_by_key(|(a, ..)| *a);
    assert_eq!(got, want);
    // The form's field names work in JSON too.
    let flat: AttendanceSheetInput = serde_json::from_str(&format!(
        r#"{{"status.{ana}": "late", "minutes.{ana}": 15}}"#
    ))
    .unwrap();
    assert_eq!(flat.parse().exceptions[0].minutes, "15");
}

#[test]
fn unknown_statuses_and_ids_are_reported_at_the_members_field() {
    let ana = AccountId::new();
    let body = format!("everyone=sleeping&status.{ana}=asleep&status.nobody=present");
    let input: AttendanceSheetInput = serde_html_form::from_str(&body).unwrap();
    let parsed = input.parse();
    assert!(parsed.errors.get("everyone").is_some());
    assert!(parsed
        .errors
        .get(&format!("status.{ana}"))
        .is_some_and(|m| m.contains("asleep")));
    assert!(parsed.errors.get("status.nobody").is_some());
}
