//! Whose words: a phrase without "I", "me" or "my" in it ("want to die", "overdose") counts
//! only when its subject is the author.
//!
//! Looking back up to six words in the clause, the first word naming a person decides:
//! "I", "me" or "my" is the author; "he", "you", "my friend", "someone who" is not. With no
//! one named, it is the author ("want to die tbh"), unless the verb is in the third person
//! ("Sam wants to die"). So "the movie was about a man who wanted to die" is not a hit.

use std::ops::Range;

use super::pattern::Found;
use super::tokens::Tokens;
use super::words;

const REACH: usize = 6;

pub(super) fn someone_else(tokens: &Tokens, clause_start: usize, found: &Found) -> bool {
    let names_author =
        (found.start..found.end).any(|i| !found.is_skipped(i) && words::is_self(tokens.word(i)));
    if names_author {
        return false;
    }
    let mut i = found.start;
    for _ in 0..REACH {
        if i <= clause_start || tokens.token(i).is_some_and(|t| t.pause_before) {
            break;
        }
        i -= 1;
        let word = tokens.word(i);
        if words::is_self(word) {
            return false;
        }
        if words::is_other_pronoun(word) || words::is_other_person(word) {
            return true;
        }
    }
    let before = found
        .start
        .checked_sub(1)
        .filter(|&before| before >= clause_start)
        .map(|before| tokens.word(before));
    words::is_third_person_verb(tokens.word(found.start))
        || before.is_some_and(words::is_third_person_verb)
}

/// A joke marker in the clause. Only threats to others are read as jokes ("I'll kill him
/// lol" about a roommate); a joke about one's own death still reaches the facilitator.
pub(super) fn joking(tokens: &Tokens, clause: &Range<usize>) -> bool {
    clause
        .clone()
        .any(|i| matches!(tokens.word(i), "lol" | "joking" | "kidding"))
}
