//! Encryption at rest of free-text clinical content. Each value is sealed on its own with
//! XChaCha20-Poly1305 under the active data key, with a random nonce and its place
//! (`table.column:row_id`) as associated data, and carries the id of its key, so a ring of
//! keys opens values from before a rotation. See docs/DESIGN.md, "Encryption at rest".

mod keyring;
mod registry;
pub(crate) mod rotation;
mod sealed;

pub use keyring::Keyring;
pub(crate) use registry::{
    PlainColumn, SealedColumn, ADDENDUM_BODY, ALERT_NOTE, MEMBER_ASSESSMENT, MEMBER_DATA,
    MEMBER_PLAN, MEMBER_RESPONSE, MEMBER_RISK_NOTES, NOTE_OBSERVATIONS, NOTE_TECHNIQUES,
    NOTE_THEMES, NOTE_TOPIC, PLAIN_BEFORE_SEALING, REQUEST_AVAILABILITY, REQUEST_CONTACT,
    REQUEST_EVENT_NOTE, REQUEST_MESSAGE, REQUEST_REFERRAL, REQUEST_SCREENING, ROOM_HIDDEN_REASON,
    ROOM_MESSAGE_BODY, SEALED,
};
pub use rotation::RotationReport;
