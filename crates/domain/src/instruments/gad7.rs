//! GAD-7, the seven-item questionnaire on worry and anxiety.
//!
//! Licence: developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and
//! colleagues, with an educational grant from Pfizer Inc. Free to use: no permission is
//! required to reproduce, translate, display or distribute it.
//!
//! Seven items scored 0–3, total 0–21.

use super::definition::{Band, Choice, Instrument, Item, Scoring};

const OPTIONS: &[Choice] = &[
    Choice::new("0", "Not at all", 0),
    Choice::new("1", "Several days", 1),
    Choice::new("2", "More than half the days", 2),
    Choice::new("3", "Nearly every day", 3),
];

const fn item(code: &'static str, text: &'static str) -> Item {
    Item::new(code, text, OPTIONS)
}

pub const GAD7: Instrument = Instrument {
    code: "gad-7",
    name: "GAD-7",
    licence_note: "Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and \
                   colleagues, with an educational grant from Pfizer Inc. No permission \
                   required to reproduce, translate, display or distribute.",
    preamble: "Over the last 2 weeks, how often have you been bothered by the following \
               problems?",
    items: &[
        item("q1", "Feeling nervous, anxious, or on edge"),
        item("q2", "Not being able to stop or control worrying"),
        item("q3", "Worrying too much about different things"),
        item("q4", "Trouble relaxing"),
        item("q5", "Being so restless that it is hard to sit still"),
        item("q6", "Becoming easily annoyed or irritable"),
        item("q7", "Feeling afraid, as if something awful might happen"),
    ],
    scoring: Scoring::Sum,
    bands: &[
        Band::new(0, 4, "minimal", "minimal"),
        Band::new(5, 9, "mild", "mild"),
        Band::new(10, 14, "moderate", "moderate"),
        Band::new(15, 21, "severe", "severe"),
    ],
    critical: &[],
};
