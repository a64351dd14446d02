//! The plain questions that complete the picture the questionnaires give: daily life,
//! housing, past withdrawal, a recent hospital stay and current treatment.
//!
//! They are Kindred's own words (no licence needed) and use the instruments' data shape:
//! each answer's `score` orders the choices from the least to the most concern, so rules
//! compare scores, never labels.

use crate::instruments::{Choice, Item};

/// "Can you keep up with work, school or home?"
pub const KEEP_UP: Item = Item::new(
    "keep_up",
    "Over the last 2 weeks, have you been able to keep up with work, school or things at home?",
    &[
        Choice::new("yes", "Yes, mostly", 0),
        Choice::new("some", "Some of it, with a struggle", 1),
        Choice::new("no", "No, hardly at all", 2),
    ],
);

/// "Do you have a safe and stable place to live?"
pub const HOUSING: Item = Item::new(
    "housing",
    "Do you have a safe and stable place to live?",
    &[
        Choice::new("yes", "Yes", 0),
        Choice::new("unsure", "For now, but I am not sure it will last", 1),
        Choice::new("no", "No", 2),
    ],
);

/// Past withdrawal symptoms when stopping alcohol or drugs.
pub const WITHDRAWAL: Item = Item::new(
    "withdrawal",
    "Have you ever felt unwell when you cut down or stopped drinking alcohol or using drugs \
     (withdrawal)?",
    &[
        Choice::new("no", "No, or I do not drink or use drugs", 0),
        Choice::new(
            "mild",
            "Yes: shaky, sweaty, sick, anxious or unable to sleep",
            1,
        ),
        Choice::new(
            "severe",
            "Yes: seizures, confusion, seeing or hearing things that were not there, or I \
             needed medical care",
            2,
        ),
    ],
);

/// A hospital stay for mental health in the last year.
pub const HOSPITAL: Item = Item::new(
    "hospital",
    "In the last 12 months, have you stayed overnight in a hospital for your mental health?",
    &[Choice::new("no", "No", 0), Choice::new("yes", "Yes", 1)],
);

/// Current treatment, from none to the most intensive.
pub const TREATMENT: Item = Item::new(
    "treatment",
    "Are you getting help for your mental health or substance use now?",
    &[
        Choice::new("none", "No", 0),
        Choice::new("peer", "A peer support or mutual-help group", 1),
        Choice::new("outpatient", "A counselor, therapist or doctor", 2),
        Choice::new(
            "intensive",
            "A program several days a week, or a day program",
            3,
        ),
    ],
);

/// The plain questions, in the order they are asked.
pub const QUESTIONS: &[&Item] = &[&KEEP_UP, &HOUSING, &WITHDRAWAL, &HOSPITAL, &TREATMENT];
