//! A session's plan for those who run its group: read it, attach a plan of the library,
//! remove one, change the order.

use chrono::{DateTime, Utc};

use super::plan::{self, AttachInput, MoveInput, SessionPlanItem};
use crate::auth::{Actor, SignedIn};
use crate::groups::Group;
use crate::ids::{OrgId, SessionId, SessionPlanItemId};
use crate::policy::{authorize, Access};
use crate::sessions::{session_in_org, GroupSession};
use crate::{Error, Store};

/// The session of `org` and its group, for someone who runs the group.
async fn running<'a>(
    store: &dyn Store,
    actor: &'a Actor,
    org: OrgId,
    session: SessionId,
) -> Result<(GroupSession, Group, &'a SignedIn), Error> {
    authorize(actor, Access::ViewOrg(org))?;
    let (session, group) = session_in_org(store, org, session).await?;
    let me = authorize(actor, Access::RunGroup(&group))?.ok_or(Error::Unauthenticated)?;
    Ok((session, group, me))
}

/// The session's plan in order, for its group's facilitators and the organization's
/// administrators.
pub async fn session_plan(
    store: &dyn Store,
    actor: &Actor,
    org: OrgId,
    session: SessionId,
) -> Result<Vec<SessionPlanItem>, Error> {
    let (session, _, _) = running(store, actor, org, session).await?;
    Ok(store.session_plan(session.id).await?)
}

/// Attaches a plan of the library at the end of the session's plan, as a snapshot.
pub async fn attach_technique(
    store: &dyn Store,
    actor: &Actor,
    now: DateTime<Utc>,
    org: OrgId,
    session: SessionId,
    input: &AttachInput,
) -> Result<SessionPlanItem, Error> {
    let (session, _, me) = running(store, actor, org, session).await?;
    let technique_id = input.parse()?;
    let technique = super::library::find(store, org, technique_id)
        .await?
        .ok_or_else(|| Error::invalid("technique_id", "Choose a plan from the library."))?;
    if technique.archived {
        return Err(Error::invalid(
            "technique_id",
            "This plan is archived; choose another from the library.",
        ));
    }
    let item = SessionPlanItem {
        id: SessionPlanItemId::new(),
        session_id: session.id,
        position: 0,
        technique_id: Some(technique.id),
        snapshot: technique,
        added_by: Some(me.account_id),
        added_at: now,
    };
    let id = item.id;
    let items = store
        .change_session_plan(
            session.id,
            Box::new(move |session, items| plan::attach(session, items, item)),
        )
        .await??;
    items
        .into_iter()
        .find(|i| i.id == id)
        .ok_or_else(|| Error::Storage("the attached plan was not written".into()))
}

/// Removes one plan from the session's plan; the others close up.
pub async fn detach_technique(
    store: &dyn Store,
    actor: &Actor,
    org: OrgId,
    session: SessionId,
    item: SessionPlanItemId,
) -> Result<Vec<SessionPlanItem>, Error> {
    let (session, _, _) = running(store, actor, org, session).await?;
    store
        .change_session_plan(
            session.id,
            Box::new(move |_, items| plan::detach(items, item)),
        )
        .await?
}

/// Moves one plan a place up or down; returns the plan in its new order.
pub async fn move_plan_item(
    store: &dyn Store,
    actor: &Actor,
    org: OrgId,
    session: SessionId,
    item: SessionPlanItemId,
    input: &MoveInput,
) -> Result<Vec<SessionPlanItem>, Error> {
    let (session, _, _) = running(store, actor, org, session).await?;
    let direction = input.parse()?;
    store
        .change_session_plan(
            session.id,
            Box::new(move |_, items| plan::move_item(items, item, direction)),
        )
        .await?
}
