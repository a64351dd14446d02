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
                Choice::new("0", "Never", 0),
                Choice::new("1", "Monthly or less", 1),
                Choice::new("2", "2 to 4 times a month", 2),
                Choice::new("3", "2 to 3 times a week", 3),
                Choice::new("4", "4 or more times a week", 4),
            ],
        },
        Item {
            code: "q2",
            text: "How many standard drinks containing alcohol do you have on a typical day \
                   when you are drinking?",
            options: &[
                Choice::new("0", "1 or 2", 0),
                Choice::new("1", "3 or 4", 1),
                Choice::new("2", "5 or 6", 2),
                Choice::new("3", "7 to 9", 3),
                Choice::new("4", "10 or more", 4),
            ],
        },
        Item {
            code: "q3",
            text: "How often do you have six or more drinks on one occasion?",
            options: &[
                Choice::new("0", "Never", 0),
                Choice::new("1", "Less than monthly", 1),
                Choice::new("2", "Monthly", 2),
                Choice::new("3", "Weekly", 3),
                Choice::new("4", "Daily or almost daily", 4),
            ],
        },
    ],
    scoring: Scoring::SumWithCutoff {
        cutoff: Cutoff::BySex { female: 3, male: 4 },
    },
    bands: &[],
    critical: &[],
};
