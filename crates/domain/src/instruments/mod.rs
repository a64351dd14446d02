//! Anonymous self-screening instruments (PHQ-9, GAD-7, AUDIT-C, TAPS part 1) as data,
//! and their scoring. Results are screens in plain words, never diagnoses.
//!
//! Each instrument lives in a file of its own with the basis on which we reproduce it.

pub mod audit_c;
pub mod definition;
pub mod gad7;
pub mod phq9;
pub mod score;
pub mod taps;

#[cfg(test)]
mod tests;

pub use definition::{Band, Choice, Critical, Cutoff, Instrument, Item, Scoring, Sex};
pub use score::{score, Scored, ScoredBand};

/// Every instrument, in the order they are offered.
pub const ALL: &[&Instrument] = &[&phq9::PHQ9, &gad7::GAD7, &audit_c::AUDIT_C, &taps::TAPS];

/// The instrument with this code, if there is one.
pub fn by_code(code: &str) -> Option<&'static Instrument> {
    ALL.iter().copied().find(|i| i.code == code)
}
