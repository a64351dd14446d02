//! TAPS part 1, the frequency screen of NIDA's Tobacco, Alcohol, Prescription medication,
//! and other Substance use tool.
//!
//! Licence: developed by the National Institute on Drug Abuse (NIDA) Clinical Trials
//! Network; a US government work in the public domain.
//!
//! The item texts here are written in plain words after the published tool, not copied
//! word for word; check them against NIDA's current version before relying on exact
//! wording. Each substance is a screen of its own: any use other than "Never" in the past
//! 12 months is positive for that substance. The total is only the sum of the frequency
//! scores (0–16) and is not interpreted.
//!
//! The alcohol item asks about 4 or more drinks for women and 5 or more for men; one text
//! states both, and people who do not say use the lower number.

use super::definition::{Choice, Instrument, Item, Scoring};

const OPTIONS: &[Choice] = &[
    Choice::new("never", "Never", 0),
    Choice::new("less_than_monthly", "Less than monthly", 1),
    Choice::new("monthly", "Monthly", 2),
    Choice::new("weekly", "Weekly", 3),
    Choice::new("daily", "Daily or almost daily", 4),
];

const fn item(code: &'static str, text: &'static str) -> Item {
    Item::new(code, text, OPTIONS)
}

pub const TAPS: Instrument = Instrument {
    code: "taps-1",
    name: "TAPS (part 1)",
    licence_note: "TAPS tool, National Institute on Drug Abuse (NIDA) Clinical Trials \
                   Network; public domain. Item texts paraphrased in plain words.",
    preamble: "In the past 12 months, how often have you…",
    items: &[
        item(
            "tobacco",
            "used any tobacco product (for example cigarettes, e-cigarettes or vapes, \
             cigars, pipes, or chewing tobacco)?",
        ),
        item(
            "alcohol",
            "had 4 or more drinks containing alcohol in one day (women, or if you prefer \
             not to say), or 5 or more drinks in one day (men)? One drink is about a small \
             glass of wine, a can of beer, or a single shot of spirits.",
        ),
        item(
            "drugs",
            "used any drugs, such as marijuana or cannabis, cocaine or crack, heroin, \
             methamphetamine, hallucinogens, or ecstasy?",
        ),
        item(
            "prescription",
            "used a prescription medication just for the feeling, more than prescribed, \
             or that was not prescribed for you? For example opioid pain relievers, \
             medications for anxiety or sleep, or medications for ADHD.",
        ),
    ],
    scoring: Scoring::EachItem { min_score: 1 },
    bands: &[],
    critical: &[],
};
