//! Every sealed column, in one list that key rotation walks. A new sealed column is added
//! here (and written and read through [`SealedColumn::seal`] / [`SealedColumn::open`]), or
//! rotation would leave it under an old key.

use kindred_domain::StoreError;

use super::keyring::Keyring;
use super::sealed::aad;

/// A column of sealed values (BLOB on SQLite, BYTEA on PostgreSQL; NULL where there is no
/// value), and the column of the row id its values are bound to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct SealedColumn {
    pub(crate) table: &'static str,
    pub(crate) id_column: &'static str,
    pub(crate) column: &'static str,
}

impl SealedColumn {
    /// The associated data of this column's value in row `row_id`.
    pub(crate) fn aad(&self, row_id: &str) -> String {
        aad(self.table, self.column, row_id)
    }

    /// Seals `text` for this column of row `row_id`.
    pub(crate) fn seal(
        &self,
        keys: &Keyring,
        row_id: &str,
        text: &str,
    ) -> Result<Vec<u8>, StoreError> {
        keys.seal(&self.aad(row_id), text)
    }

    /// Opens this column's value of row `row_id`.
    pub(crate) fn open(
        &self,
        keys: &Keyring,
        row_id: &str,
        sealed: &[u8],
    ) -> Result<String, StoreError> {
        keys.open(&self.aad(row_id), sealed)
    }

    /// Seals an optional value (`None` stays NULL).
    pub(crate) fn seal_opt(
        &self,
        keys: &Keyring,
        row_id: &str,
        text: Option<&str>,
    ) -> Result<Option<Vec<u8>>, StoreError> {
        text.map(|t| self.seal(keys, row_id, t)).transpose()
    }
}

const fn sealed(
    table: &'static str,
    id_column: &'static str,
    column: &'static str,
) -> SealedColumn {
    SealedColumn {
        table,
        id_column,
        column,
    }
}

/// A request's contact details, availability, screening answers (JSON), referral and message.
pub(crate) const REQUEST_CONTACT: SealedColumn = sealed("intake_requests", "id", "contact_sealed");
pub(crate) const REQUEST_AVAILABILITY: SealedColumn =
    sealed("intake_requests", "id", "availability_sealed");
pub(crate) const REQUEST_SCREENING: SealedColumn =
    sealed("intake_requests", "id", "screening_sealed");
pub(crate) const REQUEST_REFERRAL: SealedColumn =
    sealed("intake_requests", "id", "referral_sealed");
pub(crate) const REQUEST_MESSAGE: SealedColumn = sealed("intake_requests", "id", "message_sealed");
/// The note of a step on a request.
pub(crate) const REQUEST_EVENT_NOTE: SealedColumn =
    sealed("intake_request_events", "id", "note_sealed");

/// A group note's shared part, bound to its session.
pub(crate) const NOTE_TOPIC: SealedColumn = sealed("group_notes", "session_id", "topic");
pub(crate) const NOTE_TECHNIQUES: SealedColumn = sealed("group_notes", "session_id", "techniques");
pub(crate) const NOTE_THEMES: SealedColumn = sealed("group_notes", "session_id", "themes");
pub(crate) const NOTE_OBSERVATIONS: SealedColumn =
    sealed("group_notes", "session_id", "observations");
/// A member note's DAP section and risk description.
pub(crate) const MEMBER_DATA: SealedColumn = sealed("member_notes", "id", "data");
pub(crate) const MEMBER_ASSESSMENT: SealedColumn = sealed("member_notes", "id", "assessment");
pub(crate) const MEMBER_PLAN: SealedColumn = sealed("member_notes", "id", "plan");
pub(crate) const MEMBER_RESPONSE: SealedColumn = sealed("member_notes", "id", "response");
pub(crate) const MEMBER_RISK_NOTES: SealedColumn = sealed("member_notes", "id", "risk_notes");
/// An addendum's text.
pub(crate) const ADDENDUM_BODY: SealedColumn = sealed("note_addenda", "id", "body");

/// A room's chat message, and a facilitator's reason for hiding it.
pub(crate) const ROOM_MESSAGE_BODY: SealedColumn = sealed("room_messages", "id", "body_sealed");
pub(crate) const ROOM_HIDDEN_REASON: SealedColumn =
    sealed("room_messages", "id", "hidden_reason_sealed");

/// What a clinician did about a safety alert.
pub(crate) const ALERT_NOTE: SealedColumn = sealed("alerts", "id", "ack_note_sealed");

/// Every sealed column.
pub(crate) const SEALED: &[SealedColumn] = &[
    NOTE_TOPIC,
    NOTE_TECHNIQUES,
    NOTE_THEMES,
    NOTE_OBSERVATIONS,
    MEMBER_DATA,
    MEMBER_ASSESSMENT,
    MEMBER_PLAN,
    MEMBER_RESPONSE,
    MEMBER_RISK_NOTES,
    ADDENDUM_BODY,
    REQUEST_CONTACT,
    REQUEST_AVAILABILITY,
    REQUEST_SCREENING,
    REQUEST_REFERRAL,
    REQUEST_MESSAGE,
    REQUEST_EVENT_NOTE,
    ROOM_MESSAGE_BODY,
    ROOM_HIDDEN_REASON,
    ALERT_NOTE,
];

/// A text column that held values in the clear before its sealed twin existed. Rows written
/// then keep their text there until [`crate::Database::seal_pending`] seals and clears it;
/// reads use the text while the sealed column is NULL.
#[derive(Debug, Clone, Copy)]
pub(crate) struct PlainColumn {
    pub(crate) sealed: SealedColumn,
    pub(crate) plain: &'static str,
    /// Cleared to NULL (a nullable column) or to `''`.
    pub(crate) nullable: bool,
}

/// The intake columns sealed by migration 0006.
pub(crate) const PLAIN_BEFORE_SEALING: &[PlainColumn] = &[
    PlainColumn {
        sealed: REQUEST_CONTACT,
        plain: "contact",
        nullable: false,
    },
    PlainColumn {
        sealed: REQUEST_AVAILABILITY,
        plain: "availability",
        nullable: false,
    },
    PlainColumn {
        sealed: REQUEST_SCREENING,
        plain: "screening",
        nullable: true,
    },
    PlainColumn {
        sealed: REQUEST_REFERRAL,
        plain: "referral",
        nullable: false,
    },
    PlainColumn {
        sealed: REQUEST_MESSAGE,
        plain: "message",
        nullable: false,
    },
    PlainColumn {
        sealed: REQUEST_EVENT_NOTE,
        plain: "note",
        nullable: false,
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_plain_column_has_its_sealed_twin_listed_and_no_column_is_listed_twice() {
        for p in PLAIN_BEFORE_SEALING {
            assert!(SEALED.contains(&p.sealed), "{p:?}");
        }
        for (i, a) in SEALED.iter().enumerate() {
            for b in &SEALED[i + 1..] {
                assert!(!(a.table == b.table && a.column == b.column), "{a:?} twice");
            }
        }
    }

    #[test]
    fn both_migrations_create_every_sealed_column() {
        let sqlite = include_str!("../../migrations/sqlite/0006_sealed_intake.sql");
        let postgres = include_str!("../../migrations/postgres/0006_sealed_intake.sql");
        for c in SEALED.iter().filter(|c| c.table.starts_with("intake_")) {
            assert!(
                sqlite.contains(&format!("ADD COLUMN {} BLOB", c.column)),
                "{c:?}"
            );
            assert!(
                postgres.contains(&format!("ADD COLUMN {} BYTEA", c.column)),
                "{c:?}"
            );
        }
    }
}
