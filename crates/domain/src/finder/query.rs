//! A checked directory query: what the person asked for, the ranking that follows from it,
//! the filter the store runs, and the links that keep it (pages, removing one filter).

use super::geo::{Area, Place};
use super::input::{codes, PAGE_SIZE};
use super::vocab::{mask, Day, Led, Seats, TimeOfDay};
use crate::fields::Choice;
use crate::groups::{Audience, FocusArea, Format, Language, PaymentOption};
use crate::programs::LevelOfCare;
use crate::FieldErrors;

/// Free text as words: letters and digits only (nothing a search syntax could read as an
/// operator), lower-cased, without common filler words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextQuery {
    /// What was typed, trimmed: shown back in the form.
    pub typed: String,
    /// At most [`TextQuery::MAX_TERMS`] words; a group must contain every one.
    pub terms: Vec<String>,
}

const STOP_WORDS: [&str; 32] = [
    "a", "about", "an", "and", "any", "are", "at", "by", "for", "from", "group", "groups", "in",
    "into", "is", "it", "me", "my", "near", "of", "on", "or", "that", "the", "to", "with", "i",
    "im", "want", "need", "looking", "some",
];

impl TextQuery {
    pub const MAX_TERMS: usize = 8;

    pub fn parse(errors: &mut FieldErrors, field: &str, raw: &str) -> Option<TextQuery> {
        let typed = raw.trim();
        if typed.chars().count() > 200 {
            errors.add(field, "Use at most 200 characters.");
            return None;
        }
        let words: Vec<String> = typed
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        if words.is_empty() {
            errors.add(
                field,
                "Type a word to look for, like \"anxiety\" or \"evening\".",
            );
            return None;
        }
        let mut terms: Vec<String> = words
            .iter()
            .filter(|w| !STOP_WORDS.contains(&w.as_str()))
            .cloned()
            .collect();
        if terms.is_empty() {
            terms = words;
        }
        let mut seen = Vec::new();
        terms.retain(|t| {
            let new = !seen.contains(t);
            seen.push(t.clone());
            new
        });
        terms.truncate(Self::MAX_TERMS);
        Some(TextQuery {
            typed: typed.to_owned(),
            terms,
        })
    }
}

/// What the person asked for, every part checked.
#[derive(Debug, Clone, PartialEq)]
pub struct DirectoryQuery {
    pub text: Option<TextQuery>,
    pub focus: Vec<FocusArea>,
    pub led: Option<Led>,
    pub formats: Vec<Format>,
    pub days: Vec<Day>,
    pub times: Vec<TimeOfDay>,
    pub language: Option<Language>,
    pub payments: Vec<PaymentOption>,
    pub audiences: Vec<Audience>,
    pub care: Vec<LevelOfCare>,
    pub seats: Option<Seats>,
    pub place: Option<Place>,
    /// The city or postcode as typed, when the place came from the gazetteer.
    pub near: Option<String>,
    /// Applies only with a place.
    pub within_km: f64,
    /// 1-based.
    pub page: u32,
}

/// How results are ranked (ties by name, then id, so pages never overlap).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    /// A place was given: nearest first.
    Distance,
    /// Text without a place: best match first.
    Relevance,
    /// Neither: by name.
    Name,
}

/// What the store runs: every vocabulary as a mask (0 = any), the area, the order and the
/// page window (one more row than a page, to know whether another page follows).
#[derive(Debug, Clone, PartialEq)]
pub struct DirectoryFilter {
    pub terms: Vec<String>,
    pub focus: i64,
    pub led: Option<Led>,
    pub formats: i64,
    pub language: Option<Language>,
    pub days: i64,
    pub times: i64,
    pub payments: i64,
    pub audiences: i64,
    pub care: i64,
    pub seats: Option<Seats>,
    pub area: Option<Area>,
    pub order: Order,
    pub limit: i64,
    pub offset: i64,
}

impl DirectoryQuery {
    /// A query that asks for nothing: every listed group, first page.
    pub fn everything() -> DirectoryQuery {
        DirectoryQuery {
            text: None,
            focus: Vec::new(),
            led: None,
            formats: Vec::new(),
            days: Vec::new(),
            times: Vec::new(),
            language: None,
            payments: Vec::new(),
            audiences: Vec::new(),
            care: Vec::new(),
            seats: None,
            place: None,
            near: None,
            within_km: super::input::DEFAULT_WITHIN_KM,
            page: 1,
        }
    }

    /// The ranking rule: distance when a place is given, text relevance when words are,
    /// otherwise by name.
    pub fn order(&self) -> Order {
        if self.place.is_some() {
            Order::Distance
        } else if self.text.is_some() {
            Order::Relevance
        } else {
            Order::Name
        }
    }

    pub fn filter(&self) -> DirectoryFilter {
        DirectoryFilter {
            terms: self
                .text
                .as_ref()
                .map(|t| t.terms.clone())
                .unwrap_or_default(),
            focus: mask(&self.focus),
            led: self.led,
            formats: mask(&self.formats),
            language: self.language,
            days: mask(&self.days),
            times: mask(&self.times),
            payments: mask(&self.payments),
            audiences: mask(&self.audiences),
            care: mask(&self.care),
            seats: self.seats,
            area: self
                .place
                .as_ref()
                .map(|p| Area::around(p.latitude, p.longitude, self.within_km)),
            order: self.order(),
            limit: i64::from(PAGE_SIZE) + 1,
            offset: i64::from(self.page - 1) * i64::from(PAGE_SIZE),
        }
    }

    /// Whether anything narrows the search.
    pub fn is_empty(&self) -> bool {
        self.pairs().is_empty()
    }

    /// The query as `(name, value)` pairs, without the page: what links keep.
    pub fn pairs(&self) -> Vec<(&'static str, String)> {
        let mut out: Vec<(&'static str, String)> = Vec::new();
        let mut push = |name, value: String| {
            if !value.is_empty() {
                out.push((name, value));
            }
        };
        push(
            "q",
            self.text
                .as_ref()
                .map(|t| t.typed.clone())
                .unwrap_or_default(),
        );
        push("focus", codes(&self.focus));
        push(
            "led",
            self.led.map(|v| v.code().to_owned()).unwrap_or_default(),
        );
        push("format", codes(&self.formats));
        push("day", codes(&self.days));
        push("time", codes(&self.times));
        push(
            "language",
            self.language
                .map(|v| v.code().to_owned())
                .unwrap_or_default(),
        );
        push("payment", codes(&self.payments));
        push("audience", codes(&self.audiences));
        push("care", codes(&self.care));
        push(
            "seats",
            self.seats.map(|v| v.code().to_owned()).unwrap_or_default(),
        );
        if let Some(place) = &self.place {
            match &self.near {
                Some(near) => push("near", near.clone()),
                None => {
                    push("lat", format!("{:.5}", place.latitude));
                    push("lon", format!("{:.5}", place.longitude));
                }
            }
            push("within", format_km(self.within_km));
        }
        out
    }

    /// The query string of this search at another page (`page=1` is left out).
    pub fn query_string(&self, page: u32) -> String {
        let mut parts: Vec<String> = self
            .pairs()
            .into_iter()
            .map(|(name, value)| format!("{name}={}", encode(&value)))
            .collect();
        if page > 1 {
            parts.push(format!("page={page}"));
        }
        parts.join("&")
    }
}

/// "40" for whole numbers, "2.5" otherwise.
pub fn format_km(km: f64) -> String {
    if km.fract() == 0.0 {
        format!("{km:.0}")
    } else {
        format!("{km}")
    }
}

/// Percent-encodes a query value (letters, digits and `-._~` stay; a space is `+`).
fn encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b',' => {
                out.push(char::from(byte))
            }
            b' ' => out.push('+'),
            other => out.push_str(&format!("%{other:02X}")),
        }
    }
    out
}
