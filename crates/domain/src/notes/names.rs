//! The name check: a member's note goes into that member's chart, so no other member's name
//! or pseudonym may appear in it. Matching is case-insensitive and by whole words, so
//! "Sam" is found in "sam said" but not in "same".

use crate::ids::AccountId;

/// The names one member is known by in the group: their display name (often a pseudonym)
/// and any name they gave on a request to join.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KnownNames {
    pub member: AccountId,
    pub names: Vec<String>,
}

/// One place where a name turned up.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct NameHit {
    /// The name it belongs to (a display name, or a name given on a request to join: not
    /// for showing to everyone who writes notes).
    #[serde(skip)]
    pub name: String,
    /// The words as they stand in the text.
    pub found: String,
    /// The words around it, so the writer can find it.
    pub context: String,
}

/// Words that join the parts of a name ("Friend of Bill", "Maria de la Cruz") but say
/// nothing on their own: searched only as part of the whole name.
const JOINING_WORDS: &[&str] = &[
    "a", "an", "and", "the", "of", "de", "del", "della", "der", "des", "di", "du", "da", "dos",
    "el", "la", "las", "le", "les", "los", "van", "von", "y", "bin", "ibn", "al", "jr", "sr", "ii",
    "iii", "mr", "mrs", "ms", "dr",
];

/// The terms a name yields: the whole name, and each of its words of two letters or more
/// that is not a joining word (a note saying "Jordan" leaks "Jordan Lee"). Lower-cased, as
/// word lists. A name of a single letter yields nothing: it would match every "i".
pub(crate) fn terms(name: &str) -> Vec<Vec<String>> {
    let words = words_of(name);
    let mut terms: Vec<Vec<String>> = Vec::new();
    if words.iter().map(|w| w.chars().count()).sum::<usize>() >= 2 {
        terms.push(words.clone());
    }
    for word in words {
        let meaningful = word.chars().count() >= 2 && !JOINING_WORDS.contains(&word.as_str());
        if meaningful && !terms.iter().any(|t| t.len() == 1 && t[0] == word) {
            terms.push(vec![word]);
        }
    }
    terms
}

/// Lower-cased words: runs of letters and digits (so "Sam's" holds the word "Sam").
fn words_of(text: &str) -> Vec<String> {
    spans(text)
        .into_iter()
        .map(|(start, end)| text[start..end].to_lowercase())
        .collect()
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Byte ranges of the words of `text`.
fn spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (is_word_char(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                spans.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        spans.push((s, text.len()));
    }
    spans
}

/// Every place in `text` where one of `others`' names appears, skipping the words that also
/// belong to `own` (two members called Alex: "Alex" in one's own note is not a leak).
pub fn find_names(text: &str, own: &[String], others: &[String]) -> Vec<NameHit> {
    let own_terms: Vec<Vec<String>> = own.iter().flat_map(|n| terms(n)).collect();
    let spans = spans(text);
    let words: Vec<String> = spans
        .iter()
        .map(|(s, e)| text[*s..*e].to_lowercase())
        .collect();
    let mut hits = Vec::new();
    for name in others {
        for term in terms(name) {
            if own_terms.contains(&term) {
                continue;
            }
            let found = words
                .windows(term.len())
                .position(|window| window == term.as_slice());
            if let Some(at) = found {
                let (start, end) = (spans[at].0, spans[at + term.len() - 1].1);
                hits.push(NameHit {
                    name: name.clone(),
                    found: text[start..end].to_owned(),
                    context: context(text, &spans, at, term.len()),
                });
                // One hit per name is enough to block and to show where.
                break;
            }
        }
    }
    hits
}

/// A few words either side of the match, with the match itself.
fn context(text: &str, spans: &[(usize, usize)], at: usize, len: usize) -> String {
    const AROUND: usize = 4;
    let first = at.saturating_sub(AROUND);
    let last = (at + len + AROUND).min(spans.len()) - 1;
    let start = spans[first].0;
    let end = spans[last].1;
    let mut out = String::new();
    if first > 0 {
        out.push('…');
    }
    out.push_str(text[start..end].trim());
    if last + 1 < spans.len() {
        out.push('…');
    }
    out
}
