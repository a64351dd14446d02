//! The enrollment rules, as pure functions over a locked [`Roster`].
//!
//! - A seat is free when active members and open offers together are below capacity.
//! - The waitlist is first come, first served (by `queue_position`); staff may reorder it
//!   with a recorded reason.
//! - After every change, [`settle`] runs: expired offers go back to the end of the queue,
//!   then each free seat goes to the first person waiting — at once, or as an offer held for
//!   the group's `offer_hours`.
//! - A closed cohort takes no new active members once its first session has begun; people
//!   who ask wait for the next cohort. Drop-in groups need no enrollment at all.

use chrono::{DateTime, Duration, Utc};

use super::{
    Enrollment, EnrollmentAction, EnrollmentEvent, EnrollmentStatus, Roster, RosterChange,
    RosterEntry,
};
use crate::fields::Choice;
use crate::groups::EnrollmentMode;
use crate::ids::{AccountId, EnrollmentId};
use crate::Error;

/// A change being worked out: the roster's enrollments as they will be, and what happened.
struct Draft {
    now: DateTime<Utc>,
    entries: Vec<Enrollment>,
    changed: Vec<EnrollmentId>,
    events: Vec<EnrollmentEvent>,
}

impl Draft {
    fn new(roster: &Roster, now: DateTime<Utc>) -> Self {
        Draft {
            now,
            entries: roster
                .entries
                .iter()
                .map(|e| e.enrollment.clone())
                .collect(),
            changed: Vec::new(),
            events: Vec::new(),
        }
    }

    fn get(&self, id: EnrollmentId) -> Option<&Enrollment> {
        self.entries.iter().find(|e| e.id == id)
    }

    /// Applies `edit` to one enrollment and records the event.
    fn change(
        &mut self,
        id: EnrollmentId,
        action: EnrollmentAction,
        actor: Option<AccountId>,
        reason: &str,
        edit: impl FnOnce(&mut Enrollment),
    ) {
        let now = self.now;
        let Some(entry) = self.entries.iter_mut().find(|e| e.id == id) else {
            return;
        };
        edit(entry);
        entry.updated_at = now;
        let status = entry.status;
        if !self.changed.contains(&id) {
            self.changed.push(id);
        }
        self.record(id, action, status, actor, reason);
    }

    fn record(
        &mut self,
        id: EnrollmentId,
        action: EnrollmentAction,
        status: EnrollmentStatus,
        actor: Option<AccountId>,
        reason: &str,
    ) {
        let seq = i32::try_from(self.events.len()).unwrap_or(i32::MAX);
        self.events.push(EnrollmentEvent {
            enrollment_id: id,
            action,
            status,
            actor_id: actor,
            reason: reason.to_owned(),
            at: self.now,
            seq,
        });
    }

    fn next_queue_position(&self) -> i64 {
        self.entries
            .iter()
            .filter_map(|e| e.queue_position)
            .max()
            .unwrap_or(0)
            + 1
    }

    fn waitlist(&self) -> Vec<EnrollmentId> {
        let mut waiting: Vec<&Enrollment> = self
            .entries
            .iter()
            .filter(|e| e.status == EnrollmentStatus::Waitlisted)
            .collect();
        waiting.sort_by_key(|e| e.queue_key());
        waiting.into_iter().map(|e| e.id).collect()
    }

    fn free_seats(&self, capacity: i32) -> i32 {
        super::roster::seats_left(capacity, self.entries.iter(), self.now)
    }

    fn finish(self) -> RosterChange {
        let enrollments = self
            .changed
            .iter()
            .filter_map(|id| self.entries.iter().find(|e| e.id == *id).cloned())
            .collect();
        RosterChange {
            enrollments,
            events: self.events,
        }
    }
}

fn activate(e: &mut Enrollment, now: DateTime<Utc>) {
    e.status = EnrollmentStatus::Active;
    e.active_from = Some(now);
    e.queue_position = None;
    e.offer_expires_at = None;
}

fn end(e: &mut Enrollment, status: EnrollmentStatus, now: DateTime<Utc>) {
    if e.status == EnrollmentStatus::Active {
        e.active_until = Some(now);
    }
    e.status = status;
    e.queue_position = None;
    e.offer_expires_at = None;
}

/// Expired offers go to the end of the queue; then free seats go to the people waiting.
fn settle_draft(draft: &mut Draft, roster: &Roster) {
    let now = draft.now;
    for id in draft.waitlist() {
        let expired = draft
            .get(id)
            .is_some_and(|e| e.offer_expires_at.is_some_and(|until| until <= now));
        if expired {
            let position = draft.next_queue_position();
            draft.change(id, EnrollmentAction::OfferExpired, None, "", |e| {
                e.offer_expires_at = None;
                e.queue_position = Some(position);
            });
        }
    }
    if roster.cohort_closed(now) || roster.group.archived {
        return;
    }
    let mut free = draft.free_seats(roster.group.capacity);
    for id in draft.waitlist() {
        if free <= 0 {
            break;
        }
        if draft.get(id).is_some_and(|e| e.has_open_offer(now)) {
            continue;
        }
        if roster.group.offer_hours == 0 {
            draft.change(id, EnrollmentAction::Promoted, None, "", |e| {
                activate(e, now)
            });
        } else {
            let until = now + Duration::hours(i64::from(roster.group.offer_hours));
            draft.change(id, EnrollmentAction::Offered, None, "", |e| {
                e.offer_expires_at = Some(until);
            });
        }
        free -= 1;
    }
}

/// Runs only the settling step: after a seat frees, capacity grows or time passes.
pub fn settle(roster: &Roster, now: DateTime<Utc>) -> RosterChange {
    let mut draft = Draft::new(roster, now);
    settle_draft(&mut draft, roster);
    draft.finish()
}

/// A person asks to join: active when a seat is free and nobody is waiting, otherwise on
/// the waitlist.
pub fn join(
    roster: &Roster,
    account: AccountId,
    now: DateTime<Utc>,
) -> Result<RosterChange, Error> {
    if roster.group.archived {
        return Err(Error::Conflict("This group is no longer running.".into()));
    }
    if roster.group.mode == EnrollmentMode::DropIn {
        return Err(Error::Conflict(
            "This is a drop-in group: no need to join. Register for the session you want to come to."
                .into(),
        ));
    }
    if let Some(existing) = roster.entry_of(account) {
        return Err(Error::Conflict(format!(
            "You are already on this group's list ({}).",
            existing.enrollment.status.label().to_lowercase()
        )));
    }
    let mut draft = Draft::new(roster, now);
    // Settle first, so an offer that expired a minute ago frees its seat for the queue,
    // not for the newcomer.
    settle_draft(&mut draft, roster);
    let seat_open = !roster.cohort_closed(now)
        && draft.free_seats(roster.group.capacity) > 0
        && draft.waitlist().is_empty();
    let id = EnrollmentId::new();
    let mut enrollment = Enrollment {
        id,
        group_id: roster.group.id,
        account_id: account,
        status: EnrollmentStatus::Waitlisted,
        created_at: now,
        queue_position: None,
        offer_expires_at: None,
        active_from: None,
        active_until: None,
        updated_at: now,
    };
    let (action, reason) = if seat_open {
        activate(&mut enrollment, now);
        (EnrollmentAction::Joined, "")
    } else {
        enrollment.queue_position = Some(draft.next_queue_position());
        let reason = if roster.cohort_closed(now) {
            "The current cohort has begun; waiting for the next one."
        } else {
            "The group is full."
        };
        (EnrollmentAction::Waitlisted, reason)
    };
    let status = enrollment.status;
    draft.entries.push(enrollment);
    draft.changed.push(id);
    draft.record(id, action, status, Some(account), reason);
    Ok(draft.finish())
}

/// Ends a current enrollment (the person leaves, or staff remove or complete it), then
/// gives the freed seat on.
pub fn end_enrollment(
    roster: &Roster,
    id: EnrollmentId,
    action: EnrollmentAction,
    actor: AccountId,
    reason: &str,
    now: DateTime<Utc>,
) -> Result<RosterChange, Error> {
    let status = match action {
        EnrollmentAction::Completed => EnrollmentStatus::Completed,
        EnrollmentAction::Declined => EnrollmentStatus::Declined,
        _ => EnrollmentStatus::Withdrawn,
    };
    let current = roster
        .entries
        .iter()
        .find(|e| e.enrollment.id == id)
        .ok_or_else(|| {
            Error::invalid(
                "enrollment_id",
                "This person is not on this group's current list.",
            )
        })?;
    if status == EnrollmentStatus::Completed
        && current.enrollment.status != EnrollmentStatus::Active
    {
        return Err(Error::Conflict(
            "Only an active member can complete the group.".into(),
        ));
    }
    let mut draft = Draft::new(roster, now);
    draft.change(id, action, Some(actor), reason, |e| end(e, status, now));
    settle_draft(&mut draft, roster);
    Ok(draft.finish())
}

fn open_offer(
    roster: &Roster,
    account: AccountId,
    now: DateTime<Utc>,
) -> Result<&RosterEntry, Error> {
    roster
        .entry_of(account)
        .filter(|e| e.enrollment.has_open_offer(now))
        .ok_or_else(|| {
            Error::Conflict(
                "There is no open offer of a seat for you in this group; it may have expired."
                    .into(),
            )
        })
}

/// The person takes the seat they were offered, while the offer holds.
pub fn accept_offer(
    roster: &Roster,
    account: AccountId,
    now: DateTime<Utc>,
) -> Result<RosterChange, Error> {
    let entry = open_offer(roster, account, now)?;
    let mut draft = Draft::new(roster, now);
    draft.change(
        entry.enrollment.id,
        EnrollmentAction::OfferAccepted,
        Some(account),
        "",
        |e| activate(e, now),
    );
    Ok(draft.finish())
}

/// The person turns the offered seat down and leaves the waitlist; the seat moves on.
pub fn decline_offer(
    roster: &Roster,
    account: AccountId,
    now: DateTime<Utc>,
) -> Result<RosterChange, Error> {
    let entry = open_offer(roster, account, now)?;
    end_enrollment(
        roster,
        entry.enrollment.id,
        EnrollmentAction::OfferDeclined,
        account,
        "",
        now,
    )
}

/// Staff move one person to `position` (1 = next) on the waitlist, saying why.
pub fn reorder(
    roster: &Roster,
    id: EnrollmentId,
    position: i32,
    actor: AccountId,
    reason: &str,
    now: DateTime<Utc>,
) -> Result<RosterChange, Error> {
    let mut errors = crate::FieldErrors::new();
    let reason = reason.trim();
    if reason.is_empty() {
        errors.add(
            "reason",
            "Say why the order changes; it is kept with the waitlist.",
        );
    }
    let waitlist: Vec<EnrollmentId> = roster.waitlist().iter().map(|e| e.enrollment.id).collect();
    if !waitlist.contains(&id) {
        errors.add("enrollment_id", "This person is not on the waitlist.");
    }
    let last = i32::try_from(waitlist.len()).unwrap_or(i32::MAX);
    if !(1..=last.max(1)).contains(&position) {
        errors.add(
            "position",
            format!("Choose a place from 1 to {}.", last.max(1)),
        );
    }
    errors.into_result(())?;
    let mut order: Vec<EnrollmentId> = waitlist.into_iter().filter(|e| *e != id).collect();
    let index = usize::try_from(position - 1).unwrap_or(0).min(order.len());
    order.insert(index, id);
    let mut draft = Draft::new(roster, now);
    for (place, entry) in order.into_iter().enumerate() {
        let place = i64::try_from(place).unwrap_or(i64::MAX) + 1;
        if entry == id {
            draft.change(
                entry,
                EnrollmentAction::Reordered,
                Some(actor),
                reason,
                |e| e.queue_position = Some(place),
            );
        } else if draft.get(entry).and_then(|e| e.queue_position) != Some(place) {
            // Renumbering the others is bookkeeping, not an event of theirs.
            if let Some(e) = draft.entries.iter_mut().find(|e| e.id == entry) {
                e.queue_position = Some(place);
                e.updated_at = now;
            }
            if !draft.changed.contains(&entry) {
                draft.changed.push(entry);
            }
        }
    }
    Ok(draft.finish())
}
