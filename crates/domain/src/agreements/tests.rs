use chrono::DateTime;

use super::*;
use crate::ids::{AccountId, OrgId};
use crate::Error;

fn signature(version: i32) -> Signature {
    Signature {
        org_id: OrgId::new(),
        version,
        account_id: AccountId::new(),
        typed_name: "Sam Rivera".into(),
        signed_at: DateTime::UNIX_EPOCH,
    }
}

#[test]
fn a_signature_counts_only_for_the_version_it_signed() {
    let org = OrgId::new();
    let v1 = default_agreement(org);
    let v2 = Agreement {
        version: 2,
        ..v1.clone()
    };
    let status = AgreementStatus::of(v1.clone(), Some(signature(1)));
    assert!(status.is_signed());
    assert_eq!(status.earlier, None);

    let status = AgreementStatus::of(v2, Some(signature(1)));
    assert!(!status.is_signed(), "a new version asks to sign again");
    assert_eq!(status.earlier.map(|s| s.version), Some(1));

    assert!(!AgreementStatus::of(v1, None).is_signed());
}

#[test]
fn signing_needs_a_typed_name_and_the_confirmation() {
    let Err(Error::Invalid(errors)) = SignInput {
        version: 1,
        typed_name: "   ".into(),
        confirm: false,
    }
    .parse() else {
        panic!("an empty name and no confirmation must be refused");
    };
    assert_eq!(errors.get("typed_name"), Some("Type your name to sign."));
    assert!(errors.get("confirm").is_some());

    let long = SignInput {
        version: 1,
        typed_name: "x".repeat(121),
        confirm: true,
    };
    assert!(matches!(long.parse(), Err(Error::Invalid(e)) if e.get("typed_name").is_some()));

    let good = SignInput {
        version: 1,
        typed_name: "  Sam Rivera ".into(),
        confirm: true,
    };
    assert_eq!(good.parse().ok().as_deref(), Some("Sam Rivera"));
}

#[test]
fn a_new_version_needs_a_title_and_a_text() {
    let Err(Error::Invalid(errors)) = PublishInput {
        replaces: 1,
        title: String::new(),
        body: " \n ".into(),
    }
    .parse() else {
        panic!("an empty agreement must be refused");
    };
    assert!(errors.get("title").is_some() && errors.get("body").is_some());
    let nothing_replaced = PublishInput {
        replaces: 0,
        title: "Agreement".into(),
        body: "Text".into(),
    };
    assert!(
        matches!(nothing_replaced.parse(), Err(Error::Invalid(e)) if e.get("replaces").is_some())
    );
}

#[test]
fn the_default_text_covers_what_a_group_agreement_must() {
    let body = DEFAULT_BODY.to_lowercase();
    for topic in [
        "stays in the group",
        "limits to confidentiality",
        "serious harm",
        "abused",
        "court",
        "respect",
        "without interrupting",
        "recording",
        "if the agreement is broken",
    ] {
        assert!(body.contains(topic), "the default text covers {topic:?}");
    }
}
