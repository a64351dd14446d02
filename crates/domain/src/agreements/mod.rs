//! The group agreement: each organization's versioned confidentiality and mutual-respect
//! agreement, which a member signs (typed name and confirmation) before their first room.
//! A new version asks everyone to sign again; each signature keeps its time and version.
//!
//! An organization that never published its own uses Kindred's default text as version 1.
//! That text is stored, with its version, the first time anyone signs or a new version is
//! published, so what a signature covers never changes with a later release of Kindred.

mod default_text;
mod input;
mod model;
mod use_cases;

#[cfg(test)]
mod tests;

pub use default_text::{default_agreement, DEFAULT_BODY, DEFAULT_TITLE};
pub use input::{PublishInput, SignInput};
pub use model::{Agreement, AgreementStatus, Signature};
pub use use_cases::{current, publish, sign, signatures, status};
