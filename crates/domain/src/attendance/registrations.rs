//! Registrations for single sessions of drop-in groups.

use chrono::{DateTime, Utc};

use super::{rules, RegistrationOutcome};
use crate::auth::Actor;
use crate::groups::Group;
use crate::ids::SessionId;
use crate::policy::signed_in;
use crate::sessions::{GroupSession, SessionStatus};
use crate::{Error, Store};

/// A session of a group open to the public (not archived).
async fn open_session(store: &dyn Store, id: SessionId) -> Result<(GroupSession, Group), Error> {
    let session = store.session(id).await?.ok_or(Error::NotFound)?;
    let group = store
        .group(session.group_id)
        .await?
        .filter(|g| g.archived_at.is_none())
        .ok_or(Error::NotFound)?;
    Ok((session, group))
}

/// The signed-in person registers for a session of a drop-in group that is scheduled and
/// has not started. Registering twice is harmless (`AlreadyRegistered`); "This session is
/// full." when the live registrations fill the group's capacity.
pub async fn register_for_session(
    store: &dyn Store,
    actor: &Actor,
    session: SessionId,
    now: DateTime<Utc>,
) -> Result<RegistrationOutcome, Error> {
    let me = signed_in(actor)?.account_id;
    let (found, group) = open_session(store, session).await?;
    rules::registration_open(&group, &found, now)?;
    match store.register(session, me, now, group.capacity).await? {
        RegistrationOutcome::Full => Err(Error::Conflict(rules::FULL.into())),
        outcome => Ok(outcome),
    }
}

/// The signed-in person cancels their registration before the session starts; harmless
/// when they had none.
pub async fn cancel_registration(
    store: &dyn Store,
    actor: &Actor,
    session: SessionId,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    let me = signed_in(actor)?.account_id;
    let (found, group) = open_session(store, session).await?;
    // A cancelled session takes no registrations, but letting go of one is still fine.
    if found.status != SessionStatus::Cancelled {
        rules::registration_open(&group, &found, now)?;
    }
    store.cancel_registration(session, me, now).await?;
    Ok(())
}

/// The sessions of a group the signed-in person registered for; none for visitors.
pub async fn my_registrations(
    store: &dyn Store,
    actor: &Actor,
    group: crate::ids::GroupId,
) -> Result<Vec<SessionId>, Error> {
    match actor.signed_in() {
        Some(me) => Ok(store.registered_sessions(me.account_id, group).await?),
        None => Ok(Vec::new()),
    }
}
