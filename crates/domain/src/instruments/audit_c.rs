//! AUDIT-C, the first three questions of the WHO Alcohol Use Disorders Identification Test.
//!
//! Licence: derived from the AUDIT (World Health Organization, 2001), which the WHO
//! publishes for free use.
//!
//! Three items scored 0–4, total 0–12. The screen is positive at 4 or more for men and
//! 3 or more for women. When sex is not given the lower cutoff, 3, applies: it is the
//! safer choice, since missing someone is worse than an extra conversation.

use super::definition::{Choice, Cutoff, Instrument, Item, Scoring};

pub const AUDIT_C: Instrument = Instrument {
    code: "audit-c",
    name: "AUDIT-C",
    licence_note: "Derived from the AUDIT, World Health Organization (2001); free to use.",
    preamble: "These questions are about your drinking of alcohol during the past year.",
    items: &[
        Item {
            code: "q1",
            text: "How often do you have a drink containing alcohol?",
            options: &[
                Choice {
                    code: "0",
                    label: "Never",
                    score: 0,
                },
                Choice {
                    code: "1",
                    label: "Monthly or less",
                    score: 1,
                },
                Choice {
                    code: "2",
                    label: "2 to 4 times a month",
                    score: 2,
                },
                Choice {
                    code: "3",
                    label: "2 to 3 times a week",
                    score: 3,
                },
                Choice {
                    code: "4",
                    label: "4 or more times a week",
                    score: 4,
                },
            ],
        },
        Item {
            code: "q2",
            text: "How many standard drinks containing alcohol do you have on a typical day \
                   when you are drinking?",
            options: &[
                Choice {
                    code: "0",
                    label: "1 or 2",
                    score: 0,
                },
                Choice {
                    code: "1",
                    label: "3 or 4",
                    score: 1,
                },
                Choice {
                    code: "2",
                    label: "5 or 6",
                    score: 2,
                },
                Choice {
                    code: "3",
                    label: "7 to 9",
                    score: 3,
                },
                Choice {
                    code: "4",
                    label: "10 or more",
                    score: 4,
                },
            ],
        },
        Item {
            code: "q3",
            text: "How often do you have six or more drinks on one occasion?",
            options: &[
                Choice {
                    code: "0",
                    label: "Never",
                    score: 0,
                },
                Choice {
                    code: "1",
                    label: "Less than monthly",
                    score: 1,
                },
                Choice {
                    code: "2",
                    label: "Monthly",
                    score: 2,
                },
                Choice {
                    code: "3",
                    label: "Weekly",
                    score: 3,
                },
                Choice {
                    code: "4",
                    label: "Daily or almost daily",
                    score: 4,
                },
            ],
        },
    ],
    scoring: Scoring::SumWithCutoff {
        cutoff: Cutoff::BySex { female: 3, male: 4 },
    },
    bands: &[],
    critical: &[],
};
