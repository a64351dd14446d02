use std::collections::BTreeMap;

use proptest::prelude::*;

use super::*;
use crate::instruments::{self, Instrument};

/// Every item of every instrument answered with the lowest-scoring option, and the plain
/// questions with the least concern: a complete answer set of "nothing to report".
fn calm() -> BTreeMap<String, String> {
    let mut answers = BTreeMap::new();
    for instrument in instruments::ALL {
        for item in instrument.items {
            answers.insert(
                answers::key(instrument, item),
                item.options[0].code.to_owned(),
            );
        }
    }
    for question in QUESTIONS {
        answers.insert(
            question.code.to_owned(),
            question.options[0].code.to_owned(),
        );
    }
    answers
}

/// Sets answers by key and score.
fn with(mut answers: BTreeMap<String, String>, set: &[(&str, i32)]) -> BTreeMap<String, String> {
    for (key, wanted) in set {
        let item = find_item(key);
        let choice = item.options.iter().find(|c| c.score == *wanted).unwrap();
        answers.insert((*key).to_owned(), choice.code.to_owned());
    }
    answers
}

fn find_item(key: &str) -> &'static crate::instruments::Item {
    if let Some((instrument, item)) = key.split_once('.') {
        instruments::by_code(instrument)
            .unwrap()
            .item(item)
            .unwrap()
    } else {
        QUESTIONS.iter().find(|q| q.code == key).unwrap()
    }
}

/// Answers of one instrument adding up to `total` (items filled in order).
fn totalling(instrument: &Instrument, total: i32) -> Vec<(String, i32)> {
    let mut left = total;
    instrument
        .items
        .iter()
        .map(|item| {
            let max = item.options.iter().map(|c| c.score).max().unwrap();
            let s = left.min(max);
            left -= s;
            (answers::key(instrument, item), s)
        })
        .collect()
}

fn with_total(
    answers: BTreeMap<String, String>,
    instrument: &Instrument,
    total: i32,
) -> BTreeMap<String, String> {
    let set = totalling(instrument, total);
    let set: Vec<(&str, i32)> = set.iter().map(|(k, s)| (k.as_str(), *s)).collect();
    with(answers, &set)
}

#[test]
fn nothing_to_report_is_peer_support() {
    let result = assess(&calm()).unwrap();
    assert!(!result.urgent);
    assert!(result.crisis_resources.is_empty());
    assert_eq!(result.guidance, Guidance::PeerSupport);
    assert_eq!(result.reasons, [rules::NOTHING_MORE]);
    assert!(result.focus.is_empty());
    assert_eq!(result.directory_query(), "care=peer_support");
    assert_eq!(result.directory_link, "/find?care=peer_support");
    assert_eq!(result.scores.len(), instruments::ALL.len());
}

#[test]
fn item_nine_is_urgent_whatever_the_totals() {
    let answers = with(calm(), &[("phq-9.q9", 1)]);
    let result = assess(&answers).unwrap();
    assert!(result.urgent);
    assert_eq!(result.score("phq-9").unwrap().total, 1);
    assert_eq!(
        result.score("phq-9").unwrap().band.as_ref().unwrap().code,
        "minimal"
    );
    assert_eq!(result.crisis_resources, US_CRISIS_RESOURCES);
    assert!(result.crisis_resources.iter().any(|r| r.href == "tel:988"));
    assert!(result.crisis_resources.iter().any(|r| r.href == "sms:988"));
    assert!(result.crisis_resources.iter().any(|r| r.href == "tel:911"));
    assert_eq!(result.guidance, Guidance::MoreThanOutpatient);
    assert!(result.reasons[0].contains("988"));
    // In the JSON, urgency and the crisis resources come first.
    let json = serde_json::to_string(&result).unwrap();
    assert!(
        json.starts_with("{\"urgent\":true,\"crisis_resources\":[{"),
        "{json}"
    );

    for score in 1..=3 {
        let answers = with(calm(), &[("phq-9.q9", score)]);
        assert!(assess(&answers).unwrap().urgent, "item 9 = {score}");
    }
    // A severe total without item 9 is not urgent.
    let answers = with(with_total(calm(), &phq9::PHQ9, 24), &[("phq-9.q9", 0)]);
    let result = assess(&answers).unwrap();
    assert!(!result.urgent);
    assert!(result.crisis_resources.is_empty());
}

#[test]
fn guidance_levels_for_representative_answers() {
    let cases: Vec<(&str, BTreeMap<String, String>, Guidance)> = vec![
        (
            "mild mood, keeping up",
            with_total(calm(), &phq9::PHQ9, 6),
            Guidance::PeerSupport,
        ),
        (
            "mild mood, struggling",
            with(with_total(calm(), &phq9::PHQ9, 6), &[("keep_up", 1)]),
            Guidance::OutpatientGroup,
        ),
        (
            "moderate anxiety",
            with_total(calm(), &gad7::GAD7, 11),
            Guidance::OutpatientGroup,
        ),
        (
            "drinking above the cutoff",
            with_total(calm(), &audit_c::AUDIT_C, 4),
            Guidance::OutpatientGroup,
        ),
        (
            "moderately severe mood",
            with_total(calm(), &phq9::PHQ9, 16),
            Guidance::IntensiveOutpatient,
        ),
        (
            "moderate mood, hardly keeping up",
            with(with_total(calm(), &phq9::PHQ9, 12), &[("keep_up", 2)]),
            Guidance::IntensiveOutpatient,
        ),
        (
            "daily drug use",
            with(calm(), &[("taps-1.drugs", 4)]),
            Guidance::IntensiveOutpatient,
        ),
        (
            "hospital stay",
            with(calm(), &[("hospital", 1)]),
            Guidance::IntensiveOutpatient,
        ),
        (
            "withdrawal with heavy drinking",
            with(
                with_total(calm(), &audit_c::AUDIT_C, 9),
                &[("withdrawal", 1)],
            ),
            Guidance::MoreThanOutpatient,
        ),
        (
            "severe withdrawal, occasional use",
            with(calm(), &[("withdrawal", 2), ("taps-1.alcohol", 1)]),
            Guidance::MoreThanOutpatient,
        ),
        (
            "severe mood, hardly keeping up",
            with(with_total(calm(), &phq9::PHQ9, 22), &[("keep_up", 2)]),
            Guidance::MoreThanOutpatient,
        ),
        (
            "severe anxiety after a hospital stay",
            with(with_total(calm(), &gad7::GAD7, 17), &[("hospital", 1)]),
            Guidance::MoreThanOutpatient,
        ),
        (
            "withdrawal long ago, no use now",
            with(calm(), &[("withdrawal", 2)]),
            Guidance::PeerSupport,
        ),
    ];
    for (name, answers, expected) in cases {
        let result = assess(&answers).unwrap();
        assert_eq!(result.guidance, expected, "{name}: {:?}", result.reasons);
        assert!(!result.reasons.is_empty(), "{name}");
        assert!(!result.urgent, "{name}");
    }
}

#[test]
fn housing_and_treatment_add_reasons_without_raising_the_level() {
    let answers = with(calm(), &[("housing", 2), ("treatment", 2)]);
    let result = assess(&answers).unwrap();
    assert_eq!(result.guidance, Guidance::PeerSupport);
    assert_eq!(result.reasons.len(), 3);
    assert_eq!(result.reasons[0], rules::NOTHING_MORE);
    assert!(result.reasons[1].contains("housing"));
}

#[test]
fn reasons_come_highest_level_first() {
    let answers = with(
        with_total(calm(), &gad7::GAD7, 17),
        &[("hospital", 1), ("housing", 1)],
    );
    let result = assess(&answers).unwrap();
    assert_eq!(result.guidance, Guidance::MoreThanOutpatient);
    assert!(result.reasons[0].contains("hospital"));
    assert!(result.reasons.last().unwrap().contains("housing"));
}

#[test]
fn focus_and_directory_query_follow_the_positive_screens() {
    let answers = with(
        with_total(with_total(calm(), &phq9::PHQ9, 11), &gad7::GAD7, 10),
        &[
            ("taps-1.alcohol", 1),
            ("taps-1.prescription", 1),
            ("taps-1.tobacco", 4),
        ],
    );
    let result = assess(&answers).unwrap();
    assert_eq!(
        result.focus,
        [
            FocusArea::Depression,
            FocusArea::Anxiety,
            FocusArea::AlcoholUse,
            FocusArea::SubstanceUse
        ]
    );
    assert_eq!(
        result.directory_query(),
        "care=outpatient&focus=depression&focus=anxiety&focus=alcohol_use&focus=substance_use"
    );
    // Tobacco alone points to no group focus; mild scores neither.
    let answers = with(with_total(calm(), &phq9::PHQ9, 9), &[("taps-1.tobacco", 4)]);
    assert!(assess(&answers).unwrap().focus.is_empty());

    let answers = with(
        with_total(calm(), &audit_c::AUDIT_C, 10),
        &[("withdrawal", 1)],
    );
    assert_eq!(
        assess(&answers).unwrap().directory_query(),
        "care=intensive_outpatient&care=partial_hospitalization&focus=alcohol_use"
    );
}

#[test]
fn audit_c_cutoff_uses_the_optional_sex() {
    let three = with_total(calm(), &audit_c::AUDIT_C, 3);
    let positive = |sex: &str| {
        let mut answers = three.clone();
        answers.insert(SEX.into(), sex.into());
        let result = assess(&answers).unwrap();
        result.score("audit-c").unwrap().positive
    };
    assert_eq!(positive("female"), Some(true));
    assert_eq!(positive("male"), Some(false));
    assert_eq!(positive(""), Some(true), "not given: the lower cutoff");
    let mut answers = three;
    answers.insert(SEX.into(), "other".into());
    let errors = assess(&answers).unwrap_err();
    assert_eq!(errors.0.len(), 1);
    assert!(errors.get(SEX).is_some());
}

#[test]
fn every_missing_or_unknown_answer_is_named() {
    let errors = assess(&BTreeMap::new()).unwrap_err();
    let keys: Vec<_> = errors.0.keys().cloned().collect();
    let mut expected = required_keys();
    expected.sort();
    assert_eq!(keys, expected);
    assert_eq!(keys.len(), 9 + 7 + 3 + 4 + 5);
    assert_eq!(errors.get("phq-9.q9"), Some("Answer this question."));
    assert_eq!(errors.get("keep_up"), Some("Answer this question."));

    let mut answers = calm();
    answers.remove("gad-7.q3");
    answers.insert("audit-c.q1".into(), "9".into());
    answers.insert("housing".into(), "mansion".into());
    answers.insert("taps-1.drugs".into(), " ".into());
    let errors = assess(&answers).unwrap_err();
    assert_eq!(errors.0.len(), 4, "{errors:?}");
    assert_eq!(errors.get("gad-7.q3"), Some("Answer this question."));
    assert_eq!(
        errors.get("audit-c.q1"),
        Some("Choose one of the answers given.")
    );
    assert_eq!(
        errors.get("housing"),
        Some("Choose one of the answers given.")
    );
    assert_eq!(errors.get("taps-1.drugs"), Some("Answer this question."));
}

#[test]
fn other_fields_are_ignored_and_can_be_listed() {
    let mut fields = calm();
    fields.insert("csrf_token".into(), "x".into());
    fields.insert("phq-9.q10".into(), "1".into());
    assert!(assess(&fields).is_ok());
    let unknown = unknown_keys(&fields);
    assert_eq!(unknown.0.len(), 2);
    assert!(unknown.get("phq-9.q10").is_some());
    assert_eq!(answers_only(&fields), calm());
    assert!(is_answer_key("sex") && is_answer_key("phq-9.q9") && is_answer_key("treatment"));
    assert!(!is_answer_key("group"));
}

#[test]
fn the_rules_table_is_well_formed() {
    // Every level but peer support has a rule that reaches it, and reasons are plain
    // sentences without diagnostic words.
    for level in [
        Guidance::OutpatientGroup,
        Guidance::IntensiveOutpatient,
        Guidance::MoreThanOutpatient,
    ] {
        assert!(rules::RULES.iter().any(|r| r.level == level), "{level:?}");
    }
    for rule in rules::RULES {
        assert!(rule.reason.ends_with('.'), "{}", rule.reason);
        for word in ["diagnos", "disorder"] {
            assert!(
                !rule.reason.to_lowercase().contains(word),
                "{}",
                rule.reason
            );
        }
    }
}

/// Any complete answer set: each item's option chosen by index, plus an optional sex.
fn any_answers() -> impl Strategy<Value = BTreeMap<String, String>> {
    let keys = required_keys();
    let picks = proptest::collection::vec(0usize..8, keys.len());
    (picks, 0usize..3).prop_map(move |(picks, sex)| {
        let mut answers: BTreeMap<String, String> = keys
            .iter()
            .zip(picks)
            .map(|(key, pick)| {
                let item = find_item(key);
                let choice = &item.options[pick % item.options.len()];
                (key.clone(), choice.code.to_owned())
            })
            .collect();
        answers.insert(SEX.into(), ["", "female", "male"][sex].into());
        answers
    })
}

proptest! {
    #[test]
    fn totals_are_in_range_and_bands_fit(answers in any_answers()) {
        let result = assess(&answers).unwrap();
        for scored in &result.scores {
            let instrument = instruments::by_code(scored.instrument).unwrap();
            let (low, high) = instrument.total_range();
            prop_assert!((low..=high).contains(&scored.total));
            let expected = instrument.band(scored.total).map(|b| b.code);
            prop_assert_eq!(scored.band.as_ref().map(|b| b.code), expected);
        }
    }

    #[test]
    fn urgent_exactly_when_item_nine_is_above_zero(answers in any_answers()) {
        let result = assess(&answers).unwrap();
        let item9 = answers["phq-9.q9"] != "0";
        prop_assert_eq!(result.urgent, item9);
        prop_assert_eq!(!result.crisis_resources.is_empty(), item9);
        if item9 {
            prop_assert_eq!(result.guidance, Guidance::MoreThanOutpatient);
        }
    }

    #[test]
    fn more_concern_never_lowers_the_guidance(answers in any_answers(), which in 0usize..28) {
        // Raising any one answer by one step never lowers the level of care.
        let before = assess(&answers).unwrap().guidance;
        let key = &required_keys()[which % required_keys().len()];
        let item = find_item(key);
        let current = item.option(&answers[key]).unwrap().score;
        if let Some(higher) = item.options.iter().find(|c| c.score == current + 1) {
            let mut raised = answers.clone();
            raised.insert(key.clone(), higher.code.to_owned());
            prop_assert!(assess(&raised).unwrap().guidance >= before);
        }
    }

    #[test]
    fn any_missing_answer_means_no_result(answers in any_answers(), which in 0usize..28) {
        let key = &required_keys()[which % required_keys().len()];
        let mut missing = answers.clone();
        missing.remove(key);
        let errors = assess(&missing).unwrap_err();
        prop_assert_eq!(errors.0.len(), 1);
        prop_assert!(errors.get(key).is_some());
    }

    #[test]
    fn bands_are_monotone_in_the_total(a in 0i32..28, b in 0i32..28) {
        for instrument in instruments::ALL.iter().filter(|i| !i.bands.is_empty()) {
            let (low, high) = instrument.total_range();
            let (a, b) = (a.clamp(low, high), b.clamp(low, high));
            let index = |t| instrument.bands.iter().position(|band| (band.min..=band.max).contains(&t)).unwrap();
            if a <= b {
                prop_assert!(index(a) <= index(b));
            }
        }
    }
}
