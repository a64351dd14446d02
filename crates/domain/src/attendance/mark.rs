//! Staff take a session's attendance, and read its sheet with the log.

use chrono::{DateTime, Utc};

use super::rules::{self, Marking, SheetAccess};
use super::{AttendanceChange, AttendanceChangeLine, AttendanceSheetInput, RosterLine};
use crate::auth::Actor;
use crate::ids::{GroupId, OrgId, SessionId};
use crate::orgs::Role;
use crate::policy::{authorize, Access};
use crate::sessions::{session_in_org, GroupSession};
use crate::{Error, Store};

/// The facilitator (or an administrator) marks a session in one step; see
/// [`AttendanceSheetInput`] for the sheet and [`rules::mark`] for the rules. Returns the
/// log entries written: one per new or changed mark, none for unchanged ones.
pub async fn mark_session(
    store: &dyn Store,
    actor: &Actor,
    org: OrgId,
    session: SessionId,
    input: AttendanceSheetInput,
    now: DateTime<Utc>,
) -> Result<Vec<AttendanceChange>, Error> {
    authorize(actor, Access::ViewOrg(org))?;
    let (_, group) = session_in_org(store, org, session).await?;
    let me = authorize(actor, Access::RunGroup(&group))?.ok_or(Error::Unauthenticated)?;
    let parsed = input.parse();
    let marking = Marking {
        by: me.account_id,
        is_admin: me.role_in(group.org_id) == Some(Role::OrgAdmin),
        everyone: parsed.everyone,
        exceptions: parsed.exceptions,
        reason: parsed.reason,
        errors: parsed.errors,
    };
    let write = store
        .change_attendance(
            session,
            Box::new(move |sheet| rules::mark(sheet, marking, now)),
        )
        .await??;
    Ok(write.changes)
}

/// A session's attendance as its organization's staff see it.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct AttendanceView {
    pub session: GroupSession,
    pub group_id: GroupId,
    pub group_name: String,
    /// Who is expected, by display name, with their marks.
    pub roster: Vec<RosterLine>,
    /// When the marks lock for the group's facilitators.
    pub locks_at: DateTime<Utc>,
    /// Locked for this viewer: past the lock, marks can no longer be changed by them (or,
    /// for an administrator, only corrected with a reason; see `access`).
    pub locked: bool,
    /// What this viewer may do with the sheet now.
    pub access: SheetAccess,
    /// The session's group note is signed: the marks are locked with it, for everyone.
    pub documented: bool,
    /// Every mark and change, oldest first.
    pub changes: Vec<AttendanceChangeLine>,
}

pub async fn session_attendance(
    store: &dyn Store,
    actor: &Actor,
    org: OrgId,
    session: SessionId,
    now: DateTime<Utc>,
) -> Result<AttendanceView, Error> {
    let me = authorize(actor, Access::ViewOrg(org))?.ok_or(Error::Unauthenticated)?;
    let (session, group) = session_in_org(store, org, session).await?;
    let can_run = authorize(actor, Access::RunGroup(&group)).is_ok();
    let is_admin = me.role_in(org) == Some(Role::OrgAdmin);
    let access = rules::sheet_access(&session, can_run, is_admin, now);
    let roster = store.session_roster(session.id).await?;
    let changes = store.attendance_changes(session.id).await?;
    let documented = store
        .note_status(session.id)
        .await?
        .is_some_and(crate::notes::NoteStatus::locked);
    Ok(AttendanceView {
        documented,
        locks_at: rules::locks_at(&session),
        locked: rules::is_locked(&session, now),
        access,
        group_id: group.id,
        group_name: group.name,
        session,
        roster,
        changes,
    })
}
