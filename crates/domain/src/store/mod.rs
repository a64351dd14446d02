//! The storage port: traits shaped like the use cases, one per capability, implemented for
//! SQLite and PostgreSQL in the `kindred-store` crate. Methods that write several rows do so
//! in one transaction; none of them decides who may see what (that is the policy's job).

mod agreements;
mod alerts;
mod attendance;
mod audit;
mod calendar;
mod directory;
mod enrollments;
mod foundation;
mod intake;
mod notes;
mod reports;
mod rooms;
mod schedules;
mod techniques;

pub use agreements::AgreementStore;
pub use alerts::AlertStore;
pub use attendance::AttendanceStore;
pub use audit::{AuditQuery, AuditStore};
pub use calendar::CalendarStore;
pub use directory::DirectoryStore;
pub use enrollments::EnrollmentStore;
pub use foundation::FoundationStore;
pub use intake::{IntakeStore, NotificationStore};
pub use notes::{MemberNoteRef, NoteStore, UndocumentedScope};
pub use reports::{FactQuery, FactScope, ReportStore};
pub use rooms::RoomStore;
pub use schedules::{AppliedPlans, ScheduleStore};
pub use techniques::TechniqueStore;

/// Everything Kindred stores. Use cases take `&dyn Store`.
pub trait Store:
    FoundationStore
    + EnrollmentStore
    + AttendanceStore
    + ScheduleStore
    + CalendarStore
    + ReportStore
    + IntakeStore
    + NotificationStore
    + DirectoryStore
    + NoteStore
    + AuditStore
    + TechniqueStore
    + AgreementStore
    + AlertStore
    + RoomStore
{
}

impl<T> Store for T where
    T: FoundationStore
        + EnrollmentStore
        + AttendanceStore
        + ScheduleStore
        + CalendarStore
        + ReportStore
        + IntakeStore
        + NotificationStore
        + DirectoryStore
        + NoteStore
        + AuditStore
        + TechniqueStore
        + AgreementStore
        + AlertStore
        + RoomStore
{
}
