//! Splits a message into normalized words, grouped in clauses, with quoted stretches marked.
//!
//! Normalizing here keeps the lexicon short: words are lower case, apostrophes (straight or
//! curly) are dropped so "can't", "can’t" and "cant" are one word, chat spellings are
//! expanded ("wanna" is "want to") and a few split forms are joined ("my self", "I am").
//! Every word keeps its byte range in the message, so a hit can point at its phrase.

use std::ops::Range;

use super::vocabulary::{Vocabulary, UNKNOWN};
use super::words;

#[derive(Debug, Clone)]
pub(super) struct Token {
    /// The normalized word, as a range of `Tokens::words`.
    word: Range<usize>,
    /// Byte range in the message.
    pub span: Range<usize>,
    /// Clauses are split at sentence punctuation and at "but"; matching never crosses them.
    pub clause: u32,
    /// A comma, dash or bracket stands between this word and the one before it.
    pub pause_before: bool,
    /// The closed quotation this word is inside.
    pub quote: Option<usize>,
}

pub(super) struct Tokens {
    words: String,
    list: Vec<Token>,
    /// Each word's number in the lexicon's vocabulary, once [`Tokens::number`] has run.
    ids: Vec<u32>,
    /// Token ranges of closed quotations, by index.
    quotes: Vec<Range<usize>>,
}

impl Tokens {
    pub fn new(text: &str) -> Self {
        Builder::new(text).run()
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    /// The normalized word at `i`, or "" past the end.
    pub fn word(&self, i: usize) -> &str {
        self.list
            .get(i)
            .and_then(|token| self.words.get(token.word.clone()))
            .unwrap_or("")
    }

    /// Looks up every word's number once, for matching.
    pub fn number(&mut self, vocabulary: &Vocabulary) {
        let ids = (0..self.list.len())
            .map(|i| vocabulary.id(self.word(i)))
            .collect();
        self.ids = ids;
    }

    /// The word's number in the vocabulary, or [`UNKNOWN`].
    pub fn id(&self, i: usize) -> u32 {
        self.ids.get(i).copied().unwrap_or(UNKNOWN)
    }

    pub fn token(&self, i: usize) -> Option<&Token> {
        self.list.get(i)
    }

    /// Whether words `a` and `b` lie in the same clause.
    pub fn same_clause(&self, a: usize, b: usize) -> bool {
        match (self.list.get(a), self.list.get(b)) {
            (Some(a), Some(b)) => a.clause == b.clause,
            _ => false,
        }
    }

    /// Token ranges of the clauses, in order.
    pub fn clauses(&self) -> Vec<Range<usize>> {
        let mut clauses = Vec::new();
        let mut start = 0;
        for i in 1..=self.list.len() {
            if !self.same_clause(i - 1, i) {
                clauses.push(start..i);
                start = i;
            }
        }
        clauses
    }

    pub fn quote(&self, index: usize) -> Option<Range<usize>> {
        self.quotes.get(index).cloned()
    }

    /// Byte range in the message covered by the words `range`.
    pub fn span(&self, range: Range<usize>) -> Range<usize> {
        let start = self.list.get(range.start).map_or(0, |t| t.span.start);
        let end = range
            .end
            .checked_sub(1)
            .and_then(|last| self.list.get(last))
            .map_or(start, |t| t.span.end);
        start..end
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Quoting {
    Double,
    Single,
}

struct Builder<'a> {
    text: &'a str,
    words: String,
    raw: Vec<Token>,
    clause: u32,
    pause: bool,
    quotes: usize,
    open: Option<(usize, Quoting)>,
    closed: Vec<usize>,
}

impl<'a> Builder<'a> {
    fn new(text: &'a str) -> Self {
        Self {
            text,
            words: String::with_capacity(text.len() + 16),
            raw: Vec::with_capacity(text.len() / 4 + 1),
            clause: 0,
            pause: false,
            quotes: 0,
            open: None,
            closed: Vec::new(),
        }
    }

    fn run(mut self) -> Tokens {
        let text = self.text;
        let mut scratch = String::new();
        let mut before: Option<char> = None;
        let mut at = 0;
        while let Some(c) = char_at(text, at) {
            if c.is_alphanumeric() {
                let start = at;
                let mut last = c;
                scratch.clear();
                push_lower(&mut scratch, c);
                at += c.len_utf8();
                while let Some(next) = char_at(text, at) {
                    let after = at + next.len_utf8();
                    if next.is_alphanumeric() {
                        push_lower(&mut scratch, next);
                    } else if !(words::is_apostrophe(next)
                        && char_at(text, after).is_some_and(char::is_alphanumeric))
                    {
                        break;
                    }
                    last = next;
                    at = after;
                }
                self.word(&scratch, start..at);
                before = Some(last);
            } else {
                let after = at + c.len_utf8();
                if c != ' ' {
                    self.mark(c, at, before, char_at(text, after));
                }
                before = Some(c);
                at = after;
            }
        }
        self.finish()
    }

    /// Punctuation, quotes and the odd emoji between words.
    fn mark(&mut self, c: char, at: usize, before: Option<char>, after: Option<char>) {
        let word_before = before.is_some_and(|b| b.is_alphanumeric() || ".,!?".contains(b));
        let word_after = after.is_some_and(char::is_alphanumeric);
        match c {
            '.' | '!' | '?' | ';' | '\n' | '…' => self.boundary(),
            ',' | ':' | '(' | ')' | '–' | '—' | '/' => self.pause = true,
            '"' => match self.open {
                Some((_, Quoting::Double)) => self.close(),
                None => self.open(Quoting::Double),
                Some(_) => {}
            },
            '“' | '«' | '„' if self.open.is_none() => self.open(Quoting::Double),
            '”' | '»' if matches!(self.open, Some((_, Quoting::Double))) => self.close(),
            _ if words::is_apostrophe(c) => {
                if self.open.is_none() && !word_before && word_after {
                    self.open(Quoting::Single);
                } else if matches!(self.open, Some((_, Quoting::Single))) && word_before {
                    self.close();
                }
            }
            // Laughing emoji read like "lol": they mark a joke, as in "I'll kill him 😂".
            '😂' | '🤣' | '😆' | '😹' => self.push("lol", at..at + c.len_utf8()),
            _ => {}
        }
    }

    fn open(&mut self, quoting: Quoting) {
        self.open = Some((self.quotes, quoting));
        self.quotes += 1;
    }

    fn close(&mut self) {
        if let Some((index, _)) = self.open.take() {
            self.closed.push(index);
        }
    }

    fn boundary(&mut self) {
        self.clause += 1;
        self.pause = false;
    }

    fn word(&mut self, raw: &str, span: Range<usize>) {
        if let Some(parts) = words::expansion(raw) {
            for part in parts {
                self.part(part, span.clone());
            }
        } else {
            self.part(raw, span);
        }
    }

    fn part(&mut self, word: &str, span: Range<usize>) {
        if words::splits_clause(word) {
            self.boundary();
        } else if self.pause && !self.raw.is_empty() && matches!(word, "and" | "so" | "then") {
            // ", and …" starts a new thought: "in 2019 I attempted suicide, and today I'm well".
            self.boundary();
        } else {
            self.push(word, span);
        }
    }

    fn push(&mut self, word: &str, span: Range<usize>) {
        let start = self.words.len();
        self.words.push_str(word);
        self.raw.push(Token {
            word: start..self.words.len(),
            span,
            clause: self.clause,
            pause_before: std::mem::take(&mut self.pause),
            quote: self.open.map(|(index, _)| index),
        });
    }

    fn finish(mut self) -> Tokens {
        let raw = std::mem::take(&mut self.raw);
        let mut list: Vec<Token> = Vec::with_capacity(raw.len());
        let mut i = 0;
        while let Some(token) = raw.get(i) {
            let merged = raw
                .get(i + 1)
                .filter(|next| joinable(token, next))
                .and_then(|next| {
                    let third = raw.get(i + 2).map_or("", |t| self.text_of(t));
                    words::merge(self.text_of(token), self.text_of(next), third)
                        .map(|merged| (merged, next.span.end))
                });
            let mut token = token.clone();
            if let Some((merged, end)) = merged {
                let start = self.words.len();
                self.words.push_str(merged);
                token.word = start..self.words.len();
                token.span.end = end;
                i += 1;
            }
            // A quotation never closed is not a quotation ("'cause", a stray mark).
            if token.quote.is_some_and(|q| !self.closed.contains(&q)) {
                token.quote = None;
            }
            list.push(token);
            i += 1;
        }
        let mut quotes = vec![0..0; self.quotes];
        for (at, token) in list.iter().enumerate() {
            if let Some(range) = token.quote.and_then(|q| quotes.get_mut(q)) {
                if range.start == range.end {
                    *range = at..at + 1;
                } else {
                    range.end = at + 1;
                }
            }
        }
        Tokens {
            words: self.words,
            list,
            ids: Vec::new(),
            quotes,
        }
    }

    fn text_of(&self, token: &Token) -> &str {
        self.words.get(token.word.clone()).unwrap_or("")
    }
}

/// The character starting at byte `at`; plain ASCII, most of any message, without decoding.
fn char_at(text: &str, at: usize) -> Option<char> {
    match text.as_bytes().get(at) {
        Some(&byte) if byte.is_ascii() => Some(char::from(byte)),
        Some(_) => text.get(at..).and_then(|rest| rest.chars().next()),
        None => None,
    }
}

fn push_lower(word: &mut String, c: char) {
    if c.is_ascii() {
        word.push(c.to_ascii_lowercase());
    } else {
        word.extend(c.to_lowercase());
    }
}

fn joinable(a: &Token, b: &Token) -> bool {
    a.clause == b.clause && !b.pause_before && a.quote == b.quote
}
