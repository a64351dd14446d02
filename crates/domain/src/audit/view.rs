//! The organization administrator's audit view and its CSV export. Both are recorded in
//! the trail they read, in the same transaction; a refused attempt is recorded too.

use chrono::{DateTime, Utc};

use super::entry::AuditEntry;
use super::event::{AuditAction, AuditEvent, AuditObject, Trail};
use super::filter::{AuditFilter, AuditFilterInput, PersonRef};
use crate::auth::Actor;
use crate::ids::{AccountId, OrgId};
use crate::policy::{authorize, Access};
use crate::store::AuditQuery;
use crate::{Error, Store};

/// Events on one page of the view.
pub const PAGE_SIZE: i64 = 50;
/// The most events one CSV file holds, newest first; the page offers the next file.
pub const EXPORT_MAX_ROWS: i64 = 10_000;
/// The object kind of events about the trail itself; its id is the organization's.
pub const AUDIT_OBJECT: &str = "audit_trail";

/// One page (or one file) of events, newest first.
#[derive(Debug, Clone)]
pub struct AuditPage {
    pub filter: AuditFilter,
    pub entries: Vec<AuditEntry>,
    /// Set when older events match: the `before` of the next page.
    pub next_before: Option<i64>,
}

/// The organization's events for its administrators, newest first, a page at a time.
pub async fn audit_view(
    store: &dyn Store,
    actor: &Actor,
    org: OrgId,
    input: &AuditFilterInput,
    trail: &Trail,
    now: DateTime<Utc>,
) -> Result<AuditPage, Error> {
    read(
        store,
        actor,
        org,
        input,
        trail,
        now,
        AuditAction::AuditView,
        PAGE_SIZE,
    )
    .await
}

/// The same events for a CSV file: up to [`EXPORT_MAX_ROWS`] at once.
pub async fn audit_export(
    store: &dyn Store,
    actor: &Actor,
    org: OrgId,
    input: &AuditFilterInput,
    trail: &Trail,
    now: DateTime<Utc>,
) -> Result<AuditPage, Error> {
    read(
        store,
        actor,
        org,
        input,
        trail,
        now,
        AuditAction::AuditExport,
        EXPORT_MAX_ROWS,
    )
    .await
}

/// Whom a person filter names: an account, or nobody (an email without an account).
enum Named {
    Anyone,
    Account(AccountId),
    Nobody,
}

#[allow(clippy::too_many_arguments)]
async fn read(
    store: &dyn Store,
    actor: &Actor,
    org: OrgId,
    input: &AuditFilterInput,
    trail: &Trail,
    now: DateTime<Utc>,
    action: AuditAction,
    limit: i64,
) -> Result<AuditPage, Error> {
    let object = AuditObject {
        kind: AUDIT_OBJECT,
        id: org.to_string(),
    };
    let mut event = AuditEvent::by(actor, org, action, object, trail, now);
    if let Err(error) = authorize(actor, Access::ManageOrg(org)) {
        return Err(super::refused(store, event, error).await);
    }
    let filter = input.parse()?;
    let actor_filter = named(store, filter.actor.as_ref()).await?;
    let member_filter = named(store, filter.member.as_ref()).await?;
    if let Named::Account(member) = member_filter {
        event = event.about(member);
    }
    let (actor_id, member_id) = match (actor_filter, member_filter) {
        (Named::Nobody, _) | (_, Named::Nobody) => {
            // Nobody with that email: nothing matches, and the look is still recorded.
            store.record_audit(event).await?;
            return Ok(AuditPage {
                filter,
                entries: Vec::new(),
                next_before: None,
            });
        }
        (a, m) => (account(a), account(m)),
    };
    let query = AuditQuery {
        org,
        actor: actor_id,
        member: member_id,
        action: filter.action,
        from: filter.from_instant(),
        to: filter.to_instant(),
        before_seq: filter.before,
        // One more than shown tells whether older events exist.
        limit: limit + 1,
    };
    let mut entries = store.audit_trail(query, event).await?;
    let next_before = if entries.len() as i64 > limit {
        entries.truncate(usize::try_from(limit).unwrap_or(usize::MAX));
        entries.last().map(|e| e.seq)
    } else {
        None
    };
    Ok(AuditPage {
        filter,
        entries,
        next_before,
    })
}

fn account(named: Named) -> Option<AccountId> {
    match named {
        Named::Account(id) => Some(id),
        Named::Anyone | Named::Nobody => None,
    }
}

async fn named(store: &dyn Store, person: Option<&PersonRef>) -> Result<Named, Error> {
    Ok(match person {
        None => Named::Anyone,
        Some(PersonRef::Id(id)) => Named::Account(*id),
        Some(PersonRef::Email(email)) => match store.account_by_email(email).await? {
            Some(account) => Named::Account(account.id),
            None => Named::Nobody,
        },
    })
}
