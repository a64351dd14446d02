//! Demo enrollments: who is in each group, never more active members than seats.

use chrono::{DateTime, Duration, Utc};
use kindred_domain::accounts::Account;
use kindred_domain::enrollments::{Enrollment, EnrollmentStatus};
use kindred_domain::groups::Group;
use kindred_domain::ids::AccountId;
use kindred_domain::{Error, Store};

use super::plan::Roster;

/// Enrols members per the roster and returns who was enrolled, with their status.
///
/// `members[0]` is `member@demo.kindred.test` and is placed only by `roster.headline`;
/// everyone else is taken in turn from `roster.offset`, wrapping round the list, so nobody
/// is enrolled twice in one group.
pub(super) async fn enrol(
    store: &dyn Store,
    group: &Group,
    roster: &Roster,
    members: &[Account],
    now: DateTime<Utc>,
) -> Result<Vec<(AccountId, EnrollmentStatus)>, Error> {
    let mut seats = usize::try_from(group.capacity).unwrap_or(0);
    let mut picks: Vec<(AccountId, EnrollmentStatus)> = Vec::new();
    let (headline, others) = match members.split_first() {
        Some((first, rest)) => (Some(first), rest),
        None => (None, members),
    };
    if let (Some(status), Some(member)) = (roster.headline, headline) {
        let needs_seat = status == EnrollmentStatus::Active;
        if !needs_seat || seats > 0 {
            seats -= usize::from(needs_seat);
            picks.push((member.id, status));
        }
    }
    let statuses = std::iter::repeat_n(EnrollmentStatus::Active, roster.active.min(seats))
        .chain(std::iter::repeat_n(
            EnrollmentStatus::Waitlisted,
            roster.waitlisted,
        ))
        .chain(std::iter::repeat_n(
            EnrollmentStatus::Requested,
            roster.requested,
        ));
    for (k, status) in statuses.take(others.len()).enumerate() {
        if let Some(member) = others.get((roster.offset + k) % others.len()) {
            picks.push((member.id, status));
        }
    }

    let mut enrolled = Vec::with_capacity(picks.len());
    for (k, (account_id, status)) in picks.into_iter().enumerate() {
        let created_at = joined(status, k, now);
        let position = i64::try_from(k).unwrap_or(0) + 1;
        let enrollment = Enrollment::recorded(group.id, account_id, status, created_at, position);
        store.insert_enrollment(enrollment).await?;
        enrolled.push((account_id, status));
    }
    Ok(enrolled)
}

/// Active members joined before the first demo session (four weeks ago); requests and
/// waitlist places are recent, as they would be in a group people are still finding.
fn joined(status: EnrollmentStatus, k: usize, now: DateTime<Utc>) -> DateTime<Utc> {
    let spread = i64::try_from(k % 7).unwrap_or(0);
    match status {
        EnrollmentStatus::Active => now - Duration::days(29 + 2 * spread),
        _ => now - Duration::days(1 + spread) - Duration::hours(3 * spread),
    }
}
