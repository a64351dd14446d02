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
    /// The name as written in the roster, which was found.
    pub name: String,
    /// The words around it, so the writer can find it.
    pub context: String,
}

/// The terms a name yields: the whole name, and each of its words of two letters or more
/// (a note saying "Jordan" leaks "Jordan Lee"). Lower-cased, as word lists.
pub(crate) fn terms(name: &str) -> Vec<Vec<String>> {
    let words = words_of(name);
    let mut terms: Vec<Vec<String>> = Vec::new();
    if !words.is_empty() {
        terms.push(words.clone());
    }
    for word in words {
        if word.chars().count() >= 2 && !terms.iter().any(|t| t.len() == 1 && t[0] == word) {
            terms.push(vec![word]);
        }
    }
    terms
}

/// Lower-cased words: runs of letters, digits and apostrophes inside a word.
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
                hits.push(NameHit {
                    name: name.clone(),
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
