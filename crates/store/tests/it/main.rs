//! The store's one integration-test binary: the conformance story on every backend, plus
//! connection and concurrency checks.
// A failed expectation in a test should stop it with the reason.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod concurrency;
mod database;
mod fixtures;
mod story;
mod story_attendance;
mod story_audit;
mod story_directory;
mod story_enrollments;
mod story_groups;
mod story_intake;
mod story_members;
mod story_notes;
mod story_rooms;
mod story_schedules;
mod story_sealed;
mod story_techniques;
