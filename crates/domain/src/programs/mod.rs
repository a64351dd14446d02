//! Programs: an organization's offerings, each with a level of care.

mod manage;
mod program;

pub use manage::{archive_program, create_program, program, programs, update_program};
pub use program::{can_be_on_call, LevelOfCare, Program, ProgramInput, ProgramSpec};
