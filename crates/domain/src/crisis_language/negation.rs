//! Negation: "I would never kill myself", "I'm not suicidal", "no thoughts of hurting myself".
//!
//! A phrase is negated when a negating word sits inside it (skipped by a `*`) or up to four
//! words before it in the same clause, with no comma and no new "I" in between: in "I'm not
//! okay, I want to die" the "not" belongs to "okay". Phrases whose meaning holds a negation
//! ("don't want to live") carry it as their own first word, so only a negation before that
//! one counts. "It's not that I …" and "I'm not saying I …" do reach past the new "I".

use super::pattern::Found;
use super::tokens::Tokens;
use super::words;

/// How many words before a phrase a negation still reaches.
const SCOPE: usize = 4;

pub(super) fn negated(tokens: &Tokens, clause_start: usize, found: &Found) -> bool {
    let inside = (found.start..found.end).any(|i| found.is_skipped(i) && negates(tokens, i));
    if inside {
        return true;
    }
    let mut i = found.start;
    for _ in 0..SCOPE {
        if i <= clause_start || tokens.token(i).is_some_and(|t| t.pause_before) {
            return false;
        }
        i -= 1;
        if negates(tokens, i) {
            return true;
        }
        if words::is_self_subject(tokens.word(i)) {
            return reaches_past(tokens, clause_start, i);
        }
    }
    false
}

/// A negating word, unless the words around turn it back or it is about something else:
/// "can't stop thinking about killing myself", "not a day without wanting to die", "I
/// don't know how much longer I can go on".
fn negates(tokens: &Tokens, i: usize) -> bool {
    let word = tokens.word(i);
    if !words::is_negator(word) {
        return false;
    }
    if matches!(
        tokens.word(i + 1),
        "stop" | "help" | "shake" | "escape" | "know"
    ) {
        return false;
    }
    let after_a_while = i.checked_sub(1).is_some_and(|before| {
        matches!(
            tokens.word(before),
            "day" | "days" | "hour" | "night" | "moment" | "minute" | "week"
        )
    });
    !(word == "without" && after_a_while)
}

/// "It's not that I want to die", "I'm not saying I want to die": the negation before the
/// new "I" is about what follows it.
fn reaches_past(tokens: &Tokens, clause_start: usize, subject: usize) -> bool {
    let Some(link) = subject.checked_sub(1).filter(|&link| link >= clause_start) else {
        return false;
    };
    if !matches!(
        tokens.word(link),
        "like" | "that" | "saying" | "said" | "say" | "where" | "mean"
    ) {
        return false;
    }
    (link.saturating_sub(2).max(clause_start)..link).any(|i| words::is_negator(tokens.word(i)))
}
