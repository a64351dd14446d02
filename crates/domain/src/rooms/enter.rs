//! Entering a session's room: the access rule ([`super::entry`]) applied to what the store
//! knows about the person, the session and the organization's agreement.

use chrono::{DateTime, Utc};

use super::{entry, Refusal, RoomWindow, Seat};
use crate::agreements;
use crate::auth::Actor;
use crate::groups::Group;
use crate::ids::SessionId;
use crate::policy::{authorize, signed_in, Access};
use crate::sessions::GroupSession;
use crate::{Error, Store};

/// Someone let into a room: how they take part, under which name, and until when.
#[derive(Debug, Clone)]
pub struct RoomPass {
    pub session: GroupSession,
    pub group: Group,
    pub seat: Seat,
    /// The name they use in the group.
    pub name: String,
    pub window: RoomWindow,
}

/// Someone kept out, with what the page needs to say why and when.
#[derive(Debug, Clone)]
pub struct RoomRefused {
    pub session: GroupSession,
    pub group: Group,
    pub refusal: Refusal,
}

/// Whether the signed-in person may enter the session's room now. `removed` and `ended_at`
/// come from the open room, which keeps them. To someone who is neither on the session's
/// roster nor one of its facilitators the room does not exist (`NotFound`), as anything of
/// a group is to those outside it; everyone else is told why not and when.
pub async fn enter(
    store: &dyn Store,
    actor: &Actor,
    session_id: SessionId,
    removed: bool,
    ended_at: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> Result<Result<RoomPass, RoomRefused>, Error> {
    let me = signed_in(actor)?;
    let session = store.session(session_id).await?.ok_or(Error::NotFound)?;
    let group = store
        .group(session.group_id)
        .await?
        .ok_or(Error::NotFound)?;
    let seat = if authorize(actor, Access::RunGroup(&group)).is_ok() {
        Some(Seat::Facilitator)
    } else {
        let roster = store.session_roster(session_id).await?;
        roster
            .iter()
            .any(|line| line.account_id == me.account_id && (line.enrolled || line.registered))
            .then_some(Seat::Member)
    };
    let Some(seat) = seat else {
        return Err(Error::NotFound);
    };
    let status = agreements::status(store, actor, group.org_id).await?;
    let decided = entry(
        Some(seat),
        status.is_signed(),
        status.agreement.version,
        removed,
        &session,
        ended_at,
        now,
    );
    Ok(match decided {
        Ok(seat) => Ok(RoomPass {
            window: RoomWindow::of(&session, ended_at),
            name: me.display_name.as_str().to_owned(),
            session,
            group,
            seat,
        }),
        Err(refusal) => Err(RoomRefused {
            session,
            group,
            refusal,
        }),
    })
}
