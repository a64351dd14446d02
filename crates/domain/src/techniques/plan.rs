//! A session's plan: the techniques attached to one session, in order. Each item keeps a
//! snapshot of the plan as it was when attached, so later edits of the library never change
//! what a past session planned (or what its notes were pre-filled from).
//!
//! The rules are pure functions over the session and its current items; the store runs
//! them under the session's lock ([`PlanDecision`]) and writes the list they return.

use chrono::{DateTime, Utc};

use super::Technique;
use crate::fields::{choice, id};
use crate::ids::{AccountId, SessionId, SessionPlanItemId, TechniqueId};
use crate::sessions::{GroupSession, SessionStatus};
use crate::{vocabulary, Error, FieldErrors};

/// A session plan holds at most this many techniques.
pub const PLAN_MAX: usize = 12;

/// One technique attached to one session.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
pub struct SessionPlanItem {
    pub id: SessionPlanItemId,
    pub session_id: SessionId,
    /// 0 for the first; the plan is read in this order.
    pub position: i32,
    /// The library plan it was taken from.
    pub technique_id: Option<TechniqueId>,
    /// The plan as it was when attached.
    pub snapshot: Technique,
    /// `None` once that account is deleted.
    pub added_by: Option<AccountId>,
    pub added_at: DateTime<Utc>,
}

/// The session's items as they are to be after a change, in order; an `Err` writes nothing.
pub type PlanDecision = Box<
    dyn FnOnce(&GroupSession, &[SessionPlanItem]) -> Result<Vec<SessionPlanItem>, Error> + Send,
>;

/// Which plan to attach, from the session page's choice or the API.
#[derive(Debug, Default, Clone, serde::Deserialize, utoipa::ToSchema)]
pub struct AttachInput {
    /// A plan of the library: built in, or the organization's own.
    #[serde(default)]
    pub technique_id: String,
}

impl AttachInput {
    pub fn parse(&self) -> Result<TechniqueId, Error> {
        let mut errors = FieldErrors::new();
        let parsed = id::<TechniqueId>(&mut errors, "technique_id", &self.technique_id);
        match parsed {
            Some(technique) if errors.is_empty() => Ok(technique),
            _ => Err(Error::Invalid(errors)),
        }
    }
}

vocabulary!(
    /// Moving a plan item one place.
    MoveDirection {
        Up => ("up", "Move up"),
        Down => ("down", "Move down"),
    }
);

/// Moving an item of the plan one place up or down.
#[derive(Debug, Default, Clone, serde::Deserialize, utoipa::ToSchema)]
pub struct MoveInput {
    /// `up` or `down`.
    #[serde(default)]
    pub direction: String,
}

impl MoveInput {
    pub fn parse(&self) -> Result<MoveDirection, Error> {
        let mut errors = FieldErrors::new();
        let direction = choice::<MoveDirection>(&mut errors, "direction", &self.direction);
        direction.ok_or(Error::Invalid(errors))
    }
}

/// Positions 0, 1, 2… in list order.
fn numbered(mut items: Vec<SessionPlanItem>) -> Vec<SessionPlanItem> {
    for (position, item) in items.iter_mut().enumerate() {
        item.position = i32::try_from(position).unwrap_or(i32::MAX);
    }
    items
}

/// Adds `item` at the end. A cancelled session takes no plan, and a plan has at most
/// [`PLAN_MAX`] items.
pub fn attach(
    session: &GroupSession,
    items: &[SessionPlanItem],
    item: SessionPlanItem,
) -> Result<Vec<SessionPlanItem>, Error> {
    if session.status == SessionStatus::Cancelled {
        return Err(Error::Conflict(
            "This session is cancelled, so it takes no plan. Restore the session first if it \
             will take place after all."
                .into(),
        ));
    }
    if items.len() >= PLAN_MAX {
        return Err(Error::invalid(
            "technique_id",
            format!("A session plan holds at most {PLAN_MAX} techniques; remove one first."),
        ));
    }
    let mut next = items.to_vec();
    next.push(SessionPlanItem {
        session_id: session.id,
        ..item
    });
    Ok(numbered(next))
}

/// Removes the item; `NotFound` when the session has no such item.
pub fn detach(
    items: &[SessionPlanItem],
    item: SessionPlanItemId,
) -> Result<Vec<SessionPlanItem>, Error> {
    if !items.iter().any(|i| i.id == item) {
        return Err(Error::NotFound);
    }
    Ok(numbered(
        items.iter().filter(|i| i.id != item).cloned().collect(),
    ))
}

/// Swaps the item with its neighbour; at the top (or bottom) it stays where it is.
pub fn move_item(
    items: &[SessionPlanItem],
    item: SessionPlanItemId,
    direction: MoveDirection,
) -> Result<Vec<SessionPlanItem>, Error> {
    let at = items
        .iter()
        .position(|i| i.id == item)
        .ok_or(Error::NotFound)?;
    let mut next = items.to_vec();
    let other = match direction {
        MoveDirection::Up => at.checked_sub(1),
        MoveDirection::Down => Some(at + 1).filter(|o| *o < next.len()),
    };
    if let Some(other) = other {
        next.swap(at, other);
    }
    Ok(numbered(next))
}
