//! The phrase notation of the lexicon, and matching one phrase at one word.
//!
//! A phrase is a list of slots separated by spaces:
//! - `kill|killing`: one of these words; `be_alive`: a run of words;
//! - `@kill`: the words of a named set (see [`sets`](super::sets)); `@kill|murder` mixes both;
//! - `own?`: a trailing `?` makes the slot optional;
//! - `*`: up to two words of anything ("want to *really* die"), `**` up to three;
//! - `$`: the end of the clause, though filler such as "tbh" or "tonight" may follow;
//!   also usable as an alternative (`$|like|anymore`);
//! - `!a|b_c`: the phrase does not count when followed by one of these;
//! - `~a|b`: the phrase does not count in a clause holding one of these words.
//!
//! Skipped words are remembered, so a negation inside the phrase ("I'm *not* suicidal") is
//! still seen.

use std::ops::Range;

use super::detection::Category;
use super::tokens::Tokens;
use super::vocabulary::{Vocabulary, END};
use super::{sets, words};

pub(super) struct Pattern {
    pub category: Category,
    slots: Vec<Slot>,
    not_followed_by: Choice,
    not_in_clause: Vec<u32>,
    /// For each slot after the first that must match a word: the words it accepts, as
    /// (block, bits) of a word set. A clause missing any of them cannot hold the phrase.
    needs: Vec<Vec<(usize, u64)>>,
}

enum Slot {
    Words { choice: Choice, optional: bool },
    Gap(usize),
    End,
}

/// What one slot accepts: single words (most of them, kept side by side for a quick scan),
/// runs of words, and the end of the clause.
#[derive(Default)]
struct Choice {
    words: Vec<u32>,
    runs: Vec<Vec<u32>>,
    end: bool,
}

impl Choice {
    /// Whether the form starting at word `at` could be one of these, judged by its first
    /// word: a cheap test before trying the rest of the phrase.
    fn may_start(&self, tokens: &Tokens, at: usize, end: usize) -> bool {
        if self.end {
            return true;
        }
        let id = tokens.id(at);
        at < end
            && (self.words.contains(&id) || self.runs.iter().any(|run| run.first() == Some(&id)))
    }

    /// Whether one of these forms starts at word `at`.
    fn matches(&self, tokens: &Tokens, at: usize, end: usize) -> bool {
        (at < end && self.words.contains(&tokens.id(at)))
            || self
                .runs
                .iter()
                .any(|run| run_at(tokens, at, end, run).is_some())
            || (self.end && at_end(tokens, at, end))
    }
}

/// Where a phrase matched, in words.
pub(super) struct Found {
    pub start: usize,
    pub end: usize,
    /// Bit `i` is set when word `start + i` was skipped by a `*`.
    skipped: u64,
}

impl Found {
    pub fn is_skipped(&self, i: usize) -> bool {
        i.checked_sub(self.start)
            .and_then(|offset| u32::try_from(offset).ok())
            .and_then(|offset| 1u64.checked_shl(offset))
            .is_some_and(|bit| self.skipped & bit != 0)
    }
}

impl Pattern {
    pub fn parse(
        category: Category,
        text: &'static str,
        vocabulary: &mut Vocabulary,
    ) -> Result<Self, String> {
        let mut pattern = Self {
            category,
            slots: Vec::new(),
            not_followed_by: Choice::default(),
            not_in_clause: Vec::new(),
            needs: Vec::new(),
        };
        for item in text.split_whitespace() {
            match item {
                "*" => pattern.slots.push(Slot::Gap(2)),
                "**" => pattern.slots.push(Slot::Gap(3)),
                "$" => pattern.slots.push(Slot::End),
                _ => {
                    if let Some(rest) = item.strip_prefix('!') {
                        pattern.not_followed_by = choice(rest, vocabulary)?;
                    } else if let Some(rest) = item.strip_prefix('~') {
                        pattern.not_in_clause = rest
                            .split('|')
                            .map(|word| vocabulary.intern(word))
                            .collect();
                    } else {
                        let (body, optional) = match item.strip_suffix('?') {
                            Some(body) => (body, true),
                            None => (item, false),
                        };
                        pattern.slots.push(Slot::Words {
                            choice: choice(body, vocabulary)?,
                            optional,
                        });
                    }
                }
            }
        }
        match (pattern.slots.first(), pattern.slots.last()) {
            (
                Some(Slot::Words {
                    optional: false, ..
                }),
                Some(Slot::Words { .. } | Slot::End),
            ) => {
                pattern.needs = pattern.slots.iter().skip(1).filter_map(needed).collect();
                Ok(pattern)
            }
            _ => Err(format!(
                "{text:?}: must start with words and not end with a gap"
            )),
        }
    }

    /// The words a match can start with, for the lexicon's index.
    pub fn first_words(&self) -> Vec<u32> {
        match self.slots.first() {
            Some(Slot::Words { choice, .. }) => choice
                .words
                .iter()
                .copied()
                .chain(choice.runs.iter().filter_map(|run| run.first().copied()))
                .collect(),
            _ => Vec::new(),
        }
    }

    /// Whether a clause holding the words in `present` (a set by word number) could hold
    /// the phrase: a cheap test that spares most attempts to match.
    pub fn possible(&self, present: &[u64]) -> bool {
        self.needs.iter().all(|need| {
            need.iter()
                .any(|&(block, bits)| present.get(block).is_some_and(|have| have & bits != 0))
        })
    }

    /// Matches the phrase starting exactly at word `start`, inside `clause`.
    pub fn find(&self, tokens: &Tokens, start: usize, clause: &Range<usize>) -> Option<Found> {
        let (end, skipped) = self.step(tokens, 0, start, clause.end, start, 0)?;
        if self.not_followed_by.matches(tokens, end, clause.end) {
            return None;
        }
        let in_clause = |i: usize| self.not_in_clause.contains(&tokens.id(i));
        if clause.clone().any(in_clause) {
            return None;
        }
        Some(Found {
            start,
            end,
            skipped,
        })
    }

    /// Matches slots from `slot` on at word `at`; the first way that fits wins, trying
    /// shorter skips first so a phrase stays as tight as it can.
    fn step(
        &self,
        tokens: &Tokens,
        slot: usize,
        at: usize,
        end: usize,
        origin: usize,
        skipped: u64,
    ) -> Option<(usize, u64)> {
        let Some(current) = self.slots.get(slot) else {
            return Some((at, skipped));
        };
        match current {
            Slot::Words { choice, optional } => {
                if at < end && choice.words.contains(&tokens.id(at)) {
                    let found = self.step(tokens, slot + 1, at + 1, end, origin, skipped);
                    if found.is_some() {
                        return found;
                    }
                }
                for run in &choice.runs {
                    if let Some(next) = run_at(tokens, at, end, run) {
                        let found = self.step(tokens, slot + 1, next, end, origin, skipped);
                        if found.is_some() {
                            return found;
                        }
                    }
                }
                if *optional || (choice.end && at_end(tokens, at, end)) {
                    return self.step(tokens, slot + 1, at, end, origin, skipped);
                }
                None
            }
            Slot::Gap(most) => {
                let mut skipped = skipped;
                for n in 0..=*most {
                    let next = at + n;
                    if next > end {
                        break;
                    }
                    if n > 0 {
                        let offset = u32::try_from(next - 1 - origin).unwrap_or(u32::MAX);
                        skipped |= 1u64.checked_shl(offset).unwrap_or(0);
                    }
                    let worth_trying = match self.slots.get(slot + 1) {
                        Some(Slot::Words { choice, optional }) => {
                            *optional || choice.may_start(tokens, next, end)
                        }
                        _ => true,
                    };
                    if worth_trying {
                        let found = self.step(tokens, slot + 1, next, end, origin, skipped);
                        if found.is_some() {
                            return found;
                        }
                    }
                }
                None
            }
            Slot::End => at_end(tokens, at, end)
                .then(|| self.step(tokens, slot + 1, at, end, origin, skipped))
                .flatten(),
        }
    }
}

/// The words a required slot accepts, as a set by word number; `None` when the slot may
/// match nothing (optional, a gap, or the end of the clause).
fn needed(slot: &Slot) -> Option<Vec<(usize, u64)>> {
    let Slot::Words {
        choice,
        optional: false,
    } = slot
    else {
        return None;
    };
    if choice.end {
        return None;
    }
    let mut need: Vec<(usize, u64)> = Vec::new();
    let firsts = choice.runs.iter().filter_map(|run| run.first());
    for &word in choice.words.iter().chain(firsts) {
        let (block, bit) = word_bit(word);
        match need.iter_mut().find(|(b, _)| *b == block) {
            Some((_, bits)) => *bits |= bit,
            None => need.push((block, bit)),
        }
    }
    Some(need)
}

/// Where word number `word` sits in a set of words: its block of 64 and its bit.
pub(super) fn word_bit(word: u32) -> (usize, u64) {
    let block = usize::try_from(word / 64).unwrap_or(usize::MAX);
    (block, 1u64 << (word % 64))
}

/// The words of one slot: plain words, runs joined by `_`, named sets and `$`.
fn choice(body: &'static str, vocabulary: &mut Vocabulary) -> Result<Choice, String> {
    let mut choice = Choice::default();
    let mut add = |text: &'static str, choice: &mut Choice| {
        let run: Vec<u32> = text.split('_').map(|w| vocabulary.intern(w)).collect();
        match run.as_slice() {
            [END] => choice.end = true,
            [word] => choice.words.push(*word),
            _ => choice.runs.push(run),
        }
    };
    for alternative in body.split('|') {
        if let Some(name) = alternative.strip_prefix('@') {
            let set = sets::named(name).ok_or_else(|| format!("unknown set @{name}"))?;
            for words in set {
                add(words, &mut choice);
            }
        } else if alternative.is_empty() {
            return Err(format!("empty alternative in {body:?}"));
        } else {
            add(alternative, &mut choice);
        }
    }
    Ok(choice)
}

/// Whether only filler is left of the clause, or a quotation closes here (`"I can't go on,"
/// I said`).
fn at_end(tokens: &Tokens, at: usize, end: usize) -> bool {
    let quote = |i: usize| tokens.token(i).and_then(|token| token.quote);
    let closes_quote = at
        .checked_sub(1)
        .and_then(quote)
        .is_some_and(|inside| quote(at) != Some(inside));
    closes_quote || (at..end).all(|i| words::is_trailing_filler(tokens.word(i)))
}

/// Where `run` ends when it is found at word `at`, before `end`.
fn run_at(tokens: &Tokens, at: usize, end: usize, run: &[u32]) -> Option<usize> {
    let next = at + run.len();
    let fits = next <= end && run.iter().enumerate().all(|(k, w)| tokens.id(at + k) == *w);
    fits.then_some(next)
}
