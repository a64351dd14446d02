//! Safety alerts: a sign that a member may be at risk, raised to the people who must act
//! on it — the group's facilitators and the program's on-call clinician — and kept open
//! until one of them acknowledges it. Crisis language in a room raises one today; a
//! questionnaire's risk answer uses the same machinery. Nothing is deleted by an alert.

mod model;
mod use_cases;

pub use model::{
    category_label, AcknowledgeInput, Acknowledgement, Alert, AlertSource, NewAlert, NOTE_MAX,
};
pub use use_cases::{acknowledge, alerts_of_org, raise};
