//! Numbers for the lexicon's words. Each word of a message is looked up once; after that,
//! matching compares numbers instead of strings, which keeps the work per word small.

use super::hash::{Map, Shapes};

/// A word the lexicon does not use.
pub(super) const UNKNOWN: u32 = 0;
/// `$` in a slot: the end of the clause.
pub(super) const END: u32 = u32::MAX;

#[derive(Default)]
pub(super) struct Vocabulary {
    ids: Map<&'static str, u32>,
    shapes: Shapes,
}

impl Vocabulary {
    pub fn intern(&mut self, word: &'static str) -> u32 {
        if word == "$" {
            return END;
        }
        let next = u32::try_from(self.ids.len() + 1).unwrap_or(END - 1);
        self.shapes.add(word);
        *self.ids.entry(word).or_insert(next)
    }

    /// How many words it has; word numbers run from 1 to this.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn id(&self, word: &str) -> u32 {
        if !self.shapes.may_hold(word) {
            return UNKNOWN;
        }
        self.ids.get(word).copied().unwrap_or(UNKNOWN)
    }
}
