//! PHQ-9, the nine-item Patient Health Questionnaire on low mood.
//!
//! Licence: developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and
//! colleagues, with an educational grant from Pfizer Inc. Free to use: no permission is
//! required to reproduce, translate, display or distribute it.
//!
//! Nine items scored 0–3, total 0–27. Any answer other than "Not at all" to item 9
//! (thoughts of being better off dead or of self-harm) is flagged for follow-up.

use super::definition::{Band, Choice, Critical, Instrument, Item, Scoring};

const OPTIONS: &[Choice] = &[
    Choice::new("0", "Not at all", 0),
    Choice::new("1", "Several days", 1),
    Choice::new("2", "More than half the days", 2),
    Choice::new("3", "Nearly every day", 3),
];

const fn item(code: &'static str, text: &'static str) -> Item {
    Item::new(code, text, OPTIONS)
}

pub const PHQ9: Instrument = Instrument {
    code: "phq-9",
    name: "PHQ-9",
    licence_note: "Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and \
                   colleagues, with an educational grant from Pfizer Inc. No permission \
                   required to reproduce, translate, display or distribute.",
    preamble: "Over the last 2 weeks, how often have you been bothered by any of the \
               following problems?",
    items: &[
        item("q1", "Little interest or pleasure in doing things"),
        item("q2", "Feeling down, depressed, or hopeless"),
        item(
            "q3",
            "Trouble falling or staying asleep, or sleeping too much",
        ),
        item("q4", "Feeling tired or having little energy"),
        item("q5", "Poor appetite or overeating"),
        item(
            "q6",
            "Feeling bad about yourself — or that you are a failure or have let yourself \
             or your family down",
        ),
        item(
            "q7",
            "Trouble concentrating on things, such as reading the newspaper or watching \
             television",
        ),
        item(
            "q8",
            "Moving or speaking so slowly that other people could have noticed? Or the \
             opposite — being so fidgety or restless that you have been moving around a \
             lot more than usual",
        ),
        item(
            "q9",
            "Thoughts that you would be better off dead or of hurting yourself in some way",
        ),
    ],
    scoring: Scoring::Sum,
    bands: &[
        Band::new(0, 4, "minimal", "minimal"),
        Band::new(5, 9, "mild", "mild"),
        Band::new(10, 14, "moderate", "moderate"),
        Band::new(15, 19, "moderately_severe", "moderately severe"),
        Band::new(20, 27, "severe", "severe"),
    ],
    critical: &[Critical {
        item: "q9",
        min_score: 1,
        reason: "Reported thoughts of being better off dead or of hurting themselves; \
                 follow up with the person today.",
    }],
};
