use chrono::{DateTime, Duration, TimeZone, Utc};

use super::builtins::{builtin, builtins, is_builtin, SAFE_PLACE, STRESS_AND_THE_BODY};
use super::*;
use crate::fields::Choice;
use crate::ids::{GroupId, OrgId, SessionId, SessionPlanItemId, TechniqueId};
use crate::sessions::{GroupSession, SessionStatus};
use crate::Error;

fn at(minutes: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 1, 18, 0, 0).unwrap() + Duration::minutes(minutes)
}

fn input() -> TechniqueInput {
    TechniqueInput {
        title: "Gratitude round".into(),
        kind: "check_out".into(),
        purpose: "Close on something that went well.".into(),
        minutes: "10".into(),
        sections: "# How to run it\n- Go around once.\n* Anyone may pass.\n\n# Prompts\nOne \
                   thing you are grateful for today."
            .into(),
        steps: String::new(),
        response_prompt: "Check-out: what the member named.".into(),
    }
}

fn errors(input: &TechniqueInput) -> crate::FieldErrors {
    input.parse().expect_err("the input should be refused")
}

#[test]
fn at_least_twelve_builtins_cover_every_kind_with_fixed_unique_ids() {
    let all = builtins();
    assert!(all.len() >= 12, "{}", all.len());
    for kind in TechniqueKind::ALL {
        assert!(
            all.iter().any(|t| t.kind == *kind),
            "no built-in plan of kind {kind:?}"
        );
    }
    let mut ids: Vec<TechniqueId> = all.iter().map(|t| t.id).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), all.len(), "built-in ids repeat");
    assert!(all
        .iter()
        .all(|t| t.is_builtin() && !t.archived && is_builtin(t.id)));
    assert_eq!(
        STRESS_AND_THE_BODY.to_string(),
        "6b696e64-0000-4000-8000-000000000001"
    );
    assert_eq!(
        builtin(SAFE_PLACE).map(|t| t.title),
        Some("Safe place".to_owned())
    );
    assert!(!is_builtin(TechniqueId::new()));
    let titles: Vec<&str> = all.iter().map(|t| t.title.as_str()).collect();
    for expected in [
        "Stress and the body",
        "Sleep and recovery",
        "The cycle of craving",
        "Understanding anxiety",
        "Refusing a drink",
        "Asking for support",
        "A hard conversation with family",
        "Safe place",
        "Body scan",
        "Leaves on a stream",
    ] {
        assert!(titles.contains(&expected), "{expected} is missing");
    }
}

#[test]
fn every_builtin_passes_the_same_parsing_as_a_plan_typed_into_the_form() {
    for plan in builtins() {
        let as_typed = TechniqueInput::from(&plan);
        let spec = as_typed
            .parse()
            .unwrap_or_else(|e| panic!("{}: {e:?}", plan.title));
        assert_eq!(
            spec.apply(plan.clone()),
            plan,
            "{} changes when parsed",
            plan.title
        );
        assert!(!plan.response_prompt.is_empty());
    }
}

#[test]
fn builtins_have_the_parts_the_issue_names() {
    let headings = |t: &Technique| -> Vec<String> {
        t.sections
            .iter()
            .map(|s| s.heading.to_lowercase())
            .collect()
    };
    for plan in builtins() {
        let h = headings(&plan);
        let has = |name: &str| h.iter().any(|x| x.contains(name));
        match plan.kind {
            TechniqueKind::Psychoeducation => {
                assert!(has("topic") && has("objectives") && has("key points") && has("handout"))
            }
            TechniqueKind::RolePlay => assert!(
                has("scenario") && has("roles") && has("skill") && has("debrief"),
                "{}",
                plan.title
            ),
            TechniqueKind::GuidedVisualization => {
                assert!(plan.steps.len() >= 5, "{}", plan.title);
                assert!(plan.steps_seconds() <= plan.minutes * 60);
            }
            TechniqueKind::ActiveListening => {
                assert!(has("reflect") && has("paraphrase") && has("summarize"))
            }
            TechniqueKind::ProblemSolving => {
                let order: Vec<&str> = plan.sections.iter().map(|s| s.heading.as_str()).collect();
                assert_eq!(
                    &order[..5],
                    ["Define", "Options", "Choose", "Plan", "Review"]
                );
            }
            TechniqueKind::GroupAgreement | TechniqueKind::CheckIn | TechniqueKind::CheckOut => {
                assert!(!plan.sections.is_empty())
            }
        }
    }
}

#[test]
fn a_plan_parses_its_headings_items_and_steps() {
    let spec = input().parse().unwrap();
    assert_eq!(spec.kind, TechniqueKind::CheckOut);
    assert_eq!(spec.minutes, 10);
    assert_eq!(
        spec.sections,
        [
            PlanSection {
                heading: "How to run it".into(),
                items: vec!["Go around once.".into(), "Anyone may pass.".into()],
            },
            PlanSection {
                heading: "Prompts".into(),
                items: vec!["One thing you are grateful for today.".into()],
            },
        ]
    );
    let visualization = TechniqueInput {
        kind: "guided_visualization".into(),
        minutes: "5".into(),
        sections: String::new(),
        steps: "30 Sit comfortably.\n\n  90   Breathe slowly, in and out.  \n".into(),
        ..input()
    };
    let spec = visualization.parse().unwrap();
    assert!(spec.sections.is_empty());
    assert_eq!(
        spec.steps,
        [
            TimedStep {
                seconds: 30,
                text: "Sit comfortably.".into()
            },
            TimedStep {
                seconds: 90,
                text: "Breathe slowly, in and out.".into()
            },
        ]
    );
    assert_eq!(spec.steps[1].clock(), "1:30");
    assert_eq!(clock(600), "10:00");
}

#[test]
fn an_empty_plan_names_every_missing_field() {
    let errors = errors(&TechniqueInput::default());
    for field in ["title", "kind", "purpose", "minutes", "response_prompt"] {
        assert!(errors.get(field).is_some(), "{field}: {errors:?}");
    }
    assert_eq!(
        errors.get("minutes"),
        Some("Enter the minutes as a whole number from 1 to 240.")
    );
}

#[test]
fn bad_fields_are_named_with_what_to_do() {
    let bad = TechniqueInput {
        kind: "hypnosis".into(),
        minutes: "241".into(),
        title: "Two\nlines".into(),
        ..input()
    };
    let e = errors(&bad);
    assert!(e
        .get("kind")
        .unwrap()
        .starts_with("Unknown value \"hypnosis\""));
    assert!(e.get("minutes").is_some());
    assert_eq!(e.get("title"), Some("Keep this on one line."));
    for minutes in ["0", "-3", "ten", "1.5", ""] {
        let e = errors(&TechniqueInput {
            minutes: minutes.into(),
            ..input()
        });
        assert!(e.get("minutes").is_some(), "{minutes}");
    }
}

#[test]
fn section_problems_name_the_line() {
    let cases = [
        (
            "An item first\n# Heading\n- x",
            "Line 1: start with a heading",
        ),
        (
            "# Heading\n- x\n#\n- y",
            "Line 3: write the heading after the #.",
        ),
        (
            "# Heading\n- x\n# Empty",
            "The heading \"Empty\" has no items",
        ),
        ("", "Add at least one heading"),
    ];
    for (sections, expected) in cases {
        let e = errors(&TechniqueInput {
            sections: sections.into(),
            ..input()
        });
        let message = e.get("sections").unwrap_or_default();
        assert!(message.starts_with(expected), "{sections:?}: {message}");
    }
    let long = format!("# H\n- {}", "x".repeat(501));
    let e = errors(&TechniqueInput {
        sections: long,
        ..input()
    });
    assert_eq!(
        e.get("sections"),
        Some("Line 2: use at most 500 characters on a line.")
    );
}

#[test]
fn step_problems_name_the_line_and_a_visualization_needs_a_script() {
    let visualization = |steps: &str, minutes: &str| TechniqueInput {
        kind: "guided_visualization".into(),
        minutes: minutes.into(),
        steps: steps.into(),
        ..input()
    };
    let cases = [
        ("", "10", "A guided visualization needs its script"),
        (
            "30 Sit.\nBreathe",
            "10",
            "Line 2: start with the step's length in seconds",
        ),
        (
            "30 Sit.\n2 Breathe.",
            "10",
            "Line 2: a step lasts from 5 to 1800 seconds.",
        ),
        ("30", "10", "Line 1: write what to say after the seconds."),
        (
            "400 Sit.\n400 Breathe.",
            "10",
            "The steps take 13:20 in all, longer than the plan's 10 minutes",
        ),
    ];
    for (steps, minutes, expected) in cases {
        let e = errors(&visualization(steps, minutes));
        let message = e.get("steps").unwrap_or_default();
        assert!(message.starts_with(expected), "{steps:?}: {message}");
    }
    // Other kinds may have steps but need none.
    assert!(input().parse().is_ok());
}

#[test]
fn copies_of_the_form_parse_back_to_the_same_plan() {
    let plan = input().parse().unwrap().into_new(OrgId::new());
    let again = TechniqueInput::from(&plan)
        .parse()
        .unwrap()
        .apply(plan.clone());
    assert_eq!(again, plan);
    assert!(sections_text(&plan.sections).starts_with("# How to run it\n- Go around once."));
    assert_eq!(steps_text(&[]), "");
}

fn session(status: SessionStatus) -> GroupSession {
    GroupSession {
        id: SessionId::new(),
        group_id: GroupId::new(),
        starts_at: at(0),
        ends_at: at(90),
        status,
        cancel_reason: String::new(),
        schedule_id: None,
        occurrence_date: None,
        moved: false,
        room: String::new(),
    }
}

fn item(plan: &Technique) -> SessionPlanItem {
    SessionPlanItem {
        id: SessionPlanItemId::new(),
        session_id: SessionId::new(),
        position: 0,
        technique_id: Some(plan.id),
        snapshot: plan.clone(),
        added_by: None,
        added_at: at(-60),
    }
}

fn titles(items: &[SessionPlanItem]) -> Vec<(&str, i32)> {
    items
        .iter()
        .map(|i| (i.snapshot.title.as_str(), i.position))
        .collect()
}

#[test]
fn attaching_appends_in_order_and_a_cancelled_session_takes_no_plan() {
    let all = builtins();
    let s = session(SessionStatus::Scheduled);
    let one = attach(&s, &[], item(&all[0])).unwrap();
    let two = attach(&s, &one, item(&all[5])).unwrap();
    assert_eq!(
        titles(&two),
        [("Stress and the body", 0), ("Refusing a drink", 1)]
    );
    assert!(two.iter().all(|i| i.session_id == s.id));
    let cancelled = attach(&session(SessionStatus::Cancelled), &[], item(&all[0]));
    match cancelled {
        Err(Error::Conflict(message)) => assert!(message.contains("cancelled"), "{message}"),
        other => panic!("{other:?}"),
    }
    let full: Vec<_> = (0..PLAN_MAX).map(|_| item(&all[0])).collect();
    assert!(matches!(
        attach(&s, &full, item(&all[1])),
        Err(Error::Invalid(e)) if e.get("technique_id").is_some()
    ));
}

#[test]
fn items_move_and_detach_and_the_rest_close_up() {
    let all = builtins();
    let s = session(SessionStatus::Held);
    let mut items = Vec::new();
    for plan in &all[..3] {
        items = attach(&s, &items, item(plan)).unwrap();
    }
    let (first, last) = (items[0].id, items[2].id);
    let up = move_item(&items, last, MoveDirection::Up).unwrap();
    assert_eq!(
        titles(&up),
        [
            ("Stress and the body", 0),
            ("The cycle of craving", 1),
            ("Sleep and recovery", 2)
        ]
    );
    // At the edge nothing moves.
    assert_eq!(move_item(&up, first, MoveDirection::Up).unwrap(), up);
    let down = move_item(&up, first, MoveDirection::Down).unwrap();
    assert_eq!(down[1].id, first);
    let fewer = detach(&down, first).unwrap();
    assert_eq!(
        titles(&fewer),
        [("The cycle of craving", 0), ("Sleep and recovery", 1)]
    );
    assert!(matches!(detach(&fewer, first), Err(Error::NotFound)));
    assert!(matches!(
        move_item(&fewer, SessionPlanItemId::new(), MoveDirection::Down),
        Err(Error::NotFound)
    ));
    assert!(matches!(
        MoveInput { direction: "sideways".into() }.parse(),
        Err(Error::Invalid(e)) if e.get("direction").is_some()
    ));
    assert!(matches!(
        AttachInput { technique_id: "not an id".into() }.parse(),
        Err(Error::Invalid(e)) if e.get("technique_id").is_some()
    ));
}

#[test]
fn the_note_is_prefilled_from_the_plan_in_order() {
    assert_eq!(prefill(&[]), Prefill::default());
    let all = builtins();
    let s = session(SessionStatus::Scheduled);
    let check_in = all
        .iter()
        .find(|t| t.kind == TechniqueKind::CheckIn)
        .unwrap();
    let role_play = all
        .iter()
        .find(|t| t.kind == TechniqueKind::RolePlay)
        .unwrap();
    let anxiety = builtin(builtins::UNDERSTANDING_ANXIETY).unwrap();
    let mut items = Vec::new();
    for plan in [check_in, role_play, &anxiety] {
        items = attach(&s, &items, item(plan)).unwrap();
    }
    let filled = prefill(&items);
    assert_eq!(
        filled.techniques_used,
        "Opening check-in round; Refusing a drink; Understanding anxiety"
    );
    assert_eq!(filled.topic, "Understanding anxiety");
    assert_eq!(
        filled.response_prompt,
        format!(
            "{} {} {}",
            check_in.response_prompt, role_play.response_prompt, anxiety.response_prompt
        )
    );
    // Without psychoeducation the topic is the first plan's title; order is by position.
    let mut reversed: Vec<_> = items[..2].to_vec();
    reversed.reverse();
    assert_eq!(prefill(&reversed).topic, "Opening check-in round");
}
