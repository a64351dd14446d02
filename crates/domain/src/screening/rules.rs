//! The level-of-care rules: one table, read top to bottom, recorded in `docs/DESIGN.md`.
//!
//! Each rule is a level, a condition over [`Facts`] and the reason shown to the person in
//! plain words. The guidance is the highest level of any rule that applies; the reasons
//! are those of every rule that applies, highest level first. When no rule above peer
//! support applies, [`NOTHING_MORE`] explains the peer support guidance. Rules at the
//! peer support level add a note without raising the level.
//!
//! These are conservative signposts for a person choosing where to start, after the
//! instruments' published bands; they are not clinical criteria (ASAM and LOCUS are not
//! used or reproduced).

use super::facts::Facts;
use super::guidance::Guidance;

/// One line of the table.
#[derive(Clone, Copy)]
pub struct Rule {
    pub level: Guidance,
    pub applies: fn(&Facts) -> bool,
    pub reason: &'static str,
}

const fn rule(level: Guidance, applies: fn(&Facts) -> bool, reason: &'static str) -> Rule {
    Rule {
        level,
        applies,
        reason,
    }
}

use Guidance::{IntensiveOutpatient, MoreThanOutpatient, OutpatientGroup, PeerSupport};

pub const RULES: &[Rule] = &[
    rule(
        MoreThanOutpatient,
        |f| f.thoughts_of_death_or_self_harm(),
        "You said you have had thoughts that you would be better off dead or of hurting \
         yourself. Please talk with someone today: call or text 988, or tell a clinician \
         you trust.",
    ),
    rule(
        MoreThanOutpatient,
        |f| f.withdrawal_before() && f.heavy_use(),
        "You have felt unwell when stopping before, and you drink or use often now. Stopping \
         suddenly can be dangerous: a clinician can help you cut down safely, sometimes with \
         medical care.",
    ),
    rule(
        MoreThanOutpatient,
        |f| f.severe_withdrawal_before() && f.any_use(),
        "You have had serious withdrawal before and still drink or use. Talk with a clinician \
         before you cut down or stop.",
    ),
    rule(
        MoreThanOutpatient,
        |f| f.severe_scores() && f.hardly_keeping_up(),
        "Your answers show very strong low mood or worry, and you can hardly keep up with \
         daily life. That needs more than a weekly group.",
    ),
    rule(
        MoreThanOutpatient,
        |f| f.severe_scores() && f.recent_hospital_stay(),
        "You stayed in hospital for your mental health this year and your scores are very \
         high now. Ask a clinician about more support than outpatient care can give.",
    ),
    rule(
        IntensiveOutpatient,
        |f| f.high_scores(),
        "Your low mood or worry scores are high. A program that meets several times a week \
         gives more support than one weekly group.",
    ),
    rule(
        IntensiveOutpatient,
        |f| f.recent_hospital_stay(),
        "You stayed in hospital for your mental health in the last year. Support several \
         times a week helps many people stay well afterwards.",
    ),
    rule(
        IntensiveOutpatient,
        |f| f.heavy_use(),
        "You drink heavily or use drugs weekly or more. A program that meets several times a \
         week can help you change that.",
    ),
    rule(
        IntensiveOutpatient,
        |f| f.withdrawal_before() && f.any_use(),
        "You have felt unwell when stopping alcohol or drugs before. A program with \
         clinicians can help you cut down safely.",
    ),
    rule(
        IntensiveOutpatient,
        |f| f.moderate_scores() && f.hardly_keeping_up(),
        "Low mood or worry makes it hard to keep up with daily life. A program several times \
         a week can help with that.",
    ),
    rule(
        OutpatientGroup,
        |f| f.moderate_scores(),
        "Your answers show moderate low mood or worry. A weekly group led by a therapist is a \
         good place to start.",
    ),
    rule(
        OutpatientGroup,
        |f| f.any_use(),
        "Your drinking or drug use is at a level where a group about it can help.",
    ),
    rule(
        OutpatientGroup,
        |f| f.mild_scores() && f.struggling_to_keep_up(),
        "Milder low mood or worry is making daily life harder. A weekly therapist-led group \
         can help.",
    ),
    rule(
        PeerSupport,
        |f| f.housing_unsure(),
        "You said your housing is not safe or stable. Ask the program about help with \
         housing: it matters for your recovery.",
    ),
    rule(
        PeerSupport,
        |f| f.in_treatment(),
        "You are already getting help. Share this result with the people who treat you.",
    ),
];

/// The reason for peer support when nothing points to more.
pub const NOTHING_MORE: &str = "Your answers do not point to a need for treatment right now. A \
     peer support group can help you stay well and connected.";

/// The guidance and its reasons for these facts.
pub fn guide(facts: &Facts) -> (Guidance, Vec<&'static str>) {
    let applying: Vec<&Rule> = RULES.iter().filter(|r| (r.applies)(facts)).collect();
    let level = applying
        .iter()
        .map(|r| r.level)
        .max()
        .unwrap_or(PeerSupport);
    let mut reasons = Vec::with_capacity(applying.len() + 1);
    if level == PeerSupport {
        reasons.push(NOTHING_MORE);
    }
    let mut by_level = applying;
    // Stable: the table's order within a level.
    by_level.sort_by_key(|r| std::cmp::Reverse(r.level));
    reasons.extend(by_level.iter().map(|r| r.reason));
    (level, reasons)
}
