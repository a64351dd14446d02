//! Crisis language in chat messages: a lexicon of phrases with rules for negation,
//! quotations, other people, time and idioms.
//!
//! [`detect`] checks one message. A hit shows the author crisis resources in private and
//! alerts the facilitator and the on-call clinician; nothing is deleted. Missing a real
//! crisis statement is the worst error, so where a message is ambiguous the rules lean to a
//! hit, yet they drop the everyday cases that would bury staff in false alarms: history
//! shared in group, quotes, talk about other people, and idioms ("this traffic is killing
//! me").
//!
//! How a message is read, in order:
//! 1. `tokens`: lower-cased words with apostrophes dropped ("can’t" is "cant"), chat
//!    spellings expanded, split into clauses at sentence punctuation and at "but";
//! 2. `lexicon`: phrases such as `@kill myself`, matched word by word within a clause;
//! 3. each match must pass `negation`, `reported` (quotes, questions asked by others),
//!    `speaker` (the author, not a third person) and `tense` (not resolved history).
//!
//! The lexicon is compiled once per process (`LazyLock`), its words numbered
//! (`vocabulary`). A message is read in one pass: each word is numbered once, phrases are
//! tried only where their first word stands and only in a clause holding the other words
//! they need, and a phrase has a bounded length, so the cost grows linearly with the
//! message. Nothing here logs or keeps the text: a [`Detection`] holds a category and a
//! byte range only.
//!
//! [`evaluate`] measures the detector on a labelled set; `labelled.tsv` is ours.

mod detection;
mod evaluation;
mod hash;
mod lexicon;
mod negation;
mod pattern;
mod reported;
mod sets;
mod speaker;
mod tense;
mod tokens;
mod vocabulary;
mod words;

#[cfg(test)]
mod tests;

pub use detection::{Category, Detection, Hit};
pub use evaluation::{evaluate, Evaluation, Label, Misclassified, LABELLED};

use std::ops::Range;

use lexicon::LEXICON;
use pattern::{Found, Pattern};
use tense::Frame;
use tokens::Tokens;

/// Checks one message for crisis language.
pub fn detect(text: &str) -> Detection {
    let lexicon = &*LEXICON;
    let mut tokens = Tokens::new(text);
    tokens.number(&lexicon.vocabulary);
    let clauses = tokens.clauses();
    let mut present = vec![0u64; lexicon.vocabulary.len() / 64 + 1];
    let mut best: Option<Hit> = None;
    for clause in &clauses {
        present.fill(0);
        for i in clause.clone() {
            let (block, bit) = pattern::word_bit(tokens.id(i));
            if let Some(bits) = present.get_mut(block) {
                *bits |= bit;
            }
        }
        for start in clause.clone() {
            for pattern in lexicon.starting_with(tokens.id(start)) {
                if !pattern.possible(&present) {
                    continue;
                }
                let Some(found) = pattern.find(&tokens, start, clause) else {
                    continue;
                };
                if best
                    .as_ref()
                    .is_some_and(|hit| hit.category <= pattern.category)
                {
                    continue;
                }
                if counts(&tokens, &clauses, clause, pattern, &found) {
                    best = Some(Hit {
                        category: pattern.category,
                        span: tokens.span(found.start..found.end),
                    });
                }
            }
        }
    }
    Detection::new(best)
}

/// Whether a matched phrase is the author's own, current, meant statement.
fn counts(
    tokens: &Tokens,
    clauses: &[Range<usize>],
    clause: &Range<usize>,
    pattern: &Pattern,
    found: &Found,
) -> bool {
    if negation::negated(tokens, clause.start, found)
        || reported::by_someone_else(tokens, clause.start, found)
        || speaker::someone_else(tokens, clause.start, found)
    {
        return false;
    }
    if pattern.category == Category::HarmToOthers && speaker::joking(tokens, clause) {
        return false;
    }
    match tense::frame(tokens, clause) {
        Frame::Recent | Frame::Undated => true,
        Frame::History => tense::comes_back_after(tokens, clauses, clause),
    }
}
