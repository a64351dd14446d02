//! Time. History shared in group is common and healthy ("I tried to kill myself five years
//! ago"); a recent or current statement is not history. The rule, per clause:
//!
//! 1. A recent marker makes the clause current: "last night", "yesterday", "today",
//!    "tonight", "tomorrow", "this morning", "this week", "last week", "the other day",
//!    "lately", "recently", "again", "still", "right now", "anymore", "N hours, days or weeks
//!    ago", or the present perfect ("I've been", "I've had").
//! 2. Otherwise a marker of the distant past makes it history: "used to", "back then",
//!    "when I was 16 / a kid / in high school", "as a teenager", "growing up", "years",
//!    "N months or years ago", "last year", "in 2015", "at 16", "before I got sober".
//! 3. With neither, the phrase counts. A past verb alone ("I tried to kill myself") is not
//!    history: an undated attempt is something the clinician needs to hear about.
//!
//! History counts after all when a later clause says it has come back, with no negation in
//! that clause: "… but lately I feel that way again", "… but the thoughts are back".

use std::ops::Range;

use super::tokens::Tokens;
use super::words;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Frame {
    Recent,
    History,
    Undated,
}

pub(super) fn frame(tokens: &Tokens, clause: &Range<usize>) -> Frame {
    let mut history = false;
    for i in clause.clone() {
        match marker(&Clause { tokens, clause }, i) {
            Some(Frame::Recent) => return Frame::Recent,
            Some(Frame::History) => history = true,
            _ => {}
        }
    }
    if history {
        Frame::History
    } else {
        Frame::Undated
    }
}

/// Whether a clause after `clause` says the feeling has come back.
pub(super) fn comes_back_after(
    tokens: &Tokens,
    clauses: &[Range<usize>],
    clause: &Range<usize>,
) -> bool {
    clauses
        .iter()
        .filter(|later| later.start >= clause.end)
        .any(|later| {
            came_back(&Clause {
                tokens,
                clause: later,
            })
        })
}

/// Words of one clause; outside it every word reads as "".
struct Clause<'a> {
    tokens: &'a Tokens,
    clause: &'a Range<usize>,
}

impl Clause<'_> {
    fn at(&self, i: usize) -> &str {
        if self.clause.contains(&i) {
            self.tokens.word(i)
        } else {
            ""
        }
    }

    fn before(&self, i: usize) -> &str {
        i.checked_sub(1).map_or("", |before| self.at(before))
    }
}

fn marker(c: &Clause<'_>, i: usize) -> Option<Frame> {
    use Frame::{History, Recent};
    let next = c.at(i + 1);
    let then = c.at(i + 2);
    let frame = match c.at(i) {
        "lately" | "recently" | "again" | "still" | "tonight" | "today" | "yesterday"
        | "tomorrow" | "nowadays" | "anymore" | "earlier" | "currently" => Recent,
        "last" => match next {
            "night" | "nite" | "week" | "weekend" => Recent,
            "year" | "month" | "summer" | "winter" | "spring" | "fall" | "autumn" | "decade" => {
                History
            }
            _ => return None,
        },
        "this"
            if matches!(
                next,
                "morning" | "afternoon" | "evening" | "week" | "weekend"
            ) =>
        {
            Recent
        }
        "right" if next == "now" => Recent,
        "these" if next == "days" => Recent,
        "other" if next == "day" => Recent,
        "ago" => {
            let short = (i.saturating_sub(3)..i).any(|k| {
                matches!(
                    c.at(k),
                    "minute" | "minutes" | "hour" | "hours" | "day" | "days" | "week" | "weeks"
                )
            });
            if short {
                Recent
            } else {
                History
            }
        }
        "ive"
            if matches!(
                next,
                "been" | "had" | "felt" | "wanted" | "thought" | "started" | "got" | "gotten"
            ) && !settled(then) =>
        {
            Recent
        }
        "been"
            if matches!(
                next,
                "feeling" | "thinking" | "having" | "wanting" | "cutting" | "struggling"
            ) =>
        {
            Recent
        }
        "used" if next == "to" => History,
        "back" if matches!(next, "then" | "in" | "when") => History,
        "when" if next == "i" && matches!(then, "was" | "were") && distant_when(c, i + 3) => {
            History
        }
        "as" if matches!(next, "a" | "an")
            && matches!(
                then,
                "kid" | "teen" | "teenager" | "child" | "student" | "freshman" | "youth"
            ) =>
        {
            History
        }
        "growing" if next == "up" => History,
        "in" => match next {
            "the" if then == "past" => History,
            "high" | "middle" | "college" | "university" | "school"
                if !matches!(c.before(i), "im" | "am" | "are" | "still") =>
            {
                History
            }
            "my" if is_life_stage(then) => History,
            year if is_year(year) => History,
            _ => return None,
        },
        "my" if is_life_stage(next) => History,
        "years" | "decades" | "decade" if next != "old" => History,
        "childhood" | "previously" | "formerly" => History,
        "at" => match next {
            "age" => History,
            "my" if matches!(then, "worst" | "lowest") => History,
            age if is_number(age) => History,
            _ => return None,
        },
        "age" if is_number(next) => History,
        "before" => {
            let treatment = (i + 1..i + 4).any(|k| {
                matches!(
                    c.at(k),
                    "sober"
                        | "clean"
                        | "treatment"
                        | "rehab"
                        | "recovery"
                        | "therapy"
                        | "group"
                        | "meds"
                        | "medication"
                        | "program"
                        | "diagnosis"
                        | "diagnosed"
                )
            });
            if treatment {
                History
            } else {
                return None;
            }
        }
        "old" if c.before(i) == "the" && matches!(next, "me" | "days") => History,
        _ => return None,
    };
    Some(frame)
}

/// "I've been clean", "I've been doing better": the present perfect of recovery is not a
/// current crisis.
fn settled(word: &str) -> bool {
    matches!(
        word,
        "clean"
            | "sober"
            | "free"
            | "okay"
            | "ok"
            | "fine"
            | "good"
            | "better"
            | "stable"
            | "safe"
            | "doing"
            | "healthy"
            | "in"
    )
}

/// "when I was 16", "when I was a kid", "when I was in high school" (and not "when I was
/// driving home", which may have been an hour ago).
fn distant_when(c: &Clause<'_>, i: usize) -> bool {
    let word = c.at(i);
    is_number(word)
        || matches!(
            word,
            "younger" | "young" | "little" | "small" | "a" | "an" | "using" | "drinking"
        )
        || (word == "in"
            && matches!(
                c.at(i + 1),
                "high"
                    | "middle"
                    | "college"
                    | "school"
                    | "university"
                    | "rehab"
                    | "active"
                    | "foster"
                    | "jail"
                    | "prison"
                    | "my"
                    | "the"
            ))
}

fn is_life_stage(word: &str) -> bool {
    matches!(
        word,
        "teens" | "twenties" | "20s" | "thirties" | "30s" | "youth" | "childhood" | "addiction"
    )
}

fn is_number(word: &str) -> bool {
    !word.is_empty() && word.len() <= 3 && word.bytes().all(|b| b.is_ascii_digit())
        || matches!(
            word,
            "twelve" | "thirteen" | "fourteen" | "fifteen" | "sixteen" | "seventeen" | "eighteen"
        )
}

fn is_year(word: &str) -> bool {
    word.len() == 4
        && (word.starts_with("19") || word.starts_with("20"))
        && word.bytes().all(|b| b.is_ascii_digit())
}

fn came_back(c: &Clause<'_>) -> bool {
    let mut back = false;
    for i in c.clause.clone() {
        let word = c.at(i);
        if words::is_negator(word) {
            return false;
        }
        let next = c.at(i + 1);
        back |= word == "again"
            || (word == "back"
                && matches!(
                    c.before(i),
                    "are" | "is" | "its" | "theyre" | "coming" | "came" | "come" | "creeping"
                ))
            || (word == "that" && next == "way")
            || (matches!(word, "those" | "these" | "the_same")
                && matches!(next, "thoughts" | "feelings" | "urges"));
    }
    back
}
