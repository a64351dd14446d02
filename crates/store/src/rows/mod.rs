//! Row structs shared by both backends and their conversion into domain types. sqlx's
//! `FromRow` reads them on PostgreSQL (by column name), [`SqliteRow`] on SQLite (by position,
//! names checked in debug builds).

mod accounts;
mod agreements;
mod alerts;
mod attendance;
mod audit;
mod calendar;
mod chart;
mod directory;
mod enrollments;
mod groups;
mod intake;
mod meeting_guide;
mod note_lists;
mod note_names;
mod notes;
mod orgs;
mod places;
mod reports;
mod rooms;
mod schedules;
mod sealed;
mod sessions;
mod techniques;

pub(crate) use accounts::{
    session_context, AccountRow, ApiTokenRow, AuthSessionRow, SessionContextRow,
};
pub(crate) use agreements::{published_at, AgreementRow, SignatureRow};
pub(crate) use alerts::AlertRow;
pub(crate) use attendance::{ChangeRow, MyMarkRow, RegistrationRow, RosterLineRow};
pub(crate) use audit::{to_micros, ChainRow, EntryRow, HeadRow};
pub(crate) use calendar::{FeedRow, FeedSessionRow};
pub(crate) use chart::{ChartEnrollmentRow, ChartNoteRow};
pub(crate) use directory::DirectoryRow;
pub(crate) use enrollments::{EnrollmentRow, EventRow, RosterEntryRow, RosterGroupRow};
pub(crate) use groups::{group_tags, CardRow, FacilitatorRow, GroupRow, TagRow};
pub(crate) use intake::{NotificationRow, RequestEventRow, RequestRow, SealedRequest};
pub(crate) use meeting_guide::{peer_listings, ListingTagRow, PeerListingRow};
pub(crate) use note_lists::{CosignRow, NoteRefRow, UndocumentedRow};
pub(crate) use note_names::{known_names, with_display_names, NameRow};
pub(crate) use notes::{AddendumRow, NoteRow, SealedSection, SealedShared, SectionRow};
pub(crate) use orgs::{OrgRoleRow, OrgRow, StaffRow};
pub(crate) use places::{LocationRow, ProgramRow};
pub(crate) use reports::{FactRow, SpanRow};
pub(crate) use rooms::{MessageRow, MuteRow, VisitRow};
pub(crate) use schedules::{
    slots, GroupFacilitatorRow, RuleColumns, ScheduleRow, ScheduleZoneRow, SlotRow,
};
pub(crate) use sealed::{KeyIdRow, PlainValueRow, SealedValueRow};
pub(crate) use sessions::{MyGroupRow, SessionRow};
pub(crate) use techniques::{snapshot_json, technique_content, PlanItemRow, TechniqueRow};

/// Tag kinds in `group_tags`: one table holds the three group vocabularies.
pub(crate) const FOCUS_AREA: &str = "focus_area";
pub(crate) const PAYMENT_OPTION: &str = "payment_option";
pub(crate) const AUDIENCE: &str = "audience";

/// A row struct read from a rusqlite row: column after column in the query's order, each
/// named so that debug builds (the tests) check the query selects what the struct expects.
pub(crate) trait SqliteRow: Sized {
    fn read(c: &mut crate::sqlite::values::Cols<'_, '_>) -> rusqlite::Result<Self>;
}
