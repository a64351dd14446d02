//! The storage port: traits shaped like the use cases, one per capability, implemented for
//! SQLite and PostgreSQL in the `kindred-store` crate. Methods that write several rows do so
//! in one transaction; none of them decides who may see what (that is the policy's job).

mod enrollments;
mod foundation;
mod schedules;

pub use enrollments::EnrollmentStore;
pub use foundation::FoundationStore;
pub use schedules::{AppliedPlans, ScheduleStore};

/// Everything Kindred stores. Use cases take `&dyn Store`.
pub trait Store: FoundationStore + EnrollmentStore + ScheduleStore {}

impl<T: FoundationStore + EnrollmentStore + ScheduleStore> Store for T {}
