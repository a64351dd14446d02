//! Reported words are not the author's statement: a phrase inside quotation marks that
//! someone else said or that names a title (`the song "I Want to Die"`, `my sponsor said
//! "…"`, `"I can't go on," she said`), and a question someone else asked ("my therapist
//! asked if I want to hurt myself").
//!
//! A quotation the author gives as their own words or thoughts ("I keep thinking 'just end
//! it'") or gives to no one still counts: people quote themselves on hard days.

use std::ops::Range;

use super::pattern::Found;
use super::tokens::Tokens;
use super::words;

/// How far before a quotation its speaker or title is looked for.
const LEAD_IN: usize = 6;
/// How far after it ("…," she said).
const LEAD_OUT: usize = 3;

pub(super) fn by_someone_else(tokens: &Tokens, clause_start: usize, found: &Found) -> bool {
    let quote = tokens
        .token(found.start)
        .and_then(|token| token.quote)
        .and_then(|index| tokens.quote(index));
    match quote {
        Some(quote) => quoted_from_others(tokens, quote),
        None => asked_by_others(tokens, clause_start, found.start),
    }
}

fn quoted_from_others(tokens: &Tokens, quote: Range<usize>) -> bool {
    let mut i = quote.start;
    for _ in 0..LEAD_IN {
        if i == 0 || !tokens.same_clause(i - 1, i) {
            break;
        }
        i -= 1;
        let word = tokens.word(i);
        if is_title(word) {
            return true;
        }
        if words::is_speech_verb(word) {
            return !spoken_by_author(tokens, i);
        }
    }
    let after = quote.end..(quote.end + LEAD_OUT).min(tokens.len());
    for k in after.clone() {
        if k > quote.end && !tokens.same_clause(k - 1, k) {
            break;
        }
        if words::is_speech_verb(tokens.word(k)) {
            let near = quote.end..(k + 2).min(tokens.len());
            return !near
                .into_iter()
                .any(|j| words::is_self_subject(tokens.word(j)));
        }
    }
    false
}

/// The speaker of a verb of speech or thought, skipping adverbs: "I just said", "I keep
/// thinking", "I've been telling myself".
fn spoken_by_author(tokens: &Tokens, verb: usize) -> bool {
    (0..verb)
        .rev()
        .map(|i| tokens.word(i))
        .find(|word| {
            !matches!(
                *word,
                "just"
                    | "always"
                    | "keep"
                    | "kept"
                    | "then"
                    | "also"
                    | "literally"
                    | "once"
                    | "even"
                    | "actually"
                    | "still"
                    | "finally"
                    | "was"
                    | "been"
                    | "am"
            )
        })
        .is_some_and(words::is_self_subject)
}

fn is_title(word: &str) -> bool {
    matches!(
        word,
        "song"
            | "songs"
            | "movie"
            | "film"
            | "book"
            | "show"
            | "series"
            | "album"
            | "track"
            | "poem"
            | "called"
            | "titled"
            | "named"
            | "lyric"
            | "lyrics"
            | "line"
            | "quote"
            | "episode"
            | "meme"
            | "sign"
            | "poster"
            | "title"
            | "video"
            | "article"
            | "play"
            | "shirt"
            | "chapter"
            | "podcast"
    )
}

/// "my therapist asked if I want to hurt myself".
fn asked_by_others(tokens: &Tokens, clause_start: usize, start: usize) -> bool {
    let from = start.saturating_sub(LEAD_IN).max(clause_start);
    (from..start).any(|i| {
        matches!(tokens.word(i), "if" | "whether")
            && i.checked_sub(1).is_some_and(|before| {
                matches!(
                    tokens.word(before),
                    "asked" | "asks" | "ask" | "asking" | "questioned"
                )
            })
    })
}
