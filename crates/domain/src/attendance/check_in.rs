//! A member checks themselves in to an online or hybrid session.

use chrono::{DateTime, Utc};

use super::{rules, AttendanceMark};
use crate::auth::Actor;
use crate::ids::SessionId;
use crate::policy::signed_in;
use crate::{Error, Store};

/// The member's mark after checking in.
#[derive(Debug, Clone, PartialEq, serde::Serialize, utoipa::ToSchema)]
pub struct CheckIn {
    pub mark: AttendanceMark,
    /// `false` when a mark was already there (an earlier check-in or the staff's) and was
    /// kept as it was.
    pub recorded: bool,
}

/// See [`rules::check_in`]: refused outside the window, for in-person groups and cancelled
/// sessions; not found for people not on the session's roster.
pub async fn check_in(
    store: &dyn Store,
    actor: &Actor,
    session: SessionId,
    now: DateTime<Utc>,
) -> Result<CheckIn, Error> {
    let me = signed_in(actor)?.account_id;
    let found = store.session(session).await?.ok_or(Error::NotFound)?;
    let group = store.group(found.group_id).await?.ok_or(Error::NotFound)?;
    let format = group.format;
    let write = store
        .change_attendance(
            session,
            Box::new(move |sheet| rules::check_in(sheet, me, format, now)),
        )
        .await??;
    if let Some(mark) = write.marks.into_iter().next() {
        return Ok(CheckIn {
            mark,
            recorded: true,
        });
    }
    let kept = store
        .session_roster(session)
        .await?
        .into_iter()
        .find(|line| line.account_id == me)
        .and_then(|line| line.mark)
        .ok_or(Error::NotFound)?;
    Ok(CheckIn {
        mark: kept,
        recorded: false,
    })
}
