//! What a refusal leaves in the trail: a signed-in person's refused attempt is recorded (the
//! policy answers them "not found"); a visitor is only asked to sign in, and requests without
//! a session cannot fill the trail.

use super::event::AuditEvent;
use crate::{Error, Store};

/// The event a refusal records, if any.
pub fn refusal_event(event: AuditEvent, error: &Error) -> Option<AuditEvent> {
    matches!(error, Error::NotFound).then(|| event.denied())
}

/// Refuses as the policy did, after recording the refused attempt.
pub(crate) async fn refused(store: &dyn Store, event: AuditEvent, error: Error) -> Error {
    if let Some(denied) = refusal_event(event, &error) {
        if let Err(failure) = store.record_audit(denied).await {
            return failure.into();
        }
    }
    error
}
