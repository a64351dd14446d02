use std::collections::BTreeMap;

use super::*;

/// Answers every item with the option that scores `score`.
fn all(instrument: &Instrument, score_each: i32) -> BTreeMap<String, String> {
    instrument
        .items
        .iter()
        .map(|item| {
            let choice = item
                .options
                .iter()
                .find(|c| c.score == score_each)
                .map(|c| c.code)
                .unwrap_or("");
            (item.code.to_owned(), choice.to_owned())
        })
        .collect()
}

/// Answers that add up to `total`, filling items in order; `fixed` answers are kept.
fn totalling(
    instrument: &Instrument,
    total: i32,
    fixed: &[(&str, i32)],
) -> BTreeMap<String, String> {
    let mut left = total - fixed.iter().map(|(_, s)| s).sum::<i32>();
    let mut answers = BTreeMap::new();
    for item in instrument.items {
        let max = item.options.iter().map(|c| c.score).max().unwrap_or(0);
        let wanted = match fixed.iter().find(|(code, _)| *code == item.code) {
            Some((_, s)) => *s,
            None => {
                let s = left.min(max);
                left -= s;
                s
            }
        };
        let choice = item.options.iter().find(|c| c.score == wanted).unwrap();
        answers.insert(item.code.to_owned(), choice.code.to_owned());
    }
    assert_eq!(left, 0, "total {total} is out of reach");
    answers
}

fn band_of(instrument: &Instrument, total: i32) -> &'static str {
    score(instrument, &totalling(instrument, total, &[]), None)
        .unwrap()
        .band
        .unwrap()
        .code
}

#[test]
fn item_counts_and_ranges() {
    let expected = [
        (&phq9::PHQ9, 9, (0, 27)),
        (&gad7::GAD7, 7, (0, 21)),
        (&audit_c::AUDIT_C, 3, (0, 12)),
        (&taps::TAPS, 4, (0, 16)),
    ];
    for (instrument, items, range) in expected {
        assert_eq!(instrument.items.len(), items, "{}", instrument.code);
        assert_eq!(instrument.total_range(), range, "{}", instrument.code);
    }
    for item in phq9::PHQ9.items.iter().chain(gad7::GAD7.items) {
        let scores: Vec<_> = item.options.iter().map(|c| c.score).collect();
        assert_eq!(scores, [0, 1, 2, 3]);
    }
    for item in audit_c::AUDIT_C.items.iter().chain(taps::TAPS.items) {
        let scores: Vec<_> = item.options.iter().map(|c| c.score).collect();
        assert_eq!(scores, [0, 1, 2, 3, 4]);
    }
}

#[test]
fn definitions_are_consistent() {
    for instrument in ALL {
        let code = instrument.code;
        let mut item_codes: Vec<_> = instrument.items.iter().map(|i| i.code).collect();
        item_codes.sort_unstable();
        item_codes.dedup();
        assert_eq!(
            item_codes.len(),
            instrument.items.len(),
            "{code}: item codes"
        );
        for item in instrument.items {
            let mut codes: Vec<_> = item.options.iter().map(|c| c.code).collect();
            codes.sort_unstable();
            codes.dedup();
            assert_eq!(codes.len(), item.options.len(), "{code}/{}", item.code);
        }
        // Bands, when present, cover every possible total exactly once, in order.
        if !instrument.bands.is_empty() {
            let (low, high) = instrument.total_range();
            assert_eq!(instrument.bands[0].min, low, "{code}");
            assert_eq!(
                instrument.bands[instrument.bands.len() - 1].max,
                high,
                "{code}"
            );
            for pair in instrument.bands.windows(2) {
                assert_eq!(pair[0].max + 1, pair[1].min, "{code}");
            }
        }
        for critical in instrument.critical {
            assert!(instrument.item(critical.item).is_some(), "{code}");
        }
        assert_eq!(by_code(code), Some(*instrument));
    }
    assert_eq!(by_code("nope"), None);
}

#[test]
fn phq9_band_edges() {
    let phq9 = &phq9::PHQ9;
    let edges = [
        (4, "minimal"),
        (5, "mild"),
        (9, "mild"),
        (10, "moderate"),
        (14, "moderate"),
        (15, "moderately_severe"),
        (19, "moderately_severe"),
        (20, "severe"),
        (27, "severe"),
    ];
    for (total, band) in edges {
        assert_eq!(band_of(phq9, total), band, "total {total}");
    }
    let scored = score(phq9, &totalling(phq9, 15, &[]), None).unwrap();
    assert_eq!(scored.band.unwrap().label, "moderately severe");
    assert_eq!(scored.positive, None);
}

#[test]
fn gad7_band_edges() {
    let gad7 = &gad7::GAD7;
    let edges = [
        (0, "minimal"),
        (4, "minimal"),
        (5, "mild"),
        (9, "mild"),
        (10, "moderate"),
        (14, "moderate"),
        (15, "severe"),
        (21, "severe"),
    ];
    for (total, band) in edges {
        assert_eq!(band_of(gad7, total), band, "total {total}");
    }
}

#[test]
fn phq9_item9_is_critical_even_with_a_minimal_total() {
    let phq9 = &phq9::PHQ9;
    let scored = score(phq9, &totalling(phq9, 1, &[("q9", 1)]), None).unwrap();
    assert_eq!(scored.total, 1);
    assert_eq!(scored.band.unwrap().code, "minimal");
    assert_eq!(scored.critical.len(), 1);

    let scored = score(phq9, &totalling(phq9, 24, &[("q9", 0)]), None).unwrap();
    assert!(scored.critical.is_empty());
}

#[test]
fn audit_c_cutoff_depends_on_sex() {
    let audit = &audit_c::AUDIT_C;
    let three = totalling(audit, 3, &[]);
    let positive = |sex| score(audit, &three, sex).unwrap().positive;
    assert_eq!(positive(Some(Sex::Female)), Some(true));
    assert_eq!(positive(Some(Sex::Male)), Some(false));
    assert_eq!(
        positive(None),
        Some(true),
        "unknown sex uses the lower cutoff"
    );

    let four = totalling(audit, 4, &[]);
    assert_eq!(
        score(audit, &four, Some(Sex::Male)).unwrap().positive,
        Some(true)
    );
    let two = totalling(audit, 2, &[]);
    assert_eq!(score(audit, &two, None).unwrap().positive, Some(false));
}

#[test]
fn taps_is_positive_per_substance() {
    let taps = &taps::TAPS;
    let none = score(taps, &all(taps, 0), None).unwrap();
    assert_eq!(none.positive, Some(false));
    assert!(none.positive_items.is_empty());

    let mut answers = all(taps, 0);
    answers.insert("alcohol".into(), "less_than_monthly".into());
    answers.insert("prescription".into(), "daily".into());
    let scored = score(taps, &answers, None).unwrap();
    assert_eq!(scored.positive, Some(true));
    assert_eq!(scored.positive_items, ["alcohol", "prescription"]);
    assert_eq!(scored.band, None);
}

#[test]
fn missing_answers_are_each_named() {
    let phq9 = &phq9::PHQ9;
    let mut answers = all(phq9, 0);
    answers.remove("q2");
    answers.insert("q7".into(), "  ".into());
    let errors = score(phq9, &answers, None).unwrap_err();
    assert_eq!(errors.0.len(), 2);
    assert_eq!(errors.get("q2"), Some("Answer this question."));
    assert_eq!(errors.get("q7"), Some("Answer this question."));

    let errors = score(&gad7::GAD7, &BTreeMap::new(), None).unwrap_err();
    assert_eq!(errors.0.len(), 7);
}

#[test]
fn unknown_option_is_refused_without_a_partial_score() {
    let audit = &audit_c::AUDIT_C;
    let mut answers = all(audit, 4);
    answers.insert("q3".into(), "5".into());
    let errors = score(audit, &answers, None).unwrap_err();
    assert_eq!(errors.0.len(), 1);
    assert_eq!(errors.get("q3"), Some("Choose one of the answers given."));

    // Another item's option codes, or a label, are not answers either.
    let mut answers = all(&taps::TAPS, 0);
    answers.insert("tobacco".into(), "Never".into());
    let errors = score(&taps::TAPS, &answers, None).unwrap_err();
    assert_eq!(
        errors.get("tobacco"),
        Some("Choose one of the answers given.")
    );
}

#[test]
fn all_zero_answers_score_zero() {
    for instrument in ALL {
        let scored = score(instrument, &all(instrument, 0), None).unwrap();
        assert_eq!(scored.total, 0, "{}", instrument.code);
        assert!(scored.critical.is_empty());
        assert!(scored.positive != Some(true));
    }
    let extra = {
        let mut answers = all(&phq9::PHQ9, 0);
        answers.insert("csrf".into(), "x".into());
        answers
    };
    assert_eq!(score(&phq9::PHQ9, &extra, None).unwrap().total, 0);
}

#[test]
fn definitions_serialize() {
    let json = serde_json::to_value(ALL).unwrap();
    assert_eq!(json[2]["scoring"]["kind"], "sum_with_cutoff");
    assert_eq!(json[2]["scoring"]["cutoff"]["kind"], "by_sex");
    assert_eq!(
        json[0]["items"][8]["options"][3]["label"],
        "Nearly every day"
    );
}

#[test]
fn every_band_boundary_of_every_instrument() {
    for instrument in ALL {
        for band in instrument.bands {
            for total in [band.min, band.max] {
                assert_eq!(
                    band_of(instrument, total),
                    band.code,
                    "{} total {total}",
                    instrument.code
                );
            }
            if band.min > instrument.total_range().0 {
                assert_ne!(band_of(instrument, band.min - 1), band.code);
            }
        }
        match instrument.scoring {
            Scoring::SumWithCutoff { cutoff } => {
                for sex in [None, Some(Sex::Female), Some(Sex::Male)] {
                    let at = cutoff.for_sex(sex);
                    let positive = |total| {
                        score(instrument, &totalling(instrument, total, &[]), sex)
                            .unwrap()
                            .positive
                    };
                    assert_eq!(positive(at - 1), Some(false), "{} {sex:?}", instrument.code);
                    assert_eq!(positive(at), Some(true), "{} {sex:?}", instrument.code);
                }
            }
            Scoring::EachItem { min_score } => {
                for item in instrument.items {
                    for (s, expected) in [(min_score - 1, false), (min_score, true)] {
                        let answers = totalling(instrument, s, &[(item.code, s)]);
                        let scored = score(instrument, &answers, None).unwrap();
                        assert_eq!(scored.positive, Some(expected), "{}", item.code);
                    }
                }
            }
            Scoring::Sum => {}
        }
    }
}
