//! The storage port: traits shaped like the use cases, one per capability, implemented for
//! SQLite and PostgreSQL in the `kindred-store` crate. Methods that write several rows do so
//! in one transaction; none of them decides who may see what (that is the policy's job).

mod attendance;
mod enrollments;
mod foundation;

pub use attendance::AttendanceStore;
pub use enrollments::EnrollmentStore;
pub use foundation::FoundationStore;

/// Everything Kindred stores. Use cases take `&dyn Store`.
pub trait Store: FoundationStore + EnrollmentStore + AttendanceStore {}

impl<T: FoundationStore + EnrollmentStore + AttendanceStore> Store for T {}
