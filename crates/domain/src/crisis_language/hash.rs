//! Fast look-ups for the word tables. Keys are our own short words, not input anyone can
//! pick to make the tables slow, so the standard library's flood-resistant hash buys
//! nothing here; and most words of a message are in no table, which [`Shapes`] tells
//! before any hashing.

/// A map with the `fnv` crate's FNV-1a hash: quick for short keys.
pub(super) type Map<K, V> = fnv::FnvHashMap<K, V>;

/// Which (first byte, length) pairs occur among a table's keys.
pub(super) struct Shapes([u32; 256]);

impl Default for Shapes {
    fn default() -> Self {
        Self([0; 256])
    }
}

impl Shapes {
    pub fn add(&mut self, word: &str) {
        if let Some(lengths) = self.slot(word) {
            *lengths |= length_bit(word);
        }
    }

    /// False when no key has this word's first byte and length.
    pub fn may_hold(&self, word: &str) -> bool {
        let first = word.as_bytes().first().map_or(0, |&b| usize::from(b));
        self.0
            .get(first)
            .is_some_and(|lengths| lengths & length_bit(word) != 0)
    }

    fn slot(&mut self, word: &str) -> Option<&mut u32> {
        let first = word.as_bytes().first().map_or(0, |&b| usize::from(b));
        self.0.get_mut(first)
    }
}

fn length_bit(word: &str) -> u32 {
    1 << word.len().min(31)
}
