//! Raising an alert, listing the open ones, acknowledging one.

use chrono::{DateTime, Utc};

use super::{AcknowledgeInput, Alert, NewAlert};
use crate::auth::Actor;
use crate::groups::Group;
use crate::ids::{AccountId, AlertId, GroupId, OrgId};
use crate::notifications::Notification;
use crate::policy::{authorize, Access};
use crate::{Error, Store};

/// How many alerts the organization's list shows: every open one comes first.
pub const LIST_LIMIT: i64 = 200;

/// Raises `alert` about a member of `group` and tells those who must act: the group's
/// facilitators and its program's on-call clinician. The server raises it, not a person,
/// so no policy applies; the alert is stored before anyone is told.
pub async fn raise(
    store: &dyn Store,
    group: &Group,
    alert: NewAlert,
    now: DateTime<Utc>,
) -> Result<Alert, Error> {
    let raised = store.insert_alert(AlertId::new(), alert, now).await?;
    let mut to: Vec<AccountId> = group.facilitators.iter().map(|f| f.account_id).collect();
    if let Some(on_call) = on_call_of(store, group).await? {
        to.push(on_call);
    }
    to.sort_unstable();
    to.dedup();
    let link = format!("/orgs/{}/alerts", group.org_id);
    // No member name or words in the notification: it may show on a shared screen.
    let text = format!("Safety alert in {}: please acknowledge it.", group.name);
    let notices = to
        .into_iter()
        .map(|account| Notification::new(account, text.clone(), link.clone(), now))
        .collect();
    store.add_notifications(notices).await?;
    Ok(raised)
}

/// The organization's alerts the person may see, open ones first: everything for its
/// clinicians and administrators, the alerts of their own groups for other facilitators.
pub async fn alerts_of_org(
    store: &dyn Store,
    actor: &Actor,
    org: OrgId,
) -> Result<Vec<Alert>, Error> {
    authorize(actor, Access::ViewOrg(org))?;
    let alerts = store.alerts_of(org, LIST_LIMIT).await?;
    let mut visible = Vec::with_capacity(alerts.len());
    let mut decided: Vec<(GroupId, bool)> = Vec::new();
    for alert in alerts {
        let may = match decided.iter().find(|(g, _)| *g == alert.group_id) {
            Some((_, may)) => *may,
            None => {
                let may = may_see(store, actor, alert.group_id).await?;
                decided.push((alert.group_id, may));
                may
            }
        };
        if may {
            visible.push(alert);
        }
    }
    Ok(visible)
}

/// Acknowledges an open alert with what the person did. An alert acknowledged already
/// (by someone else a moment before) is refused with who and when; nothing changes.
pub async fn acknowledge(
    store: &dyn Store,
    actor: &Actor,
    org: OrgId,
    id: AlertId,
    input: &AcknowledgeInput,
    now: DateTime<Utc>,
) -> Result<Alert, Error> {
    let me = authorize(actor, Access::ViewOrg(org))?.ok_or(Error::Unauthenticated)?;
    let alert = store.alert(org, id).await?.ok_or(Error::NotFound)?;
    if !may_see(store, actor, alert.group_id).await? {
        return Err(Error::NotFound);
    }
    let note = input.parse()?;
    if let Some(done) = &alert.acknowledged {
        return Err(already(done));
    }
    if !store
        .acknowledge_alert(id, me.account_id, note, now)
        .await?
    {
        let now_stored = store.alert(org, id).await?.ok_or(Error::NotFound)?;
        return Err(now_stored.acknowledged.as_ref().map_or_else(
            || Error::Conflict("The alert changed; reload it.".into()),
            already,
        ));
    }
    store.alert(org, id).await?.ok_or(Error::NotFound)
}

fn already(done: &super::Acknowledgement) -> Error {
    Error::Conflict(format!(
        "{} acknowledged this alert already, at {} UTC.",
        done.by_name,
        done.at.format("%H:%M on %-d %B")
    ))
}

/// The on-call clinician of the group's program, while they still hold a role that may be
/// on call there (someone removed from the staff is told nothing).
async fn on_call_of(store: &dyn Store, group: &Group) -> Result<Option<AccountId>, Error> {
    let Some(on_call) = store
        .program(group.org_id, group.program_id)
        .await?
        .and_then(|p| p.on_call_id)
    else {
        return Ok(None);
    };
    let roles = store.roles_of(on_call).await?;
    let still = roles
        .iter()
        .any(|r| r.org_id == group.org_id && crate::programs::can_be_on_call(r.role));
    Ok(still.then_some(on_call))
}

/// Those who read the group's notes see its alerts: its facilitators and the
/// organization's clinicians and administrators (the on-call clinician among them).
async fn may_see(store: &dyn Store, actor: &Actor, group: GroupId) -> Result<bool, Error> {
    let Some(group) = store.group(group).await? else {
        return Ok(false);
    };
    Ok(authorize(actor, Access::GroupNotes(&group)).is_ok())
}
